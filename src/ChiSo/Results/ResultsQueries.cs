using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Results;

/// <summary>The current import of a framework version's year, as the lookup query returns it (no rows).</summary>
public sealed record CurrentImport(int Id, string FrameworkId, int Year, bool Illustrative);

/// <summary>
/// Read-side queries over imported results. Frameworks come from the shared <see cref="ResultsCache"/> (they change
/// rarely); which import is current is asked of the database on every call (one small query), so a new import, made
/// here or by another app instance, is seen at once.
/// </summary>
public sealed class ResultsQueries(ChiSoDbContext db, ResultsCache? cache = null)
{
    /// <summary>The shared cache, or a private one when built by hand (tests, tools).</summary>
    public ResultsCache Cache { get; } = cache ?? new ResultsCache();

    public Task<FrameworkCatalogue> CatalogueAsync(string? mustKnow = null, CancellationToken cancellationToken = default) =>
        Cache.FrameworksAsync(db, mustKnow, cancellationToken);

    /// <summary>Every framework version with its nodes, by family then first year. Shared: read, never change.</summary>
    public async Task<IReadOnlyList<Framework>> FrameworksAsync(CancellationToken cancellationToken = default) =>
        (await CatalogueAsync(null, cancellationToken)).All;

    public async Task<Framework?> FrameworkAsync(string id, CancellationToken cancellationToken = default) =>
        (await CatalogueAsync(id, cancellationToken)).Find(id);

    /// <summary>The framework version a family (or version id) uses in a year.</summary>
    public async Task<Framework?> FrameworkForYearAsync(string familyOrId, int year, CancellationToken cancellationToken = default) =>
        (await CatalogueAsync(familyOrId, cancellationToken)).ValidFor(familyOrId, year);

    public async Task<string?> FamilyOfAsync(string familyOrId, CancellationToken cancellationToken = default) =>
        (await CatalogueAsync(familyOrId, cancellationToken)).FamilyOf(familyOrId);

    /// <summary>What <c>?province=68</c> or <c>?scope=communes</c> means in a year (a province code is looked up only then).</summary>
    public Task<ChiSo.Common.Outcome<ResolvedScope>> ResolveScopeAsync(ScopeRequest request, int year, CancellationToken cancellationToken = default) =>
        ResultScopes.ResolveAsync(db, request, year, cancellationToken);

    /// <summary>Years with a current import in a family (of the provinces unless another scope is given), newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string family, CancellationToken cancellationToken = default) =>
        await YearsAsync(family, ResultScope.Provinces, cancellationToken);

    public async Task<IReadOnlyList<int>> YearsAsync(string family, ResultScope scope, CancellationToken cancellationToken = default)
    {
        var ids = db.Frameworks.Where(f => f.Family == family).Select(f => f.Id);
        var key = scope.Key;
        return await db.ResultImports.AsNoTracking()
            .Where(r => r.IsCurrent && r.Scope == key && ids.Contains(r.FrameworkId))
            .Select(r => r.Year)
            .Distinct()
            .OrderByDescending(y => y)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The current imports of a family in a scope (the provinces by default), oldest year first — of the given years
    /// only, when given. One query; the family's versions are looked up in the database, so a version another
    /// instance just added is included.
    /// </summary>
    public async Task<IReadOnlyList<CurrentImport>> CurrentImportsAsync(string family, IReadOnlyCollection<int>? years = null, ResultScope? scope = null,
        CancellationToken cancellationToken = default)
    {
        var ids = db.Frameworks.Where(f => f.Family == family).Select(f => f.Id);
        var key = (scope ?? ResultScope.Provinces).Key;
        var query = db.ResultImports.AsNoTracking().Where(r => r.IsCurrent && r.Scope == key && ids.Contains(r.FrameworkId));
        if (years is not null)
        {
            query = query.Where(r => years.Contains(r.Year));
        }

        var imports = await query.Select(r => new CurrentImport(r.Id, r.FrameworkId, r.Year, r.IsIllustrative)).ToListAsync(cancellationToken);
        return imports.OrderBy(i => i.Year).ThenBy(i => i.Id).ToList();
    }

    /// <summary>The current import of a framework version's year (of the provinces unless another scope is given), with its units and scores.</summary>
    public async Task<ResultImport?> CurrentAsync(string frameworkId, int year, ResultScope? scope = null, CancellationToken cancellationToken = default)
    {
        var key = (scope ?? ResultScope.Provinces).Key;
        var found = await db.ResultImports.AsNoTracking()
            .Where(r => r.FrameworkId == frameworkId && r.Year == year && r.IsCurrent && r.Scope == key)
            .Select(r => new CurrentImport(r.Id, r.FrameworkId, r.Year, r.IsIllustrative))
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : await LoadAsync(db, found, null, cancellationToken);
    }

    /// <summary>Every current import of a family, oldest year first, each with its framework version and all its rows.</summary>
    public async Task<IReadOnlyList<(Framework Framework, ResultImport Import)>> AllYearsAsync(string family, CancellationToken cancellationToken = default)
    {
        var catalogue = await CatalogueAsync(family, cancellationToken);
        var list = new List<(Framework, ResultImport)>();
        foreach (var current in await CurrentImportsAsync(family, null, null, cancellationToken))
        {
            if (catalogue.Find(current.FrameworkId) is { } framework)
            {
                list.Add((framework, await LoadAsync(db, current, null, cancellationToken)));
            }
        }

        return list;
    }

    /// <summary>Every version of a year's import in a scope (the provinces by default), newest first.</summary>
    public async Task<IReadOnlyList<ResultImport>> HistoryAsync(string frameworkId, int year, ResultScope? scope = null, CancellationToken cancellationToken = default)
    {
        var key = (scope ?? ResultScope.Provinces).Key;
        return await db.ResultImports.AsNoTracking()
            .Where(r => r.FrameworkId == frameworkId && r.Year == year && r.Scope == key)
            .OrderByDescending(r => r.Version)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// An import's rows and cells, read as plain values (no change tracking, no entity graph): two queries. Only the
    /// nodes in <paramref name="onlyNodes"/> when given — the aggregate and dimensions for a trend. A unit's cells are
    /// in node-code order, whatever order the database returns them in.
    /// </summary>
    public static async Task<ResultImport> LoadAsync(ChiSoDbContext db, CurrentImport current, IReadOnlyCollection<string>? onlyNodes,
        CancellationToken cancellationToken = default)
    {
        var units = await db.UnitResults.AsNoTracking()
            .Where(u => u.ResultImportId == current.Id)
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.UnitId, u.RowNumber, u.Scored, u.Unit!.Code, u.Unit.Name, u.Unit.FullName, u.Unit.Kind })
            .ToListAsync(cancellationToken);
        // A join, so the database walks the import's unit rows and then each one's cells by the cells' key.
        var nodes = from n in db.NodeResults.AsNoTracking()
                    join u in db.UnitResults on n.UnitResultId equals u.Id
                    where u.ResultImportId == current.Id
                    select n;
        if (onlyNodes is not null)
        {
            nodes = nodes.Where(n => onlyNodes.Contains(n.NodeCode));
        }

        var byUnit = (await nodes.ToListAsync(cancellationToken)).ToLookup(n => n.UnitResultId);
        var import = new ResultImport
        {
            Id = current.Id, FrameworkId = current.FrameworkId, Year = current.Year, IsCurrent = true, IsIllustrative = current.Illustrative,
            FileName = "", ImportedBy = "",
        };
        foreach (var u in units)
        {
            import.Units.Add(new UnitResult
            {
                Id = u.Id, ResultImportId = current.Id, UnitId = u.UnitId, RowNumber = u.RowNumber, Scored = u.Scored,
                Unit = new Unit { Id = u.UnitId, Code = u.Code, Name = u.Name, FullName = u.FullName, Kind = u.Kind },
                Nodes = byUnit[u.Id].OrderBy(n => n.NodeCode, StringComparer.Ordinal).ToList(),
            });
        }

        return import;
    }
}
