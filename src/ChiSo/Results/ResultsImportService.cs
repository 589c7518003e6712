using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results.Import;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Results;

/// <summary>
/// Imports a results file for a framework and year as one transaction: either every row is saved as a
/// new current version (the previous one kept as history) with its audit row, or nothing is.
/// </summary>
public sealed class ResultsImportService(ChiSoDbContext db, AuditLog audit, TimeProvider clock, ChiSo.Intake.IntakeLimits? limits = null)
{
    /// <summary>Lets a test fail the import after the rows are added, to prove nothing half-written remains.</summary>
    internal Action? BeforeCommit { get; set; }

    public async Task<ResultsImportOutcome> ImportAsync(
        string frameworkIdOrFamily, int year, Stream content, string fileName, string? contentType, Actor actor,
        bool illustrative = false, CancellationToken cancellationToken = default)
    {
        var framework = await ResolveFrameworkAsync(frameworkIdOrFamily, year, cancellationToken);
        if (framework is null)
        {
            return ResultsImportOutcome.Failed(null, year, [ChiSo.Common.Problem.Invalid("framework",
                $"Không có khung chỉ số '{frameworkIdOrFamily}' áp dụng cho năm {year}.",
                $"No framework '{frameworkIdOrFamily}' applies to the year {year}.")]);
        }

        var matcher = await BuildMatcherAsync(year, cancellationToken);
        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        var parsed = new ResultsFileParser(framework, text => matcher.Match(text, date), limits).Parse(content, fileName, contentType);
        if (!parsed.Succeeded)
        {
            return ResultsImportOutcome.Failed(framework.Id, year, parsed.Errors, parsed.Warnings);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var previous = await db.ResultImports
                .Where(r => r.FrameworkId == framework.Id && r.Year == year)
                .ToListAsync(cancellationToken);
            foreach (var old in previous)
            {
                old.IsCurrent = false;
            }

            var import = new ResultImport
            {
                FrameworkId = framework.Id,
                Year = year,
                Version = previous.Count == 0 ? 1 : previous.Max(p => p.Version) + 1,
                IsCurrent = true,
                FileName = Path.GetFileName(fileName),
                ImportedAt = clock.GetUtcNow(),
                ImportedBy = actor.Name,
                IsIllustrative = illustrative,
                WarningCount = parsed.Warnings.Count,
            };
            foreach (var unit in parsed.Units)
            {
                unit.Unit = null; // matched units are already in the database; attach by id only
                import.Units.Add(unit);
            }

            db.ResultImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(actor, "results.import", nameof(ResultImport), import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                previous.Count == 0 ? null : new { replacedVersions = previous.Select(p => p.Version).ToArray() },
                new { framework = framework.Id, year, import.Version, file = import.FileName, units = parsed.Units.Count, warnings = parsed.Warnings.Count, illustrative });
            await db.SaveChangesAsync(cancellationToken);
            BeforeCommit?.Invoke();
            await transaction.CommitAsync(cancellationToken);

            return new ResultsImportOutcome(true, framework.Id, year, import.Version, import.Id, parsed.Units.Count,
                parsed.Units.Count(u => u.Scored), [], parsed.Warnings);
        });
    }

    private async Task<Framework?> ResolveFrameworkAsync(string frameworkIdOrFamily, int year, CancellationToken cancellationToken)
    {
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

    private async Task<UnitNameMatcher> BuildMatcherAsync(int year, CancellationToken cancellationToken)
    {
        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        var provinces = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.Province)
            .ToListAsync(cancellationToken);
        return new UnitNameMatcher(provinces.Where(u => u.IsValidOn(date)));
    }
}
