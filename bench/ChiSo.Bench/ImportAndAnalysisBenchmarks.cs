using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ChiSo.Analysis;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Data.Migrations;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Results.Import;
using ChiSo.Seeding;
using ChiSo.Units;
using Microsoft.Data.Sqlite;

namespace ChiSo.Bench;

/// <summary>
/// Import and analysis of 34 provinces × 15 years × 120 nodes: parsing alone, the whole import into a real
/// SQLite database (one transaction per year, as a user's upload), and the analysis a profile page needs.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ImportAndAnalysisBenchmarks
{
    private Framework _framework = null!;
    private IReadOnlyList<Unit> _provinces = null!;
    private IReadOnlyList<string> _files = null!;
    private UnitNameMatcher _matcher = null!;
    private string _database = "";
    private DatabaseSettings _imported = null!;

    [GlobalSetup]
    public void Setup()
    {
        _framework = BenchData.Framework();
        _provinces = BenchData.Provinces();
        _files = BenchData.Files(_framework, _provinces);
        _matcher = new UnitNameMatcher(_provinces);
        _imported = CreateDatabase();
        ImportAll(_imported).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(ImportFifteenYearsIntoSqlite))]
    public void NewDatabase() => _database = CreateDatabase().ConnectionString;

    /// <summary>Parsing and validating one year's file (34 rows × 96 leaf columns, parents computed).</summary>
    [Benchmark]
    public int ParseOneYear()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(_files[0]));
        var date = ReorganisationDates.FirstDayOf34Provinces;
        return new ResultsFileParser(_framework, t => _matcher.Match(t, date)).Parse(stream, "bench.csv", "text/csv").Units.Count;
    }

    /// <summary>15 uploads through ResultsImportService: parse, match, one transaction each, audit rows.</summary>
    [Benchmark]
    public Task ImportFifteenYearsIntoSqlite() => ImportAll(new DatabaseSettings(DatabaseProvider.Sqlite, _database));

    /// <summary>Load every year from SQLite, build 15 year tables and the 34 profiles.</summary>
    [Benchmark]
    public async Task<int> AnalyseFifteenYearsFromSqlite()
    {
        await using var db = new ChiSoDbContext(ChiSoDbContextOptions.Build(_imported));
        var analysis = new AnalysisService(db, new ResultsQueries(db));
        var tables = await analysis.TablesAsync("bench");
        var profiles = 0;
        foreach (var row in tables[^1].Rows)
        {
            profiles += UnitProfileBuilder.Build(row.UnitId, tables[^1].Year, tables)?.LostPoints.Count ?? 0;
        }

        return profiles;
    }

    private async Task ImportAll(DatabaseSettings settings)
    {
        await using var db = new ChiSoDbContext(ChiSoDbContextOptions.Build(settings));
        var service = new ResultsImportService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System);
        for (var i = 0; i < _files.Count; i++)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(_files[i]));
            var outcome = await service.ImportAsync("bench", BenchData.FirstYear + i, stream, "bench.csv", "text/csv", new Actor("bench"));
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException(outcome.Errors[0].MessageEn);
            }
        }
    }

    private DatabaseSettings CreateDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chiso-bench-{Guid.NewGuid():N}.db");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        using var db = new ChiSoDbContext(ChiSoDbContextOptions.Build(settings));
        new SchemaMigrator(db, TimeProvider.System).MigrateAsync().GetAwaiter().GetResult();
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ReferenceDataSeeder>(ChiSoCoreServices.Around(db, TimeProvider.System)).RunAsync().GetAwaiter().GetResult();
        db.Frameworks.Add(BenchData.Framework());
        db.SaveChanges();
        return settings;
    }
}
