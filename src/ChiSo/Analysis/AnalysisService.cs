using ChiSo.Data;
using ChiSo.Results;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Analysis;

/// <summary>Loads a family's current imports and turns them into year tables, profiles and merged histories.</summary>
public sealed class AnalysisService(ChiSoDbContext db, ResultsQueries results)
{
    /// <summary>Every year table of a family, oldest first, each compared with the year before it.</summary>
    public async Task<IReadOnlyList<YearTable>> TablesAsync(string family, CancellationToken cancellationToken = default)
    {
        var tables = new List<YearTable>();
        foreach (var (framework, import) in await results.AllYearsAsync(family, cancellationToken))
        {
            var previous = tables.LastOrDefault(t => t.Year == import.Year - 1);
            tables.Add(YearTableBuilder.Build(framework, import, previous));
        }

        return tables;
    }

    public async Task<YearTable?> TableAsync(string familyOrId, int year, CancellationToken cancellationToken = default)
    {
        var family = await results.FamilyOfAsync(familyOrId, cancellationToken);
        if (family is null)
        {
            return null;
        }

        var framework = await results.FrameworkForYearAsync(familyOrId, year, cancellationToken);
        var current = framework is null ? null : await results.CurrentAsync(framework.Id, year, cancellationToken);
        if (framework is null || current is null)
        {
            return null;
        }

        YearTable? previous = null;
        var previousFramework = await results.FrameworkForYearAsync(family, year - 1, cancellationToken);
        if (previousFramework is not null && await results.CurrentAsync(previousFramework.Id, year - 1, cancellationToken) is { } before)
        {
            previous = YearTableBuilder.Build(previousFramework, before);
        }

        return YearTableBuilder.Build(framework, current, previous);
    }

    public async Task<UnitProfile?> ProfileAsync(int unitId, string family, int year, CancellationToken cancellationToken = default) =>
        UnitProfileBuilder.Build(unitId, year, await TablesAsync(family, cancellationToken));

    /// <summary>
    /// The profile of one year without the multi-year trend: what drafting a plan needs (the year's dimensions and
    /// lost points), at the cost of one or two year tables instead of every year's.
    /// </summary>
    public async Task<UnitProfile?> YearProfileAsync(int unitId, string family, int year, CancellationToken cancellationToken = default) =>
        await TableAsync(family, year, cancellationToken) is { } table ? UnitProfileBuilder.Build(unitId, year, [table]) : null;

    /// <summary>The province a code means in a year: "68" in 2019 is the old Lâm Đồng, in 2025 the merged one.</summary>
    public async Task<Unit?> UnitForYearAsync(string code, int year, CancellationToken cancellationToken = default)
    {
        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        var candidates = await db.Units.AsNoTracking().Where(u => u.Code == code).ToListAsync(cancellationToken);
        return candidates.Where(u => u.IsValidOn(date)).OrderBy(u => u.Kind).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Unit>> PredecessorsAsync(int unitId, CancellationToken cancellationToken = default) =>
        await db.UnitPredecessors.AsNoTracking()
            .Where(p => p.UnitId == unitId)
            .Select(p => p.Predecessor!)
            .OrderBy(p => p.Code)
            .ToListAsync(cancellationToken);

    /// <summary>The province an old province became part of on 1 July 2025, if any.</summary>
    public async Task<Unit?> SuccessorAsync(int unitId, CancellationToken cancellationToken = default) =>
        await db.UnitPredecessors.AsNoTracking()
            .Where(p => p.PredecessorId == unitId)
            .Join(db.Units, p => p.UnitId, u => u.Id, (_, u) => u)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<MergedHistory?> MergedHistoryAsync(Unit unit, string family, IReadOnlyDictionary<int, decimal>? weights, string? weightLabel,
        CancellationToken cancellationToken = default)
    {
        var predecessors = await PredecessorsAsync(unit.Id, cancellationToken);
        if (predecessors.Count == 0)
        {
            return null;
        }

        return MergedHistoryBuilder.Build(unit, predecessors, await TablesAsync(family, cancellationToken), weights, weightLabel);
    }
}
