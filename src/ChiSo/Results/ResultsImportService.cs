using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results.Import;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Results;

/// <summary>
/// Imports a results file for a framework and year as one unit of work: either every row is saved as a new current
/// version (the previous one kept as history) with its audit row, or nothing is. The file is parsed once, before
/// the transaction; the rows are written in bulk (<see cref="ResultRowsWriter"/>). Two imports of the same year at
/// once both compute "max(version) + 1": the loser's insert hits the unique index and <see cref="UnitOfWork"/>
/// runs it again with fresh reads, so both succeed as consecutive versions, or the second is told to try again.
/// </summary>
public sealed class ResultsImportService(ChiSoDbContext db, AuditLog audit, TimeProvider clock, ResultsCache? cache = null,
    ChiSo.Intake.IntakeLimits? limits = null)
{
    /// <summary>Lets a test fail the import after the rows are added, to prove nothing half-written remains.</summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>Test seam: runs inside the unit of work after the version was chosen, before anything is written.</summary>
    internal Func<int, Task>? AfterVersionChosen { get; set; }

    /// <summary>Imports a file of province results (the national indices).</summary>
    public Task<ResultsImportOutcome> ImportAsync(
        string frameworkIdOrFamily, int year, Stream content, string fileName, string? contentType, Actor actor,
        bool illustrative = false, CancellationToken cancellationToken = default) =>
        ImportAsync(frameworkIdOrFamily, year, ScopeRequest.Provinces, content, fileName, contentType, actor, illustrative, cancellationToken);

    /// <summary>
    /// Imports a file for a scope: provinces, the communes of one province, or every commune. A new version replaces
    /// only the current version of the same scope; ranks and groups are computed among the file's units.
    /// </summary>
    public async Task<ResultsImportOutcome> ImportAsync(
        string frameworkIdOrFamily, int year, ScopeRequest scopeRequest, Stream content, string fileName, string? contentType, Actor actor,
        bool illustrative = false, CancellationToken cancellationToken = default)
    {
        var framework = await ResolveFrameworkAsync(frameworkIdOrFamily, year, cancellationToken);
        if (framework is null)
        {
            return ResultsImportOutcome.Failed(null, year, [Problem.Invalid("framework",
                $"Không có khung chỉ số '{frameworkIdOrFamily}' áp dụng cho năm {year}.",
                $"No framework '{frameworkIdOrFamily}' applies to the year {year}.")]);
        }

        var resolved = await ResultScopes.ResolveAsync(db, scopeRequest, year, cancellationToken);
        var matching = resolved.Succeeded ? await ScopeMatching.BuildAsync(db, resolved.Value!, year, cancellationToken) : resolved.Cast<ScopeMatching>();
        if (!matching.Succeeded)
        {
            return ResultsImportOutcome.Failed(framework.Id, year, matching.Problems);
        }

        var scope = resolved.Value!;
        var parser = new ResultsFileParser(framework, matching.Value!.Unit, limits) { MatchProvince = matching.Value.Province, MatchWithin = matching.Value.Within };
        var parsed = parser.Parse(content, fileName, contentType);
        if (!parsed.Succeeded)
        {
            return ResultsImportOutcome.Failed(framework.Id, year, parsed.Errors, parsed.Warnings) with { Scope = scope };
        }

        var work = new UnitOfWork(db) { BeforeCommit = BeforeCommit is { } hook ? () => { hook(); return Task.CompletedTask; } : null };
        var saved = await work.RunAsync(ct => SaveAsync(framework, year, scope.Scope, parsed, fileName, actor, illustrative, ct), cancellationToken);
        if (!saved.Succeeded)
        {
            return ResultsImportOutcome.Failed(framework.Id, year,
                saved.Problems, parsed.Warnings) with { IsConflict = saved.IsConflict, Scope = scope };
        }

        var (import, replaced) = saved.Value!;
        // Keys never go stale (a new import is a new id); this only frees what the replaced versions held.
        cache?.ForgetImports(replaced);
        return new ResultsImportOutcome(true, framework.Id, year, import.Version, import.Id, parsed.Units.Count,
            parsed.Units.Count(u => u.Scored), [], parsed.Warnings) { Scope = scope };
    }

    /// <summary>One attempt: reads the year's versions afresh, adds the new current one, writes its rows, records the audit row.</summary>
    private async Task<Outcome<(ResultImport Import, IReadOnlyList<int> Replaced)>> SaveAsync(Framework framework, int year, ResultScope scope,
        ParseOutcome parsed, string fileName, Actor actor, bool illustrative, CancellationToken cancellationToken)
    {
        // Only this scope's versions: another province's communes of the same year are not touched.
        var previous = await db.ResultImports
            .Where(r => r.FrameworkId == framework.Id && r.Year == year && r.Scope == scope.Key)
            .ToListAsync(cancellationToken);
        var replaced = previous.Where(p => p.IsCurrent).Select(p => p.Id).ToList();
        foreach (var old in previous)
        {
            old.IsCurrent = false;
        }

        var import = new ResultImport
        {
            FrameworkId = framework.Id,
            Year = year,
            Version = previous.Count == 0 ? 1 : previous.Max(p => p.Version) + 1,
            Scope = scope.Key,
            ScopeProvinceId = scope.ProvinceId,
            IsCurrent = true,
            FileName = Path.GetFileName(fileName),
            ImportedAt = clock.GetUtcNow(),
            ImportedBy = actor.Name,
            IsIllustrative = illustrative,
            WarningCount = parsed.Warnings.Count,
        };
        if (AfterVersionChosen is { } chosen)
        {
            await chosen(import.Version);
        }

        // The import row first: a lost race for the version fails here, before any row is written.
        db.ResultImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        await ResultRowsWriter.WriteAsync(db, import.Id, parsed.Units, cancellationToken);
        audit.Record(actor, "results.import", nameof(ResultImport), import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            previous.Count == 0 ? null : new { replacedVersions = previous.Select(p => p.Version).Order().ToArray() },
            new { framework = framework.Id, year, scope = scope.Key, import.Version, file = import.FileName, units = parsed.Units.Count, warnings = parsed.Warnings.Count, illustrative });
        return Outcome.Ok<(ResultImport, IReadOnlyList<int>)>((import, replaced));
    }

    private async Task<Framework?> ResolveFrameworkAsync(string frameworkIdOrFamily, int year, CancellationToken cancellationToken)
    {
        // Fresh from the database, not the shared catalogue: a version just added on another instance must import.
        var family = await db.Frameworks.AsNoTracking()
            .Where(f => f.Id == frameworkIdOrFamily || f.Family == frameworkIdOrFamily)
            .Select(f => f.Family)
            .FirstOrDefaultAsync(cancellationToken);
        if (family is null)
        {
            return null;
        }

        var versions = await db.Frameworks.AsNoTracking().Include(f => f.Nodes)
            .Where(f => f.Family == family)
            .ToListAsync(cancellationToken);
        return FrameworkVersions.ValidFor(versions, frameworkIdOrFamily, year);
    }
}
