using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Review;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Plans.Review;

/// <summary>Next year's draft takes over, flagged, what last year's plan did not achieve by its year in review.</summary>
public sealed class CarryOverTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DraftAsync_NextYear_ProposesTheTasksThatDidNotWorkFlagged(DatabaseProvider provider)
    {
        await using var world = await YearReviewWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var drafter = YearReviewWorld.Services(db).GetRequiredService<PlanDrafter>();

        var drafted = await drafter.DraftAsync(new DraftRequest(world.ProvinceId, "papi", null, 2027), PlanFixtures.Coordinator);

        Assert.True(drafted.Succeeded, string.Join("; ", drafted.Problems.Select(p => p.MessageEn)));
        var plan = (await YearReviewWorld.Services(db).GetRequiredService<PlanQueries>().ViewAsync(drafted.Value))!;
        // The latest results before 2027 are 2026's, the year 12/KH-UBND was reviewed against.
        Assert.Equal(2026, plan.ResultYear);
        var carried = plan.Tasks.Where(t => t.CarriedOver is not null).ToList();
        Assert.Equal(2, carried.Count);
        var poverty = carried.Single(t => t.Content == YearReviewWorld.Tasks[1].Content);
        Assert.Equal("Chuyển tiếp từ Kế hoạch 12/KH-UBND: đã hoàn thành nhưng PAPI 2.2 vẫn kém cả nước 0,10 điểm", poverty.CarriedOver);
        Assert.Equal("Quý II/2027", poverty.TimeframeText);
        Assert.Equal([new NodeRef("papi-2021", "2.2")], poverty.Nodes);
        Assert.Equal(["Sở Nội vụ"], poverty.In(AssignmentRole.Lead).Select(a => a.Text));
        var inspection = carried.Single(t => t.Content == YearReviewWorld.Tasks[2].Content);
        Assert.Equal("Chuyển tiếp từ Kế hoạch 12/KH-UBND: chưa hoàn thành", inspection.CarriedOver);
        // The tasks that worked (1.1) or are ongoing with no node (2.3) are not proposed.
        Assert.DoesNotContain(plan.Tasks, t => t.Content == YearReviewWorld.Tasks[0].Content || t.Content == YearReviewWorld.Tasks[3].Content);
        // Dimension 2 is not among 2026's weakest, so its old heading comes back for them, after the draft's own.
        Assert.Equal(("2", "Công khai, minh bạch"), (plan.Groups[^1].Code, plan.Groups[^1].Title));
        Assert.All(carried, t => Assert.Equal("2", t.GroupCode));
        Assert.Equal(plan.Tasks.Count, plan.Tasks.Select(t => t.Code).Distinct().Count());
        // Drafted tasks carry no note; the note is stored once, as written.
        Assert.Equal(2, await db.Set<PlanTask>().CountAsync(t => t.PlanId == drafted.Value && t.CarriedOver != null));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DraftAsync_ThePlansOwnYear_DraftsFromTheYearBeforeAndCarriesNothing(DatabaseProvider provider)
    {
        await using var world = await YearReviewWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var drafter = YearReviewWorld.Services(db).GetRequiredService<PlanDrafter>();

        // Another 2026 plan: 2026's own results are not what a 2026 plan answers, and no 2025 plan exists to carry over.
        var drafted = await drafter.DraftAsync(new DraftRequest(world.ProvinceId, "papi", null, 2026), PlanFixtures.Coordinator);

        Assert.True(drafted.Succeeded, string.Join("; ", drafted.Problems.Select(p => p.MessageEn)));
        var plan = (await YearReviewWorld.Services(db).GetRequiredService<PlanQueries>().ViewAsync(drafted.Value))!;
        Assert.Equal(2025, plan.ResultYear);
        Assert.All(plan.Tasks, t => Assert.Null(t.CarriedOver));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveTaskAsync_EditOfACarriedTask_KeepsItsNote(DatabaseProvider provider)
    {
        await using var world = await YearReviewWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var services = YearReviewWorld.Services(db);
        var drafted = await services.GetRequiredService<PlanDrafter>().DraftAsync(new DraftRequest(world.ProvinceId, "papi", null, 2027), PlanFixtures.Coordinator);
        var task = await db.Set<PlanTask>().AsNoTracking().FirstAsync(t => t.PlanId == drafted.Value && t.CarriedOver != null);

        // The task page posts no note: the edit keeps where the task came from.
        var saved = await services.GetRequiredService<PlanService>().SaveTaskAsync(drafted.Value, task.Id, task.Revision,
            new TaskInput { Code = task.Code, GroupCode = "2", Content = task.Content + " (sửa)", Leads = ["Sở Nội vụ"], TimeframeText = "Quý III/2027" },
            PlanFixtures.Coordinator);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Select(p => p.MessageEn)));
        Assert.Equal(task.CarriedOver, await db.Set<PlanTask>().AsNoTracking().Where(t => t.Id == task.Id).Select(t => t.CarriedOver).SingleAsync());
    }

    [Fact]
    public void Apply_SameContentAlreadyDrafted_FlagsItInsteadOfRepeating()
    {
        var carryOver = new CarryOver("12/KH-UBND",
        [
            new CarriedTask(new TaskInput { Code = "2.1", GroupCode = "2", Content = "Niêm yết danh sách hộ nghèo" }, "Công khai, minh bạch", "Chuyển tiếp: A"),
            new CarriedTask(new TaskInput { Code = "3.4", GroupCode = "3", Content = "Tiếp công dân định kỳ" }, "Trách nhiệm giải trình", "Chuyển tiếp: B"),
            new CarriedTask(new TaskInput { Code = "7", Content = "Việc không thuộc nhóm nào" }, null, "Chuyển tiếp: C"),
        ]);
        TaskGroupInput[] groups = [new("2", "Công khai, minh bạch trong việc ra quyết định ở địa phương"), new("3", "Trách nhiệm giải trình")];
        TaskInput[] tasks =
        [
            new() { Code = "2.1", GroupCode = "2", Content = "NIÊM YẾT danh sách hộ nghèo " },
            new() { Code = "3.1", GroupCode = "3", Content = "Khác" },
            new() { Code = "3.2", GroupCode = "3", Content = "Khác nữa" },
            new() { Code = "1", Content = "Không nhóm" },
        ];

        var (allGroups, allTasks) = carryOver.Apply(groups, tasks);

        Assert.Equal(["2", "3"], allGroups.Select(g => g.Code));
        Assert.Equal(["2.1", "3.1", "3.2", "1", "3.3", "2"], allTasks.Select(t => t.Code));
        Assert.Equal(["Chuyển tiếp: A", null, null, null, "Chuyển tiếp: B", "Chuyển tiếp: C"], allTasks.Select(t => t.CarriedOver));
    }

    [Fact]
    public void Note_DoneWhileNodesFell_NamesEachNodeAndItsGap()
    {
        NodeStanding S(decimal score, decimal mean) => new(score, 1, 34, 1, ChiSo.Analysis.RankSource.Computed, mean);
        var task = new TaskReview(1, "2.1", "x", "2", "t", ReportTaskStatus.DoneOnTime,
        [
            new NodeChange("papi", "2.2", "a", "a", S(1.00m, 1.10m), S(1.10m, 1.30m), NodeGap.None),
            new NodeChange("papi", "2.3", "b", "b", S(1.00m, 1.10m), S(1.50m, 1.20m), NodeGap.None),
            new NodeChange("par", "3.1", "c", "c", S(1.00m, 1.00m), S(0.80m, 1.00m), NodeGap.None),
        ]);

        Assert.Equal("Chuyển tiếp từ Kế hoạch 115/KH-UBND: đã hoàn thành nhưng PAPI 2.2 vẫn kém cả nước 0,10 điểm; PAR Index 3.1 vẫn kém cả nước 0,20 điểm",
            CarryOver.Note("115/KH-UBND", task));
        Assert.Equal("Chuyển tiếp từ Kế hoạch 115/KH-UBND: chưa hoàn thành", CarryOver.Note("115/KH-UBND", task with { Status = ReportTaskStatus.NotDoneWithin }));
    }
}
