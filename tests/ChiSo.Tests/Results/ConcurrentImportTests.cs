using System.Text;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Results;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Results;

/// <summary>
/// Two imports of the same framework and year at once both compute "max(version) + 1". They must both succeed as
/// consecutive versions with exactly one current, or the loser be told plainly — never an unhandled error.
/// </summary>
public sealed class ConcurrentImportTests
{
    private const string FileA = "Tỉnh,1,2,3,4,5,6,7,8\nĐắk Nông,5,5,5,5,5,5,5,5\nLâm Đồng,6,6,6,6,6,6,6,6\nBình Thuận,4,4,4,4,4,4,4,4\n";
    private const string FileB = "Tỉnh,1,2,3,4,5,6,7,8\nĐắk Nông,7,7,7,7,7,7,7,7\nLâm Đồng,3,3,3,3,3,3,3,3\n";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_TwoAtOnceForTheSameYear_BothSavedAsConsecutiveVersions(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var bothChose = new CountdownEvent(2);
        var attempts = 0;

        async Task<ResultsImportOutcome> ImportAsync(string csv, string file)
        {
            await using var db = database.CreateContext();
            var first = true;
            var service = new ResultsImportService(db, new AuditLog(db, database.Clock), database.Clock)
            {
                AfterVersionChosen = _ =>
                {
                    Interlocked.Increment(ref attempts);
                    if (first)
                    {
                        // Both have read max(version) before either writes (on SQLite the second waits at BEGIN, so this times out).
                        first = false;
                        bothChose.Signal();
                        bothChose.Wait(TimeSpan.FromSeconds(2));
                    }

                    return Task.CompletedTask;
                },
            };
            return await service.ImportAsync("papi", 2019, new MemoryStream(Encoding.UTF8.GetBytes(csv)), file, "text/csv", new Actor(file));
        }

        var outcomes = await Task.WhenAll(Task.Run(() => ImportAsync(FileA, "a.csv")), Task.Run(() => ImportAsync(FileB, "b.csv")));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, string.Join("; ", o.Errors.Select(e => e.MessageEn))));
        Assert.Equal([1, 2], outcomes.Select(o => o.Version!.Value).Order());
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.True(attempts >= 3, "on PostgreSQL both chose version 1, so the loser ran again");
        }

        await using var read = database.CreateContext();
        var imports = await read.ResultImports.OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([1, 2], imports.Select(i => i.Version));
        Assert.Equal([false, true], imports.Select(i => i.IsCurrent));
        // Each version holds exactly its own file's rows: nothing of the lost attempt remains.
        foreach (var import in imports)
        {
            var expected = import.FileName == "a.csv" ? 3 : 2;
            Assert.Equal(expected, await read.UnitResults.CountAsync(u => u.ResultImportId == import.Id));
            Assert.Equal(expected * 9, await read.NodeResults.CountAsync(n => read.UnitResults.Any(u => u.Id == n.UnitResultId && u.ResultImportId == import.Id)));
        }

        Assert.Equal(5, await read.UnitResults.CountAsync());
        Assert.Equal(2, await read.AuditEntries.CountAsync(a => a.Action == "results.import"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_VersionTakenOnEveryAttempt_ToldToTryAgainAndNothingSaved(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = database.CreateContext();
        var service = new ResultsImportService(db, new AuditLog(db, database.Clock), database.Clock)
        {
            // Someone else takes the chosen version just before each attempt writes it (inside our transaction, so SQLite allows it).
            AfterVersionChosen = version => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO result_imports (\"FrameworkId\", \"Year\", \"Version\", \"IsCurrent\", \"FileName\", \"ImportedAt\", \"ImportedBy\", \"IsIllustrative\", \"WarningCount\") " +
                "VALUES ('papi-2018', 2019, {0}, {1}, 'other.csv', {2}, 'other', {1}, 0)", version, false, database.Clock.GetUtcNow()),
        };

        var outcome = await service.ImportAsync("papi", 2019, new MemoryStream(Encoding.UTF8.GetBytes(FileA)), "a.csv", "text/csv", new Actor("a"));

        Assert.False(outcome.Succeeded);
        Assert.True(outcome.IsConflict);
        Assert.Contains("thử lại", outcome.Errors.Single().MessageVi, StringComparison.Ordinal);
        await using var read = database.CreateContext();
        Assert.False(await read.ResultImports.AnyAsync());
        Assert.False(await read.UnitResults.AnyAsync());
        Assert.False(await read.AuditEntries.AnyAsync(a => a.Action == "results.import"));
    }

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await database.Service<ReferenceDataSeeder>(db).RunAsync();
        return database;
    }
}
