using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Rollup;

/// <summary>
/// The roll-up of quarter I 2026 read on 10 April 2026 (the units' due date was 1 April), against figures worked out by
/// hand from reports written straight into the database: which obligations count as reported, returned, missing and
/// late, the Government Office counts, a share target of the communes, and the lead's word for a task.
/// </summary>
public sealed class RollupQueriesTests
{
    private static readonly DateTimeOffset TenthOfApril = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<TaskInput> Tasks { get; } =
    [
        new()
        {
            Code = "1.1", GroupCode = "1", Content = "Kiểm tra việc tiếp công dân tại các xã, phường",
            TargetText = "Ít nhất 30% số xã được kiểm tra", TargetComparator = TargetComparator.AtLeast, TargetValue = "30", TargetUnit = "%",
            TargetBasis = TargetBasis.ShareOfMembers, Leads = ["Thanh tra tỉnh"], Executing = ["UBND các xã, phường"], TimeframeText = "Năm 2026",
        },
        new()
        {
            Code = "1.2", GroupCode = "1", Content = "Ban hành quy chế dân chủ ở cơ sở",
            Leads = ["Sở Tư pháp"], Partners = ["Sở Nội vụ"], TimeframeText = "Quý I/2026",
        },
        new()
        {
            Code = "2.1", GroupCode = "2", Content = "Công khai thủ tục hành chính",
            Leads = ["Sở Nội vụ"], TimeframeText = "Quý I/2026",
        },
        new()
        {
            Code = "2.2", GroupCode = "2", Content = "Đối thoại định kỳ với người dân",
            Leads = ["Văn phòng Ủy ban nhân dân tỉnh"], TimeframeText = "Thường xuyên",
        },
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_ReportsInEveryState_CountsAsWorkedOutByHand(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var q1 = await ObligationsAsync(db, world.PlanId, "2026-Q1");
        var communes = q1.Where(o => o.TaskCode == "1.1" && o.Role == AssignmentRole.Executing).OrderBy(o => o.UnitId).ToList();
        var n = communes.Count;
        Assert.True(n >= 60, $"the fixture province has {n} communes");
        var due = q1[0].DueDate;

        // 1.1: 40 communes done (10 of them late), 3 returned, 5 drafts never sent; the rest nothing. The lead sends nothing.
        for (var i = 0; i < 40; i++)
        {
            Report(db, communes[i], ReportState.Submitted, ReportTaskStatus.DoneOnTime, late: i < 10, due);
        }

        for (var i = 40; i < 43; i++)
        {
            Report(db, communes[i], ReportState.Returned, ReportTaskStatus.DoneOnTime, late: false, due);
        }

        for (var i = 43; i < 48; i++)
        {
            Report(db, communes[i], ReportState.Draft, null, late: false, due);
        }

        // 1.2: the lead (Sở Tư pháp) accepted, done late; its partner (Sở Nội vụ) submitted on time.
        Report(db, q1.Single(o => o.TaskCode == "1.2" && o.Role == AssignmentRole.Lead), ReportState.Accepted, ReportTaskStatus.DoneLate, late: false, due);
        Report(db, q1.Single(o => o.TaskCode == "1.2" && o.Role == AssignmentRole.Partner), ReportState.Submitted, ReportTaskStatus.DoneOnTime, late: false, due);
        // 2.1: the lead approved by its head, not done; its deadline (31 March) has passed. 2.2: ongoing, reported.
        Report(db, q1.Single(o => o.TaskCode == "2.1"), ReportState.Approved, ReportTaskStatus.NotDoneOverdue, late: true, due);
        Report(db, q1.Single(o => o.TaskCode == "2.2"), ReportState.Submitted, ReportTaskStatus.Ongoing, late: false, due);
        await db.SaveChangesAsync();

        var rollup = (await Queries(db).ReadAsync(PlanRights.Everything, world.PlanId, "2026-Q1")).Value!;

        Assert.Equal(new DateOnly(2026, 4, 10), rollup.AsOf);
        var t11 = rollup.Tasks.Single(t => t.Code == "1.1");
        Assert.Equal(new UnitTally(n, 40, 0, 3, n - 43, 0, n - 43 + 10, 10, 40), t11.Executing);
        // The lead's obligation counts among the units carrying the task: one more expected, missing and late.
        Assert.Equal(new UnitTally(n + 1, 40, 0, 3, n - 42, 0, n - 42 + 10, 10, 40), t11.Units);
        var target = t11.Target!;
        Assert.Equal((40, n, (int)Math.Ceiling(30m * n / 100)), (target.Count!.Value, target.Of!.Value, target.RequiredCount!.Value));
        Assert.Equal(Math.Round(4000m / n, 2, MidpointRounding.AwayFromZero), target.Value);
        Assert.Equal(40 >= Math.Ceiling(30m * n / 100), target.Met);
        // The path is read at the end of the period's data window (Decree 09: 14 March), 73 of the year's 365 days.
        Assert.Equal(Math.Round(30m * 73 / 365, 2, MidpointRounding.AwayFromZero), target.RequiredNow);
        Assert.False(target.Behind);
        // Nothing from the lead and the year's deadline is ahead: not done, within.
        Assert.Equal(ReportTaskStatus.NotDoneWithin, t11.Status);

        var t12 = rollup.Tasks.Single(t => t.Code == "1.2");
        Assert.Equal(ReportTaskStatus.DoneLate, t12.Status);
        Assert.Equal(new UnitTally(1, 1, 1, 0, 0, 0, 0, 0, 1), t12.Units);
        Assert.Equal(new UnitTally(1, 1, 0, 0, 0, 0, 0, 0, 1), t12.Partners);
        Assert.Equal(["Sở Tư pháp"], t12.LeadUnits);
        Assert.Equal(ReportTaskStatus.NotDoneOverdue, rollup.Tasks.Single(t => t.Code == "2.1").Status);
        Assert.True(rollup.Tasks.Single(t => t.Code == "2.1").AtRisk);
        Assert.Equal(ReportTaskStatus.Ongoing, rollup.Tasks.Single(t => t.Code == "2.2").Status);

        // Counts: 1.1 within, 1.2 done late, 2.1 overdue; 2.2 ongoing apart.
        Assert.Equal(new StatusCounts(0, 1, 1, 1, 1), rollup.Counts);
        Assert.Equal([0m, 33.34m, 33.33m, 33.33m], rollup.Counts.Shares);
        Assert.Equal(new StatusCounts(0, 1, 1, 0, 0), rollup.Dimensions.Single(d => d.Code == "1").Counts);
        Assert.Equal(["2.1", "2.2"], rollup.Dimensions.Single(d => d.Code == "2").TaskCodes);

        // Every report owed: the communes, 1.1's lead, 1.2's lead and partner, 2.1, 2.2.
        Assert.Equal(new UnitTally(n + 5, 44, 1, 3, n - 42, 0, n - 42 + 11, 11, 42), rollup.Reports);
        var communeLevel = rollup.Levels.Single(l => l.Level == UnitLevel.Commune);
        Assert.Equal((n, 40, n - 48 + 5), (communeLevel.Units, communeLevel.Reports.Reported, communeLevel.Reports.Missing));
        var snv = rollup.Units.Single(u => u.Code == "SNV");
        // Sở Nội vụ: 1.2 as partner (done) and 2.1 as lead (not done, late).
        Assert.Equal(new UnitTally(2, 2, 0, 0, 0, 0, 1, 1, 1), snv.Reports);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_BeforeTheDueDate_NothingIsMissingOrLate(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var queries = new RollupQueries(db, new FixedClock(new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.Zero)));

        var rollup = (await queries.ReadAsync(PlanRights.Everything, world.PlanId, "2026-Q1")).Value!;

        Assert.Equal(0, rollup.Reports.Missing + rollup.Reports.Late + rollup.Reports.Reported);
        Assert.Equal(rollup.Reports.Expected, rollup.Reports.Pending);
        // 31 March is the last day of 1.2 and 2.1: not done yet, still within.
        Assert.Equal(new StatusCounts(0, 0, 3, 0, 1), rollup.Counts);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_ShareTargetBelowItsCount_IsNotMetAndBehindItsPath(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var communes = (await ObligationsAsync(db, world.PlanId, "2026-6M")).Where(o => o.TaskCode == "1.1" && o.Role == AssignmentRole.Executing).ToList();
        var n = communes.Count;
        // By 14 June (the 6 months' data window ends), 165 of 365 days: the path asks for 13,56%; 5 communes done is below it.
        foreach (var o in communes.Take(5))
        {
            Report(db, o, ReportState.Accepted, ReportTaskStatus.DoneOnTime, late: false, o.DueDate);
        }

        await db.SaveChangesAsync();
        var queries = new RollupQueries(db, new FixedClock(new DateTimeOffset(2026, 7, 20, 3, 0, 0, TimeSpan.Zero)));

        var task = (await queries.ReadAsync(PlanRights.Everything, world.PlanId, "2026-6M")).Value!.Tasks.Single(t => t.Code == "1.1");

        Assert.Equal(false, task.Target!.Met);
        Assert.Equal(Math.Round(30m * 165 / 365, 2, MidpointRounding.AwayFromZero), task.Target.RequiredNow);
        Assert.True(task.Target.Behind);
        Assert.True(task.AtRisk);
        Assert.Equal((5, n), (task.Executing!.Done, task.Executing.Expected));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_WhoAsks_CoordinatorsAndLeadersRead_OthersRefused(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var queries = Queries(db);

        Assert.True((await queries.ReadAsync(new PlanRights(false, true, [], [], []), world.PlanId, "2026-Q1")).Succeeded);
        Assert.True((await queries.ReadAsync(new PlanRights(false, false, [world.ProvinceId], [], []), world.PlanId, "2026-Q1")).Succeeded);
        // A unit's member reads the issued plan but not its roll-up; a stranger does not learn it exists.
        Assert.True((await queries.ReadAsync(new PlanRights(false, false, [], [], [world.ProvinceId]), world.PlanId, "2026-Q1")).IsForbidden);
        Assert.True((await queries.ReadAsync(PlanRights.Nothing, world.PlanId, "2026-Q1")).IsNotFound);
        Assert.True((await queries.ReadAsync(PlanRights.Everything, world.PlanId, "2027-Q1")).IsNotFound);
        Assert.True((await queries.ReadAsync(PlanRights.Everything, world.PlanId, "not-a-period")).IsNotFound);
        Assert.True((await queries.ReadAsync(PlanRights.Everything, world.PlanId + 1000, "2026-Q1")).IsNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_ACommuneEndsInMay_CountedInQuarterIButNotInTheSixMonths(DatabaseProvider provider)
    {
        string? closed = null;
        await using var world = await WorldAsync(provider, async db =>
        {
            // A commune merged away on 31 May 2026 (before the plan is issued, so its obligations follow the registry).
            var commune = await db.Units.Where(u => u.Kind == UnitKind.Commune && u.ValidTo == null).OrderBy(u => u.Code).FirstAsync();
            (commune.ValidTo, closed) = (new DateOnly(2026, 5, 31), commune.Code);
            await db.SaveChangesAsync();
        });
        await using var db = world.Database.CreateContext();
        var queries = new RollupQueries(db, new FixedClock(new DateTimeOffset(2026, 7, 20, 3, 0, 0, TimeSpan.Zero)));

        var q1 = (await queries.ReadAsync(PlanRights.Everything, world.PlanId, "2026-Q1")).Value!;
        var h1 = (await queries.ReadAsync(PlanRights.Everything, world.PlanId, "2026-6M")).Value!;

        Assert.Contains(q1.Units, u => u.Code == closed);
        Assert.DoesNotContain(h1.Units, u => u.Code == closed);
        Assert.Equal(q1.Tasks.Single(t => t.Code == "1.1").Executing!.Expected - 1, h1.Tasks.Single(t => t.Code == "1.1").Executing!.Expected);
    }

    private static RollupQueries Queries(ChiSoDbContext db) => new(db, new FixedClock(TenthOfApril));

    private static void Report(ChiSoDbContext db, Obligation o, ReportState state, ReportTaskStatus? status, bool late, DateOnly due) =>
        db.Set<UnitReport>().Add(new UnitReport
        {
            ObligationId = o.Id, State = state, TaskStatus = status, Late = late, Revision = 1, UpdatedBy = "test",
            SubmittedAt = state == ReportState.Draft ? null : ChiSo.Common.VietNamClock.StartOfDay(late ? due.AddDays(3) : due.AddDays(-1)).ToUniversalTime(),
            UpdatedAt = TenthOfApril,
        });

    private static async Task<List<Obligation>> ObligationsAsync(ChiSoDbContext db, int planId, string period) =>
        await (from o in db.Set<Obligation>()
               join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
               where o.PlanId == planId && p.Key == period
               select o).ToListAsync();

    private static async Task<(TestDatabase Database, int ProvinceId, int PlanId)> WorldCoreAsync(DatabaseProvider provider, Func<ChiSoDbContext, Task>? beforeIssue = null)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var db = database.CreateContext();
        if (beforeIssue is not null)
        {
            await beforeIssue(db);
        }

        var created = await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, Tasks, PlanFixtures.Coordinator);
        Assert.True(created.Succeeded, string.Join("; ", created.Problems.Select(p => p.MessageEn)));
        var issued = await PlanFixtures.IssueAsync(database, db, created.Value, "12", new DateOnly(2026, 1, 20));
        Assert.True(issued.Succeeded, string.Join("; ", issued.Problems.Select(p => p.MessageEn)));
        return (database, provinceId, created.Value);
    }

    private static async Task<World> WorldAsync(DatabaseProvider provider, Func<ChiSoDbContext, Task>? beforeIssue = null)
    {
        var (database, provinceId, planId) = await WorldCoreAsync(provider, beforeIssue);
        return new World(database, provinceId, planId);
    }

    private sealed record World(TestDatabase Database, int ProvinceId, int PlanId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
