using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Issuing;
using ChiSo.Reporting.Obligations;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Reporting.Obligations;

/// <summary>
/// Issuing writes new obligations beside EF (ObligationRowsWriter: COPY on PostgreSQL, a raw prepared statement on
/// SQLite) inside the unit of work's transaction, while the existing ones an amendment changes stay tracked. These check
/// what that bypass could break: text escaping, instants EF would store differently, a failed or retried issuing, and an
/// amendment that both reopens and adds.
/// </summary>
public sealed class ObligationRowsWriterTests
{
    private static async Task<int> CreatePlanAsync(TestDatabase database, ChiSoDbContext db, int provinceId) =>
        (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;

    /// <summary>Issues through one service provider, so the test can reach that provider's UnitOfWork.</summary>
    private static async Task<Outcome<int>> IssueAsync(IServiceProvider services, ChiSoDbContext db, int planId)
    {
        var issuing = services.GetRequiredService<PlanIssuing>();
        var revision = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Revision).SingleAsync();
        var check = await issuing.CheckIssueAsync(planId, revision, "12", new DateOnly(2026, 1, 20));
        Assert.True(check.Succeeded);
        return await issuing.IssueAsync(planId, revision, "12", new DateOnly(2026, 1, 20), check.Value!.Key, PlanFixtures.Coordinator);
    }

    /// <summary>
    /// COPY's text format gives backslash, tab, CR and LF a meaning; "\N" is its null. A task code holding any of them, or
    /// Vietnamese letters, must come back exactly as written (SQLite's path binds text and must agree).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Write_OddTaskCodes_StoredVerbatim(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            var planId = await CreatePlanAsync(database, db, provinceId);
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);
            var template = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId).OrderBy(o => o.Id).FirstAsync();
            string[] codes = ["a\tb", "c\\d", "e\nf", "g\rh", "\\N", "\\.", "Nhiệm vụ đặc biệt", "x\\ty", ""];

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                // TaskId null: the unique index (period, unit, task) lets several rows for one unit in.
                await ObligationRowsWriter.WriteAsync(db, [.. codes.Select(c => new Obligation
                {
                    PlanId = template.PlanId, PeriodId = template.PeriodId, TaskId = null, TaskCode = c, UnitId = template.UnitId,
                    Role = AssignmentRole.Partner, DueDate = template.DueDate, State = ObligationState.Closed, CreatedAt = template.CreatedAt,
                })], CancellationToken.None);
                await transaction.CommitAsync();
            }

            var stored = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId && o.TaskId == null).OrderBy(o => o.Id).ToListAsync();
            Assert.Equal(codes, stored.Select(o => o.TaskCode));
            Assert.All(stored, o => Assert.Equal((AssignmentRole.Partner, ObligationState.Closed, template.DueDate, template.CreatedAt, (DateTimeOffset?)null),
                (o.Role, o.State, o.DueDate, o.CreatedAt, o.ClosedAt)));
        }
    }

    /// <summary>
    /// The clock has 100 ns ticks; EF (Npgsql) stores an instant truncated to PostgreSQL's microseconds. The COPY path must
    /// store the same instant, not a rounded one, or rows written by the two paths for one "now" differ (the copy here is
    /// saved by EF with the very same value).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_SubMicrosecondClock_StoresTheInstantEfWould(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            // …56.9999996: rounding to microseconds would even carry into the next second.
            var now = new DateTimeOffset(2026, 3, 15, 8, 0, 56, TimeSpan.Zero).AddTicks(9_999_996);
            ((FixedClock)database.Clock).Now = now;
            await using var db = database.CreateContext();
            var planId = await CreatePlanAsync(database, db, provinceId);
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);

            var bulk = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId).OrderBy(o => o.Id).FirstAsync();
            var copy = new Obligation
            {
                PlanId = bulk.PlanId, PeriodId = bulk.PeriodId, TaskId = null, TaskCode = bulk.TaskCode, UnitId = bulk.UnitId, Role = bulk.Role,
                DueDate = bulk.DueDate, State = bulk.State, CreatedAt = now,
            };
            db.Add(copy);
            await db.SaveChangesAsync();

            var read = await db.Set<Obligation>().AsNoTracking().Where(o => o.Id == bulk.Id || o.Id == copy.Id).OrderBy(o => o.Id).Select(o => o.CreatedAt).ToListAsync();
            Assert.Equal(read[1], read[0]);
        }
    }

    /// <summary>A failure after the obligations went in (here just before commit) rolls them back with the rest: no half-issued plan.</summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_FailingJustBeforeCommit_LeavesNoObligation(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            var planId = await CreatePlanAsync(database, db, provinceId);
            var services = database.Services(db);
            services.GetRequiredService<UnitOfWork>().BeforeCommit = () => throw new InvalidOperationException("disk full");

            await Assert.ThrowsAsync<InvalidOperationException>(() => IssueAsync(services, db, planId));

            await using var read = database.CreateContext();
            Assert.Equal(0, await read.Set<Obligation>().CountAsync(o => o.PlanId == planId));
            Assert.Equal(PlanStatus.Draft, (await read.Plans.SingleAsync(p => p.Id == planId)).Status);
        }
    }

    /// <summary>
    /// A lost race just before commit (a busy SQLite file, counted as one on either database) retries the whole issuing:
    /// the first attempt's bulk rows must be gone with its transaction, or the second would hit the unique index (and
    /// end in "try again") or write them twice.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_RetriedAfterARace_WritesEachObligationOnce(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            int expected;
            await using (var other = database.CreateContext())
            {
                var reference = await CreatePlanAsync(database, other, provinceId);
                Assert.True((await PlanFixtures.IssueAsync(database, other, reference, "11", new DateOnly(2026, 1, 20))).Succeeded);
                expected = await other.Set<Obligation>().CountAsync(o => o.PlanId == reference);
            }

            await using var db = database.CreateContext();
            var planId = await CreatePlanAsync(database, db, provinceId);
            var services = database.Services(db);
            var attempts = 0;
            services.GetRequiredService<UnitOfWork>().BeforeCommit = () =>
                ++attempts == 1 ? throw new SqliteException("database is locked", 5) : Task.CompletedTask;

            var outcome = await IssueAsync(services, db, planId);

            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems.Select(p => p.MessageEn)));
            Assert.Equal(2, attempts);
            await using var read = database.CreateContext();
            var rows = await read.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId).Select(o => new { o.PeriodId, o.UnitId, o.TaskId }).ToListAsync();
            Assert.Equal(expected, rows.Count);
            Assert.Equal(rows.Count, rows.Distinct().Count());
        }
    }

    /// <summary>
    /// An amendment drops Sở Tư pháp from 1.1 (its obligations close); the next one brings it back and adds Sở Nội vụ: in
    /// one issuing the tracked rows reopen (same ids, no duplicate) while the new ones go in by the bulk path.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task IssueAmendments_UnitDroppedThenOwedAgain_ReopensItsRowsAndAddsTheNewUnit(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            var planId = await CreatePlanAsync(database, db, provinceId);
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);
            var stp = await db.Units.Where(u => u.Code == "STP").Select(u => u.Id).SingleAsync();
            var snv = await db.Units.Where(u => u.Code == "SNV").Select(u => u.Id).SingleAsync();
            var first = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId && o.UnitId == stp && o.TaskCode == "1.1").OrderBy(o => o.Id).ToListAsync();
            Assert.NotEmpty(first);

            async Task AmendAsync(IReadOnlyList<string> leads)
            {
                Assert.True((await database.Service<PlanIssuing>(db).OpenAmendmentAsync(planId, "Sửa đơn vị chủ trì 1.1", PlanFixtures.Coordinator)).Succeeded);
                db.ChangeTracker.Clear();
                var task = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.PlanId == planId && t.Code == "1.1");
                var saved = await PlanFixtures.Service(db, database).SaveTaskAsync(planId, task.Id, task.Revision, PlanFixtures.Tasks[0] with { Leads = leads }, PlanFixtures.Coordinator);
                Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Select(p => p.MessageEn)));
                Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);
                db.ChangeTracker.Clear();
            }

            await AmendAsync(["UBND cấp xã"]);
            var closed = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId && o.UnitId == stp && o.TaskCode == "1.1").ToListAsync();
            Assert.All(closed, o => Assert.Equal(ObligationState.Closed, o.State));

            await AmendAsync(["Sở Tư pháp", "Sở Nội vụ", "UBND cấp xã"]);
            var again = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId && o.UnitId == stp && o.TaskCode == "1.1").OrderBy(o => o.Id).ToListAsync();
            Assert.Equal(first.Select(o => o.Id), again.Select(o => o.Id));
            Assert.All(again, o => Assert.Equal((ObligationState.Open, (DateTimeOffset?)null), (o.State, o.ClosedAt)));
            var added = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId && o.UnitId == snv && o.TaskCode == "1.1").ToListAsync();
            Assert.Equal(first.Count, added.Count);
            Assert.All(added, o => Assert.Equal((ObligationState.Open, AssignmentRole.Lead), (o.State, o.Role)));
            var all = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId).Select(o => new { o.PeriodId, o.UnitId, o.TaskId }).ToListAsync();
            Assert.Equal(all.Count, all.Distinct().Count());
        }
    }
}
