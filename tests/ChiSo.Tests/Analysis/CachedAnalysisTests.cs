using System.Text;
using System.Text.Json;
using ChiSo.Analysis;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;

namespace ChiSo.Tests.Analysis;

/// <summary>
/// The cached results path must answer exactly what building every year's full table answered: profiles from one
/// full table plus each year's summary, merged histories from summaries, and a second read that builds nothing.
/// </summary>
public sealed class CachedAnalysisTests
{
    private static readonly int[] Years = [2016, 2017, 2018, 2019];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ProfileAsync_FromSummaries_SameAsFromEveryFullTable(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);
        await using var db = database.CreateContext();
        var analysis = new AnalysisService(db, new ResultsQueries(db));
        var tables = await analysis.TablesAsync("papi");
        Assert.Equal(Years, tables.Select(t => t.Year));

        foreach (var year in new[] { 2017, 2019 })
        {
            foreach (var row in tables.Single(t => t.Year == year).Rows)
            {
                var cached = await analysis.ProfileAsync(row.UnitId, "papi", year);
                var full = UnitProfileBuilder.Build(row.UnitId, year, tables);
                Assert.Equal(Json(full), Json(cached));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MergedHistory_FromSummaries_SameAsFromEveryFullTable(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);
        await using var db = database.CreateContext();
        var analysis = new AnalysisService(db, new ResultsQueries(db));
        var lamDong = Assert.Single(db.Units.Where(u => u.Code == "68" && u.ValidTo == null));
        var predecessors = await analysis.PredecessorsAsync(lamDong.Id);
        Assert.Equal(3, predecessors.Count);
        var weights = predecessors.ToDictionary(p => p.Id, p => 1m + p.Id % 3);

        var cached = await analysis.MergedHistoryAsync(lamDong, "papi", weights, "dân số");
        var full = MergedHistoryBuilder.Build(lamDong, predecessors, await analysis.TablesAsync("papi"), weights, "dân số");

        Assert.Equal(Years, cached!.Years.Select(y => y.Year));
        Assert.Equal(Json(full), Json(cached));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TableAsync_SecondRead_BuildsNothingAndReturnsTheSameTable(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);
        var cache = new ResultsCache();
        await using var first = database.CreateContext();
        var table = await new AnalysisService(first, new ResultsQueries(first, cache)).TableAsync("papi", 2019);
        var builds = cache.Builds;

        await using var second = database.CreateContext();
        var again = await new AnalysisService(second, new ResultsQueries(second, cache)).TableAsync("papi-2018", 2019);

        Assert.Equal(2, builds); // 2019's table and 2018's summary (for the change columns)
        Assert.Equal(builds, cache.Builds);
        Assert.Same(table, again);
        Assert.Equal(2019, again!.Year);
        Assert.All(again.Rows.Where(r => r.Scored), r => Assert.NotNull(r.RankChange));
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { IncludeFields = true });

    /// <summary>PAPI 2016–2019 for the 63 provinces (two framework versions, two scales), through the real import.</summary>
    private static async Task<TestDatabase> ImportedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        var service = new ResultsImportService(db, new AuditLog(db, database.Clock), database.Clock);
        foreach (var year in Years)
        {
            var framework = FrameworkVersions.ValidFor(BuiltInFrameworks.All, "papi", year)!;
            var date = ReorganisationDates.ReferenceDateForResultYear(year);
            var units = ProvinceReference.ToUnits().Where(u => u.IsValidOn(date)).ToList();
            var unscored = year == 2017 ? new HashSet<string>(StringComparer.Ordinal) { "67" } : null;
            var csv = DemoResultsGenerator.Csv(framework, year, units, unscored);
            var outcome = await service.ImportAsync("papi", year, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "f.csv", "text/csv", new Actor("t"));
            Assert.True(outcome.Succeeded);
        }

        return database;
    }
}
