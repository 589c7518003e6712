using System.Text;
using ChiSo.Analysis;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Results;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Results;

public sealed class ResultsImportServiceTests
{
    private const string Csv2019 = "Tỉnh,1,2,3,4,5,6,7,8\nĐắk Nông,5,5,5,5,5,5,5,5\nLâm Đồng,6,6,6,6,6,6,6,6\nBình Thuận,4,4,4,4,4,4,4,4\n";

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        return database;
    }

    private static Task<ResultsImportOutcome> ImportAsync(ChiSoDbContext db, TestDatabase database, string csv, Action? beforeCommit = null)
    {
        var service = new ResultsImportService(db, new AuditLog(db, database.Clock), database.Clock) { BeforeCommit = beforeCommit };
        return service.ImportAsync("papi", 2019, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "papi-2019.csv", "text/csv", new Actor("dieuphoi", "127.0.0.1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_Twice_KeepsTheFirstAsHistoryAndAuditsBoth(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using (var db = database.CreateContext())
        {
            var first = await ImportAsync(db, database, Csv2019);
            Assert.True(first.Succeeded);
            Assert.Equal(("papi-2018", 1, 3), (first.FrameworkId!, first.Version!.Value, first.UnitCount));
        }

        await using (var db = database.CreateContext())
        {
            var second = await ImportAsync(db, database, Csv2019.Replace("6,6,6,6,6,6,6,6", "7,7,7,7,7,7,7,7", StringComparison.Ordinal));
            Assert.Equal(2, second.Version);
        }

        await using (var db = database.CreateContext())
        {
            var imports = await db.ResultImports.OrderBy(r => r.Version).ToListAsync();
            Assert.Equal([false, true], imports.Select(i => i.IsCurrent));
            var audits = await db.AuditEntries.Where(a => a.Action == "results.import").OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(2, audits.Count);
            Assert.Null(audits[0].OldValues);
            Assert.Contains("\"replacedVersions\":[1]", audits[1].OldValues, StringComparison.Ordinal);
            Assert.All(audits, a => Assert.Equal(("dieuphoi", "127.0.0.1"), (a.Actor, a.ActorAddress)));

            var table = await new AnalysisService(db, new ResultsQueries(db)).TableAsync("papi", 2019);
            Assert.Equal("Lâm Đồng", table!.Rows[0].UnitName);
            Assert.Equal(56m, table.Rows[0].Aggregate!.Score);
            Assert.Equal(3, table.RankedCount);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_BadFile_SavesNothing(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = database.CreateContext();
        var audits = await db.AuditEntries.CountAsync();

        var outcome = await ImportAsync(db, database, Csv2019 + "Atlantis,1,1,1,1,1,1,1,1\n");

        Assert.False(outcome.Succeeded);
        Assert.False(await db.ResultImports.AnyAsync());
        Assert.Equal(audits, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_FailureAfterRowsWereWritten_LeavesNothingHalfWritten(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using (var db = database.CreateContext())
        {
            Assert.True((await ImportAsync(db, database, Csv2019)).Succeeded);
        }

        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                ImportAsync(db, database, Csv2019, () => throw new InvalidOperationException("injected after the rows were saved")));
        }

        await using (var db = database.CreateContext())
        {
            var import = Assert.Single(await db.ResultImports.ToListAsync());
            Assert.True(import.IsCurrent);
            Assert.Equal(3, await db.UnitResults.CountAsync());
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "results.import"));
        }
    }
}
