using ChiSo.Analysis;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Review;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Plans.Review;

/// <summary>The year in review of <see cref="YearReviewWorld"/> against its figures worked out by hand, and who may read it.</summary>
public sealed class YearReviewQueriesTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_TwoYearsImported_ComparesEachTaskNodeWithTheNation(DatabaseProvider provider)
    {
        await using var world = await YearReviewWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();

        var review = await ReadAsync(db, PlanRights.Everything, world.PlanId);

        Assert.Equal((ReviewState.Ready, 2025, 2026, "12/KH-UBND"), (review.State, review.ResultYear, review.ReviewYear, review.PlanName));
        Assert.True(review.ResultYearStated);
        Assert.Equal(("2026-Y", true, true), (review.Period!.Period.Id, review.Period.IsYear, review.Period.ReportsDue));
        Assert.Equal(["1.1", "2.1", "2.2", "2.3"], review.Tasks.Select(t => t.Code));

        var t11 = Task(review, "1.1");
        Assert.Equal(ReportTaskStatus.DoneOnTime, t11.Status);
        var n11 = Assert.Single(t11.Nodes);
        Assert.Equal(("papi", "1.1", "Tri thức công dân"), (n11.Family, n11.Code, n11.NameVi));
        Assert.Equal((1.20m, 1.50m), (n11.Before!.Score, n11.After!.Score));
        Assert.Equal((1.25m, 1.40m), (n11.Before.NationalMean, n11.After.NationalMean));
        Assert.Equal((0.30m, 0.15m, 0.15m, Movement.Better), (n11.Change, n11.NationalChange, n11.Relative, n11.Movement));
        Assert.Equal((3, 2, 1, 4), (n11.Before.Rank!.Value, n11.After.Rank!.Value, n11.RankChange!.Value, n11.After.Ranked));
        Assert.Equal((3, 2, RankSource.Computed), (n11.Before.Group!.Value, n11.After.Group!.Value, n11.After.GroupSource!.Value));
        Assert.Equal("tăng 0,30 điểm; cả nước tăng 0,15 → hơn cả nước 0,15", ChangeWords.SentenceVi(n11));
        Assert.Equal("up 0,30 points; the country up 0,15 → better than the country by 0,15", ChangeWords.SentenceEn(n11));
        Assert.Equal("hạng 3/4 → 2/4 (tăng 1 bậc)", ChangeWords.RankVi(n11));
        Assert.Equal("Nhóm đạt điểm trung bình cao (ChiSo tính)", ChangeWords.GroupVi(n11.After));
        Assert.Equal("Nhóm đạt điểm trung bình thấp (ChiSo tính) → Nhóm đạt điểm trung bình cao (ChiSo tính)", ChangeWords.GroupChangeVi(n11));

        var t21 = Task(review, "2.1");
        Assert.Equal(ReportTaskStatus.DoneLate, t21.Status);
        var n22 = Assert.Single(t21.Nodes);
        Assert.Equal((0.10m, 0.20m, -0.10m, Movement.Worse), (n22.Change, n22.NationalChange, n22.Relative, n22.Movement));
        Assert.Equal("tăng 0,10 điểm; cả nước tăng 0,20 → kém cả nước 0,10", ChangeWords.SentenceVi(n22));
        Assert.Equal("hạng 3/4 → 3/4 (giữ nguyên)", ChangeWords.RankVi(n22));
        Assert.Equal("Nhóm đạt điểm trung bình thấp (ChiSo tính), không đổi", ChangeWords.GroupChangeVi(n22));
        Assert.Equal("Low average (computed by ChiSo), unchanged", ChangeWords.GroupChangeEn(n22));

        var t22 = Task(review, "2.2");
        Assert.Equal(ReportTaskStatus.NotDoneOverdue, t22.Status);
        var n2 = Assert.Single(t22.Nodes);
        Assert.Equal((0.20m, 0.20m, 0m, Movement.Level), (n2.Change, n2.NationalChange, n2.Relative, n2.Movement));
        Assert.Equal("tăng 0,20 điểm; cả nước tăng 0,20 → ngang cả nước", ChangeWords.SentenceVi(n2));

        var t23 = Task(review, "2.3");
        Assert.Equal(ReportTaskStatus.Ongoing, t23.Status);
        Assert.Empty(t23.Nodes);

        // Done but fell: 2.1 only (1.1 rose more than the nation). Not done: 2.2. Carried over: both; 2.3 is ongoing.
        Assert.Equal(["2.1"], review.DoneButFell.Select(t => t.Code));
        Assert.Equal(["2.2"], review.NotDone.Select(t => t.Code));
        Assert.Equal(["2.1", "2.2"], review.DidNotWork.Select(t => t.Code));

        var papi = Assert.Single(review.Families);
        Assert.Equal((39m, 39.50m, 39.00m, 39.15m), (papi.Aggregate!.Before!.Score, papi.Aggregate.After!.Score, papi.Aggregate.Before.NationalMean, papi.Aggregate.After.NationalMean));
        Assert.Equal((0.50m, 0.15m, 0.35m), (papi.Aggregate.Change, papi.Aggregate.NationalChange, papi.Aggregate.Relative));
        // Dimensions 1 (through 1.1) and 2 have tasks; of the others only 3 fell against the nation. 5 fell too, less than the nation.
        Assert.Equal(["1", "2"], papi.Dimensions.Where(d => d.Covered).Select(d => d.Change.Code));
        var neglected = Assert.Single(review.NeglectedAndFell);
        Assert.Equal(("3", -0.20m, 0m, -0.20m), (neglected.Change.Code, neglected.Change.Change, neglected.Change.NationalChange, neglected.Change.Relative));
        Assert.Equal("giảm 0,20 điểm; cả nước không đổi → kém cả nước 0,20", ChangeWords.SentenceVi(neglected.Change));
        Assert.Equal((2, 3), (neglected.Change.Before!.Rank!.Value, neglected.Change.After!.Rank!.Value));
        Assert.Equal("Nhóm đạt điểm trung bình thấp (ChiSo tính)", ChangeWords.GroupVi(neglected.Change.After));
        var d5 = papi.Dimensions.Single(d => d.Change.Code == "5").Change;
        Assert.Equal((-0.10m, -0.25m, 0.15m, Movement.Better), (d5.Change, d5.NationalChange, d5.Relative, d5.Movement));
        Assert.Equal(Movement.Better, papi.Dimensions.Single(d => d.Change.Code == "4").Change.Movement);
        Assert.All(papi.Dimensions.Where(d => d.Change.Code is "6" or "7" or "8"), d => Assert.Equal(Movement.Level, d.Change.Movement));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_NextYearNotImported_SaysSoAndStillGivesTheStatuses(DatabaseProvider provider)
    {
        await using var world = await YearReviewWorld.CreateAsync(provider, with2026: false);
        await using var db = world.Database.CreateContext();

        var review = await ReadAsync(db, PlanRights.Everything, world.PlanId);

        Assert.Equal(ReviewState.NotYetImported, review.State);
        var papi = Assert.Single(review.Families);
        Assert.Equal((true, false), (papi.BeforeImported, papi.AfterImported));
        Assert.Equal(ReportTaskStatus.DoneOnTime, Task(review, "1.1").Status);
        var node = Assert.Single(Task(review, "1.1").Nodes);
        Assert.Equal((NodeGap.NoResultsAfter, Movement.Unknown, 1.20m), (node.Gap, node.Movement, node.Before!.Score));
        Assert.Null(node.Change);
        Assert.Equal("chưa có kết quả năm đánh giá", ChangeWords.SentenceVi(node));
        // Nothing fell yet: only the task not done is proposed to carry over.
        Assert.Empty(review.NeglectedAndFell);
        Assert.Equal(["2.2"], review.DidNotWork.Select(t => t.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_NoYearPeriodOrNoResultYear_UsesTheLastPeriodOrTheYearBeforeAndSaysSo(DatabaseProvider provider)
    {
        await using var world = await YearReviewWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        async Task<int> IssuedAsync(PlanHeaderInput header, string number)
        {
            var created = await PlanFixtures.Service(db, world.Database).CreateAsync(world.ProvinceId, header, PlanFixtures.Groups, YearReviewWorld.Tasks, PlanFixtures.Coordinator);
            Assert.True(created.Succeeded, string.Join("; ", created.Problems.Select(p => p.MessageEn)));
            Assert.True((await PlanFixtures.IssueAsync(world.Database, db, created.Value, number, new DateOnly(2026, 1, 20))).Succeeded);
            return created.Value;
        }

        // A 2026 plan that answers 2024: its year under review is 2025, which it has no period of; 2024 has no results here.
        var late = await ReadAsync(db, PlanRights.Everything, await IssuedAsync(PlanFixtures.Header() with { ResultYear = 2024 }, "13"));
        Assert.Equal((2024, 2025, ReviewState.NoBaseline), (late.ResultYear, late.ReviewYear, late.State));
        Assert.Equal(("2026-Y", false), (late.Period!.Period.Id, late.Period.IsYear));
        Assert.Equal(NodeGap.NoResultsBefore, Task(late, "1.1").Nodes.Single().Gap);

        // A plan that names no result year answers the year before it starts.
        var unstated = await ReadAsync(db, PlanRights.Everything, await IssuedAsync(PlanFixtures.Header() with { ResultYear = null }, "14"));
        Assert.Equal((false, 2025, 2026, ReviewState.Ready), (unstated.ResultYearStated, unstated.ResultYear, unstated.ReviewYear, unstated.State));
        Assert.Equal(("2026-Y", true), (unstated.Period!.Period.Id, unstated.Period.IsYear));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_WhoAsks_CoordinatorsAndLeadersRead_OthersRefused(DatabaseProvider provider)
    {
        await using var world = await YearReviewWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var queries = YearReviewWorld.Services(db).GetRequiredService<YearReviewQueries>();

        Assert.True((await queries.ReadAsync(new PlanRights(false, true, [], [], []), world.PlanId)).Succeeded);
        Assert.True((await queries.ReadAsync(new PlanRights(false, false, [world.ProvinceId], [], []), world.PlanId)).Succeeded);
        Assert.True((await queries.ReadAsync(new PlanRights(false, false, [], [world.PlanId], []), world.PlanId)).Succeeded);
        // A unit's member reads the issued plan but not its analysis; a stranger, or another plan's coordinator, does not learn it exists.
        Assert.True((await queries.ReadAsync(new PlanRights(false, false, [], [], [world.ProvinceId]), world.PlanId)).IsForbidden);
        Assert.True((await queries.ReadAsync(PlanRights.Nothing, world.PlanId)).IsNotFound);
        Assert.True((await queries.ReadAsync(new PlanRights(false, false, [world.ProvinceId + 1], [world.PlanId + 1], []), world.PlanId)).IsNotFound);
        Assert.True((await queries.ReadAsync(PlanRights.Everything, world.PlanId + 1000)).IsNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MayRead_IsTheRollupsRule(DatabaseProvider provider)
    {
        await using var world = await YearReviewWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var rollups = YearReviewWorld.Services(db).GetRequiredService<ChiSo.Reporting.Rollup.RollupQueries>();
        PlanRights[] callers =
        [
            PlanRights.Everything, new(false, true, [], [], []), new(false, false, [world.ProvinceId], [], []), new(false, false, [], [], [world.ProvinceId]),
        ];

        foreach (var rights in callers)
        {
            Assert.Equal((await rollups.ReadAsync(rights, world.PlanId, "2026-Y")).Succeeded, YearReviewQueries.MayRead(rights, world.ProvinceId, world.PlanId));
        }
    }

    private static TaskReview Task(YearReview review, string code) => review.Tasks.Single(t => t.Code == code);

    private static async Task<YearReview> ReadAsync(ChiSoDbContext db, PlanRights rights, int planId)
    {
        var read = await YearReviewWorld.Services(db).GetRequiredService<YearReviewQueries>().ReadAsync(rights, planId);
        Assert.True(read.Succeeded, string.Join("; ", read.Problems.Select(p => p.MessageEn)));
        return read.Value!;
    }
}
