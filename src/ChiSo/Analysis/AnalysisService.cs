using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Analysis;

/// <summary>
/// Year tables, profiles and merged histories of a family's current imports. A table is built once per import (and
/// previous-year import) and then served from <see cref="ResultsCache"/>; a request asks the database only which
/// imports are current. Trends and merged histories use each year's aggregate and dimensions only ("summaries"),
/// never every year's full table.
/// </summary>
public sealed class AnalysisService(ChiSoDbContext db, ResultsQueries results)
{
    private ResultsCache Cache => results.Cache;

    /// <summary>Every year table of a family (the provinces'), oldest first, each compared with the year before it.</summary>
    public async Task<IReadOnlyList<YearTable>> TablesAsync(string family, CancellationToken cancellationToken = default)
    {
        var (catalogue, imports) = await ImportsAsync(family, null, ResultScope.Provinces, cancellationToken);
        var tables = new List<YearTable>();
        foreach (var import in imports)
        {
            if (catalogue.Find(import.FrameworkId) is { } framework)
            {
                // Oldest first: the year before was just built (or served), so a missing table compares with it
                // rather than loading that year's summary again; the result is the same.
                var previous = Previous(catalogue, family, imports, import.Year);
                var built = previous is null ? null : tables.LastOrDefault(t => t.ImportId == previous.Id);
                tables.Add(await TableAsync(framework, import, previous, cancellationToken, built));
            }
        }

        return tables;
    }

    /// <summary>The provinces' table of a year, compared with the year before: one lookup query when both are cached.</summary>
    public Task<YearTable?> TableAsync(string familyOrId, int year, CancellationToken cancellationToken = default) =>
        TableAsync(familyOrId, year, ResultScope.Provinces, cancellationToken);

    /// <summary>A scope's table of a year (ranks and groups among that scope's units), compared with the scope's year before.</summary>
    public async Task<YearTable?> TableAsync(string familyOrId, int year, ResultScope scope, CancellationToken cancellationToken = default)
    {
        var catalogue = await results.CatalogueAsync(familyOrId, cancellationToken);
        if (catalogue.FamilyOf(familyOrId) is not { } family)
        {
            return null;
        }

        (catalogue, var imports) = await ImportsAsync(family, [year, year - 1], scope, cancellationToken);
        var framework = catalogue.ValidFor(familyOrId, year);
        var current = framework is null ? null : imports.FirstOrDefault(i => i.Year == year && i.FrameworkId == framework.Id);
        return current is null ? null : await TableAsync(framework!, current, Previous(catalogue, family, imports, year), cancellationToken);
    }

    /// <summary>The aggregate and dimensions of every current year of a family's scope, oldest first: what trends and merged histories show.</summary>
    public async Task<IReadOnlyList<YearTable>> SummariesAsync(string family, CancellationToken cancellationToken = default) =>
        await SummariesAsync(family, ResultScope.Provinces, cancellationToken);

    public async Task<IReadOnlyList<YearTable>> SummariesAsync(string family, ResultScope scope, CancellationToken cancellationToken = default)
    {
        var (catalogue, imports) = await ImportsAsync(family, null, scope, cancellationToken);
        return await SummariesAsync(catalogue, imports, cancellationToken);
    }

    public async Task<UnitProfile?> ProfileAsync(int unitId, string family, int year, CancellationToken cancellationToken = default) =>
        (await ProfileWithHistoryAsync(unitId, family, year, ResultScope.Provinces, cancellationToken)).Profile;

    public async Task<UnitProfile?> ProfileAsync(int unitId, string family, int year, ResultScope scope, CancellationToken cancellationToken = default) =>
        (await ProfileWithHistoryAsync(unitId, family, year, scope, cancellationToken)).Profile;

    /// <summary>
    /// The profile of a unit in a year — that year's full table, every year's summary for the trend — and the
    /// summaries themselves (for the merged history and the year picker), from one lookup query when cached.
    /// </summary>
    public async Task<(UnitProfile? Profile, IReadOnlyList<YearTable> Summaries)> ProfileWithHistoryAsync(int unitId, string family, int year,
        ResultScope scope, CancellationToken cancellationToken = default)
    {
        var (catalogue, imports) = await ImportsAsync(family, null, scope, cancellationToken);
        var summaries = await SummariesAsync(catalogue, imports, cancellationToken);
        var framework = catalogue.ValidFor(family, year);
        var current = framework is null ? null : imports.FirstOrDefault(i => i.Year == year && i.FrameworkId == framework.Id);
        if (current is null)
        {
            return (null, summaries);
        }

        var table = await TableAsync(framework!, current, Previous(catalogue, family, imports, year), cancellationToken);
        // A profile is a function of the year's table and the trend's imports: cached under all of them, so any
        // re-import (of that year or another) is a new key.
        var trend = string.Join(',', summaries.Select(t => t.ImportId));
        var profile = await Cache.GetOrBuildAsync(new ResultsCacheKey("profile", table.ImportId, table.PreviousImportId, $"{unitId}|{trend}"),
            () => Task.FromResult(new CachedProfile(UnitProfileBuilder.Build(unitId, year, table, summaries))),
            p => 2048 + ((p.Profile?.LostPoints.Count ?? 0) * 160L) + ((p.Profile?.Trend.Count ?? 0) * 120L), cancellationToken);
        return (profile.Profile, summaries);
    }

    /// <summary>
    /// The profile of one year without the multi-year trend: what drafting a plan needs (the year's dimensions and
    /// lost points), at the cost of one or two year tables instead of every year's.
    /// </summary>
    public async Task<UnitProfile?> YearProfileAsync(int unitId, string family, int year, CancellationToken cancellationToken = default) =>
        await TableAsync(family, year, cancellationToken) is { } table ? UnitProfileBuilder.Build(unitId, year, [table]) : null;

    /// <summary>The unit a code means in a year: "68" in 2019 is the old Lâm Đồng, in 2025 the merged one; a commune's code its commune.</summary>
    public async Task<Unit?> UnitForYearAsync(string code, int year, CancellationToken cancellationToken = default)
    {
        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        // With its parents: a commune's province (directly, or through its district before 2025) names its scope.
        var candidates = await db.Units.AsNoTracking().Include(u => u.Parent).ThenInclude(p => p!.Parent)
            .Where(u => u.Code == code).ToListAsync(cancellationToken);
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

        return MergedHistoryBuilder.Build(unit, predecessors, await SummariesAsync(family, cancellationToken), weights, weightLabel);
    }

    /// <summary>
    /// The scope a unit's results are ranked in: a province among the provinces; a commune among its province's
    /// communes when that province imported some for the year, otherwise among the communes of the whole country.
    /// </summary>
    public async Task<ResultScope> ScopeOfAsync(Unit unit, string family, int year, CancellationToken cancellationToken = default)
    {
        if (unit.Kind != UnitKind.Commune)
        {
            return ResultScope.Provinces;
        }

        var parent = unit.Parent ?? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unit.ParentId, cancellationToken);
        var provinceId = parent is null ? null : parent.Kind == UnitKind.Province ? parent.Id : parent.ParentId;
        if (provinceId is { } id && (await results.CurrentImportsAsync(family, [year], ResultScope.CommunesOf(id), cancellationToken)).Count > 0)
        {
            return ResultScope.CommunesOf(id);
        }

        return ResultScope.AllCommunes;
    }

    /// <summary>A commune's province when its parents are loaded: its parent, or its district's parent before 2025.</summary>
    public static Unit? ProvinceOf(Unit unit) =>
        unit.Parent is { Kind: UnitKind.Province } parent ? parent : unit.Parent?.Parent is { Kind: UnitKind.Province } grand ? grand : null;

    /// <summary>The family's current imports in a scope (of some years) and a catalogue that knows each one's version.</summary>
    private async Task<(FrameworkCatalogue, IReadOnlyList<CurrentImport>)> ImportsAsync(string family, IReadOnlyCollection<int>? years, ResultScope scope,
        CancellationToken cancellationToken)
    {
        var catalogue = await results.CatalogueAsync(family, cancellationToken);
        var imports = await results.CurrentImportsAsync(family, years, scope, cancellationToken);
        // A version added by another app instance since the catalogue was loaded: reload once.
        if (imports.FirstOrDefault(i => !catalogue.Contains(i.FrameworkId)) is { } unknown)
        {
            Cache.ForgetFrameworks();
            catalogue = await results.CatalogueAsync(unknown.FrameworkId, cancellationToken);
        }

        return (catalogue, imports);
    }

    private static CurrentImport? Previous(FrameworkCatalogue catalogue, string family, IReadOnlyList<CurrentImport> imports, int year) =>
        catalogue.ValidFor(family, year - 1) is { } framework ? imports.FirstOrDefault(i => i.Year == year - 1 && i.FrameworkId == framework.Id) : null;

    /// <param name="previousTable">The previous year's table when the caller has it: read for its aggregates, as a summary would be.</param>
    private Task<YearTable> TableAsync(Framework framework, CurrentImport current, CurrentImport? previous, CancellationToken cancellationToken,
        YearTable? previousTable = null) =>
        Cache.GetOrBuildAsync(new ResultsCacheKey("table", current.Id, previous?.Id), db, async own =>
        {
            var before = previous is null ? null : previousTable ?? await SummaryAsync(own, framework.Family, previous, CancellationToken.None);
            var rows = await ResultsQueries.LoadAsync(own, current, null, CancellationToken.None);
            return YearTableBuilder.Build(framework, rows, before);
        }, t => t.EstimatedBytes, cancellationToken);

    private async Task<IReadOnlyList<YearTable>> SummariesAsync(FrameworkCatalogue catalogue, IReadOnlyList<CurrentImport> imports, CancellationToken cancellationToken)
    {
        var summaries = new List<YearTable>(imports.Count);
        foreach (var import in imports)
        {
            if (catalogue.Find(import.FrameworkId) is { } framework)
            {
                summaries.Add(await SummaryAsync(db, framework.Family, import, cancellationToken));
            }
        }

        return summaries;
    }

    /// <summary>One year's aggregate and dimensions, ranked and grouped among all units of that year.</summary>
    private async Task<YearTable> SummaryAsync(ChiSoDbContext context, string family, CurrentImport import, CancellationToken cancellationToken) =>
        await Cache.GetOrBuildAsync(new ResultsCacheKey("summary", import.Id), context, async own =>
        {
            var catalogue = await Cache.FrameworksAsync(own, import.FrameworkId, CancellationToken.None);
            var framework = catalogue.Find(import.FrameworkId)
                ?? throw new InvalidOperationException($"Framework {import.FrameworkId} of import {import.Id} ({family}) is not in the catalogue.");
            var tree = catalogue.Tree(framework);
            var ranked = framework.Nodes.Where(n => tree.Depth(n.Code) <= 1).Select(n => n.Code).ToList();
            var rows = await ResultsQueries.LoadAsync(own, import, ranked, CancellationToken.None);
            return YearTableBuilder.Build(framework, rows, null, rankedColumnsOnly: true);
        }, t => t.EstimatedBytes, cancellationToken);
}

/// <summary>A built profile, or none (the unit has no row that year), as the cache holds it.</summary>
internal sealed record CachedProfile(UnitProfile? Profile);
