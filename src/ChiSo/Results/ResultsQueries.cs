using ChiSo.Data;
using ChiSo.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Results;

/// <summary>Read-side queries over imported results; everything is loaded untracked and whole.</summary>
public sealed class ResultsQueries(ChiSoDbContext db)
{
    public async Task<IReadOnlyList<Framework>> FrameworksAsync(CancellationToken cancellationToken = default)
    {
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Nodes).ToListAsync(cancellationToken);
        return frameworks.OrderBy(f => f.Family, StringComparer.Ordinal).ThenBy(f => f.ValidFrom).ToList();
    }

    public async Task<Framework?> FrameworkAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Frameworks.AsNoTracking().Include(f => f.Nodes).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>The framework version a family (or version id) uses in a year.</summary>
    public async Task<Framework?> FrameworkForYearAsync(string familyOrId, int year, CancellationToken cancellationToken = default)
    {
        var family = await FamilyOfAsync(familyOrId, cancellationToken);
        if (family is null)
        {
            return null;
        }

        var versions = await db.Frameworks.AsNoTracking().Include(f => f.Nodes).Where(f => f.Family == family).ToListAsync(cancellationToken);
        return FrameworkVersions.ValidFor(versions, familyOrId, year);
    }

    public async Task<string?> FamilyOfAsync(string familyOrId, CancellationToken cancellationToken = default) =>
        await db.Frameworks.AsNoTracking()
            .Where(f => f.Id == familyOrId || f.Family == familyOrId)
            .Select(f => f.Family)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Years with a current import in a family, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string family, CancellationToken cancellationToken = default)
    {
        var ids = db.Frameworks.Where(f => f.Family == family).Select(f => f.Id);
        return await db.ResultImports.AsNoTracking()
            .Where(r => r.IsCurrent && ids.Contains(r.FrameworkId))
            .Select(r => r.Year)
            .Distinct()
            .OrderByDescending(y => y)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The current import of a framework version's year, with its units and scores.</summary>
    public async Task<ResultImport?> CurrentAsync(string frameworkId, int year, CancellationToken cancellationToken = default) =>
        await db.ResultImports.AsNoTracking().AsSplitQuery()
            .Include(r => r.Units).ThenInclude(u => u.Unit)
            .Include(r => r.Units).ThenInclude(u => u.Nodes)
            .SingleOrDefaultAsync(r => r.FrameworkId == frameworkId && r.Year == year && r.IsCurrent, cancellationToken);

    /// <summary>Every current import of a family, oldest year first, each with its framework version.</summary>
    public async Task<IReadOnlyList<(Framework Framework, ResultImport Import)>> AllYearsAsync(string family, CancellationToken cancellationToken = default)
    {
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Nodes)
            .Where(f => f.Family == family).ToDictionaryAsync(f => f.Id, cancellationToken);
        var imports = await db.ResultImports.AsNoTracking().AsSplitQuery()
            .Include(r => r.Units).ThenInclude(u => u.Unit)
            .Include(r => r.Units).ThenInclude(u => u.Nodes)
            .Where(r => r.IsCurrent && frameworks.Keys.Contains(r.FrameworkId))
            .ToListAsync(cancellationToken);
        return imports.OrderBy(i => i.Year).Select(i => (frameworks[i.FrameworkId], i)).ToList();
    }

    /// <summary>Earlier versions of a year's import (history), newest first.</summary>
    public async Task<IReadOnlyList<ResultImport>> HistoryAsync(string frameworkId, int year, CancellationToken cancellationToken = default) =>
        await db.ResultImports.AsNoTracking()
            .Where(r => r.FrameworkId == frameworkId && r.Year == year)
            .OrderByDescending(r => r.Version)
            .ToListAsync(cancellationToken);
}
