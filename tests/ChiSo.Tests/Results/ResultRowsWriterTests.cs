using System.Globalization;
using System.Text;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Results.Import;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Results;

/// <summary>
/// The bulk writer must store exactly what EF would have stored: the same cells, the same nulls, the same decimal
/// text on SQLite (scale included: "5.35" and "5.350" serialise differently) and the same numerics on PostgreSQL.
/// Each file is written once through the import and once through EF into a second database, and the rows compared.
/// </summary>
public sealed class ResultRowsWriterTests
{
    /// <summary>Ranks and groups published, a total that disagrees with its dimensions (a warning), a 3-decimal score, an unscored row.</summary>
    private const string PapiWithRanks =
        "Tỉnh,1,2,3,4,5,6,7,8,total,rank,group\n" +
        "Đắk Nông,5.123,5,5,5,5,5,5,5,41,2,1\n" +
        "Lâm Đồng,6,6,6,6,6,6,6,6.5,48.5,1,1\n" +
        "Bình Thuận,,,,,,,,,,,\n";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_Bulk_StoresWhatEfWouldStore(DatabaseProvider provider)
    {
        await using var bulk = await SeededAsync(provider);
        await using var reference = await SeededAsync(provider);
        var par = BuiltInFrameworks.ParIndexSample(2024);
        var parUnits = ProvinceReference.ToUnits().Where(u => u.IsValidOn(new DateOnly(2024, 12, 31))).ToList();
        var files = new[]
        {
            ("papi", 2019, PapiWithRanks),
            (par.Id, 2024, DemoResultsGenerator.Csv(par, 2024, parUnits, selfAssessed: true)),
        };
        foreach (var database in new[] { bulk, reference })
        {
            await using var db = database.CreateContext();
            db.Frameworks.Add(BuiltInFrameworks.ParIndexSample(2024));
            await db.SaveChangesAsync();
        }

        foreach (var (framework, year, csv) in files)
        {
            await using (var db = bulk.CreateContext())
            {
                var outcome = await new ResultsImportService(db, new AuditLog(db, bulk.Clock), bulk.Clock)
                    .ImportAsync(framework, year, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "f.csv", "text/csv", new Actor("t"));
                Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.MessageEn)));
            }

            await using (var db = reference.CreateContext())
            {
                await SaveWithEfAsync(db, reference.Clock, framework, year, csv);
            }
        }

        var written = await CellsAsync(bulk);
        var expected = await CellsAsync(reference);
        Assert.Equal(expected.Count, written.Count);
        Assert.Equal(expected, written);
        Assert.Contains(written, c => c.Contains("|warning:", StringComparison.Ordinal));
        Assert.Contains(written, c => c.Contains("|rank:2|group:1|", StringComparison.Ordinal));
        Assert.Contains(written, c => c.Contains("|self:", StringComparison.Ordinal) && !c.Contains("|self:|", StringComparison.Ordinal));
        Assert.Equal(await UnitsAsync(reference), await UnitsAsync(bulk));
    }

    /// <summary>The old way: the parsed rows as tracked entities, one SaveChanges.</summary>
    private static async Task SaveWithEfAsync(ChiSoDbContext db, TimeProvider clock, string frameworkId, int year, string csv)
    {
        var family = await db.Frameworks.Where(f => f.Id == frameworkId || f.Family == frameworkId).Select(f => f.Family).FirstAsync();
        var framework = FrameworkVersions.ValidFor(await db.Frameworks.Include(f => f.Nodes).Where(f => f.Family == family).ToListAsync(), frameworkId, year)!;
        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        var matcher = new UnitNameMatcher((await db.Units.Where(u => u.Kind == UnitKind.Province).ToListAsync()).Where(u => u.IsValidOn(date)));
        var parsed = new ResultsFileParser(framework, t => matcher.Match(t, date)).Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "f.csv", "text/csv");
        Assert.True(parsed.Succeeded);
        var import = new ResultImport
        {
            FrameworkId = framework.Id, Year = year, Version = 1, IsCurrent = true, FileName = "f.csv", ImportedBy = "t", ImportedAt = clock.GetUtcNow(),
        };
        foreach (var unit in parsed.Units)
        {
            unit.Unit = null;
            import.Units.Add(unit);
        }

        db.ResultImports.Add(import);
        await db.SaveChangesAsync();
    }

    /// <summary>Every cell as text, decimals with their scale, keyed by unit code and node.</summary>
    private static async Task<List<string>> CellsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.NodeResults.AsNoTracking()
            .Join(db.UnitResults, n => n.UnitResultId, u => u.Id, (n, u) => new { u.UnitId, Node = n })
            .Join(db.Units, x => x.UnitId, u => u.Id, (x, u) => new { u.Code, x.Node })
            .ToListAsync();
        static string D(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        return rows.Select(r => $"{r.Code}|{r.Node.NodeCode}|score:{D(r.Node.Score)}|{r.Node.Source}|computed:{D(r.Node.ComputedValue)}|self:{D(r.Node.SelfAssessed)}" +
                $"|rank:{r.Node.OfficialRank}|group:{r.Node.OfficialGroup}|warning:{r.Node.Warning}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> UnitsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.UnitResults.AsNoTracking().Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => $"{u.Code}|{r.RowNumber}|{r.Scored}").ToListAsync())
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        return database;
    }
}
