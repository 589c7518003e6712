using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// How long each text of a plan may be, and how large a target value, read from the EF model — the same numbers
/// the schema's varchar and numeric columns were made from — so the validator and the database never disagree and
/// no limit is written twice. PostgreSQL enforces these lengths and SQLite does not: checking them before saving
/// gives both the same validation message instead of a database error on one of them.
/// </summary>
internal sealed class PlanLimits
{
    private static readonly ConditionalWeakTable<IModel, PlanLimits> Cache = [];
    private readonly IModel _model;
    private readonly ConcurrentDictionary<(Type, string), int?> _lengths = new();

    private PlanLimits(IModel model) => _model = model;

    public static PlanLimits Of(IModel model) => Cache.GetValue(model, m => new PlanLimits(m));

    /// <summary>The longest text the column of <typeparamref name="TEntity"/>.<paramref name="property"/> holds; null when unbounded or not mapped.</summary>
    public int? MaxLength<TEntity>(string property) =>
        _lengths.GetOrAdd((typeof(TEntity), property), key => _model.FindEntityType(key.Item1)?.FindProperty(key.Item2)?.GetMaxLength());

    /// <summary>The largest magnitude a numeric(precision, scale) column holds (exclusive): 10^(precision − scale).</summary>
    public decimal? MaxMagnitude<TEntity>(string property)
    {
        var column = _model.FindEntityType(typeof(TEntity))?.FindProperty(property);
        return column?.GetPrecision() is { } precision
            ? (decimal)Math.Pow(10, precision - (column.GetScale() ?? 0))
            : null;
    }
}
