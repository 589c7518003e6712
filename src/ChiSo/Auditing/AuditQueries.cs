using System.Globalization;
using System.Text;
using ChiSo.Common;
using ChiSo.Data;

using Microsoft.EntityFrameworkCore;

namespace ChiSo.Auditing;

/// <summary>A filter over the audit log; empty fields match everything. Dates are inclusive days in Viet Nam time.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? EntityType = null, DateOnly? From = null, DateOnly? To = null, int Limit = 500);

/// <summary>Reads the append-only audit log, newest first, and exports it as CSV.</summary>
public sealed class AuditQueries(ChiSoDbContext db)
{
    /// <summary>How far back the date filter looks: SQLite cannot compare DateTimeOffset values in SQL, so dates are filtered in memory.</summary>
    private const int Window = 20_000;

    public async Task<IReadOnlyList<AuditEntry>> FindAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(a => a.Actor == filter.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action.StartsWith(filter.Action.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType.Trim());
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(Window).ToListAsync(cancellationToken);
        return rows
            .Where(a => filter.From is null || DateOnly.FromDateTime(a.At.ToVietNam().DateTime) >= filter.From)
            .Where(a => filter.To is null || DateOnly.FromDateTime(a.At.ToVietNam().DateTime) <= filter.To)
            .Take(filter.Limit)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    public static string Csv(IEnumerable<AuditEntry> entries)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        ChiSo.Text.Csv.WriteRecord(text, ["id", "at_utc", "at_vietnam", "actor", "address", "action", "entity_type", "entity_id", "old_values", "new_values"]);
        foreach (var a in entries)
        {
            ChiSo.Text.Csv.WriteRecord(text, [a.Id.ToString(CultureInfo.InvariantCulture), a.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                a.At.ToVietNam().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), a.Actor,
                a.ActorAddress, a.Action, a.EntityType, a.EntityId, a.OldValues, a.NewValues]);
        }

        return text.ToString();
    }
}
