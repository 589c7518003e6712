using System.Text;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Seeding;

/// <summary>
/// The demo a first start shows: Lâm Đồng (formed in 2025 from Lâm Đồng, Đắk Nông and Bình Thuận) with its
/// departments and communes, and synthetic PAPI results for 2016–2025 and a PAR Index year, all imported
/// through the real import and marked illustrative. Runs once: skipped when any results exist.
/// </summary>
public sealed class DemoSeeder(ChiSoDbContext db, ResultsImportService imports, OrganisationImport organisations, AuditLog audit)
{
    public const string DemoProvinceCode = "68";
    public static readonly int FirstYear = 2016;
    public static readonly int LastYear = 2025;
    private static readonly Actor DemoActor = new("demo");

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ResultImports.AnyAsync(cancellationToken))
        {
            return;
        }

        await SeedOrganisationsAsync(cancellationToken);
        var provinces = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province).ToListAsync(cancellationToken);
        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Nodes).ToListAsync(cancellationToken);

        for (var year = FirstYear; year <= LastYear; year++)
        {
            var framework = FrameworkVersions.ValidFor(frameworks, "papi", year)!;
            var date = ReorganisationDates.ReferenceDateForResultYear(year);
            var units = provinces.Where(p => p.IsValidOn(date)).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
            // Published PAPI reports leave a province or two unscored in some years; show how that looks.
            var unscored = year == 2024 ? new HashSet<string>(StringComparer.Ordinal) { "02", "95" } : null;
            await ImportAsync(framework.Id, year, DemoResultsGenerator.Csv(framework, year, units, unscored), cancellationToken);
        }

        var par = BuiltInFrameworks.ParIndexSample(2024);
        if (!frameworks.Any(f => f.Id == par.Id))
        {
            db.Frameworks.Add(par);
            audit.Record(DemoActor, "framework.import", nameof(Framework), par.Id, newValues: new { par.Id, nodes = par.Nodes.Count, illustrative = true });
            await db.SaveChangesAsync(cancellationToken);
        }

        var parUnits = provinces.Where(p => p.IsValidOn(ReorganisationDates.ReferenceDateForResultYear(2024))).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        await ImportAsync(par.Id, 2024, DemoResultsGenerator.Csv(par, 2024, parUnits, selfAssessed: true), cancellationToken);
    }

    private async Task ImportAsync(string frameworkId, int year, string csv, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var outcome = await imports.ImportAsync(frameworkId, year, stream, $"du-lieu-minh-hoa-{frameworkId}-{year}.csv", "text/csv", DemoActor, illustrative: true, cancellationToken);
        if (!outcome.Succeeded)
        {
            var first = outcome.Errors[0];
            throw new InvalidOperationException($"Demo import {frameworkId} {year} failed: row {first.Row}, {first.Column}: {first.MessageEn}");
        }
    }

    private async Task SeedOrganisationsAsync(CancellationToken cancellationToken)
    {
        await organisations.ImportCommunesAsync(DemoProvinceCode, DemoActor, cancellationToken);
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("ChiSo.Seeding.demo-departments.csv")!;
        using var reader = new StreamReader(stream);
        var outcome = await organisations.ImportCsvAsync(DemoProvinceCode, await reader.ReadToEndAsync(cancellationToken), DemoActor, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Demo departments: " + outcome.Errors[0].MessageEn);
        }
    }
}
