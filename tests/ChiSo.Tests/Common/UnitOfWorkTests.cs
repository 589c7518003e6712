using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Common;

public sealed class UnitOfWorkTests
{
    private static readonly Actor Tester = new("tester");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Run_Success_SavesTheChangeWithItsAuditRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var outcome = await new UnitOfWork(db).RunAsync(async ct =>
            {
                db.Frameworks.Add(NewFramework("uow-a"));
                new AuditLog(db, database.Clock).Record(Tester, "framework.import", nameof(Framework), "uow-a");
                await Task.CompletedTask;
                return Outcome.Ok("uow-a");
            });
            Assert.True(outcome.Succeeded);
        }

        await using var read = database.CreateContext();
        Assert.True(await read.Frameworks.AnyAsync(f => f.Id == "uow-a"));
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.EntityId == "uow-a"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Run_FailedOutcome_RollsBackEvenWhatTheWorkSavedMidway(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var outcome = await new UnitOfWork(db).RunAsync<string>(async ct =>
            {
                db.Frameworks.Add(NewFramework("uow-b"));
                new AuditLog(db, database.Clock).Record(Tester, "framework.import", nameof(Framework), "uow-b");
                await db.SaveChangesAsync(ct);
                return Problem.Invalid("name", "Sai.", "Wrong.");
            });
            Assert.False(outcome.Succeeded);
            Assert.Equal("name", outcome.Problems.Single().Field);
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await using var read = database.CreateContext();
        Assert.False(await read.Frameworks.AnyAsync(f => f.Id == "uow-b"));
        Assert.Equal(0, await read.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Run_ChangeWithoutAuditRow_Throws_AndSavesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => new UnitOfWork(db).RunAsync(async ct =>
            {
                db.Frameworks.Add(NewFramework("uow-c"));
                await Task.CompletedTask;
                return Outcome.Ok(1);
            }));
        }

        await using var read = database.CreateContext();
        Assert.False(await read.Frameworks.AnyAsync(f => f.Id == "uow-c"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Run_ChangeSavedMidwayWithoutAuditRow_Throws_AndSavesNothing(DatabaseProvider provider)
    {
        // A service that saves to get an id (as grants and imports do) and forgets its audit row: the save left
        // nothing pending, so a guard looking only at pending changes let the change commit unaudited.
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => new UnitOfWork(db).RunAsync(async ct =>
            {
                db.Frameworks.Add(NewFramework("uow-e"));
                await db.SaveChangesAsync(ct);
                return Outcome.Ok(1);
            }));
        }

        await using var read = database.CreateContext();
        Assert.False(await read.Frameworks.AnyAsync(f => f.Id == "uow-e"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Run_FailureJustBeforeCommit_LeavesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var work = new UnitOfWork(db) { BeforeCommit = () => throw new IOException("disk full") };
            await Assert.ThrowsAsync<IOException>(() => work.RunAsync(async ct =>
            {
                db.Frameworks.Add(NewFramework("uow-d"));
                new AuditLog(db, database.Clock).Record(Tester, "framework.import", nameof(Framework), "uow-d");
                await db.SaveChangesAsync(ct);
                return Outcome.Ok(1);
            }));
        }

        await using var read = database.CreateContext();
        Assert.False(await read.Frameworks.AnyAsync(f => f.Id == "uow-d"));
        Assert.Equal(0, await read.AuditEntries.CountAsync());
    }

    /// <summary>
    /// Two writers both read max(version) before either inserts (on PostgreSQL; SQLite's writers queue at BEGIN):
    /// one hits the unique index, is retried with fresh reads, and both versions end up saved.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Run_TwoWritersRacingForTheNextVersion_BothSucceedInSomeOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Frameworks.Add(NewFramework("uow-race"));
            await db.SaveChangesAsync();
        }

        var bothRead = new CountdownEvent(2);
        async Task<Outcome<int>> ImportAsync(string file)
        {
            await using var db = database.CreateContext();
            var attempts = 0;
            return await new UnitOfWork(db).RunAsync(async ct =>
            {
                var next = (await db.ResultImports.Where(r => r.FrameworkId == "uow-race").Select(r => (int?)r.Version).MaxAsync(ct) ?? 0) + 1;
                if (attempts++ == 0)
                {
                    // Wait (briefly: on SQLite the other writer cannot start until we commit) until both have read.
                    bothRead.Signal();
                    bothRead.Wait(TimeSpan.FromSeconds(2), ct);
                }

                db.ResultImports.Add(new ResultImport
                {
                    FrameworkId = "uow-race", Year = 2025, Version = next, IsCurrent = true, FileName = file, ImportedBy = "tester",
                    ImportedAt = database.Clock.GetUtcNow(),
                });
                new AuditLog(db, database.Clock).Record(Tester, "results.import", nameof(ResultImport), file);
                return Outcome.Ok(next);
            });
        }

        var outcomes = await Task.WhenAll(Task.Run(() => ImportAsync("a.csv")), Task.Run(() => ImportAsync("b.csv")));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, string.Join("; ", o.Problems)));
        Assert.Equal([1, 2], outcomes.Select(o => o.Value).Order());
        await using var read = database.CreateContext();
        Assert.Equal([1, 2], await read.ResultImports.Where(r => r.FrameworkId == "uow-race").Select(r => r.Version).OrderBy(v => v).ToListAsync());
    }

    private static Framework NewFramework(string id) => new() { Id = id, Family = id, NameVi = "Khung thử", NameEn = "Test framework", ValidFrom = 2020 };
}
