using Microsoft.Extensions.DependencyInjection;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Common;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

public sealed class PlanServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_ResolvesUnitsAndGroups_AndAuditsInTheSameTransaction(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var result = await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Contains(result.Warnings!, w => w.MessageVi.Contains("Các cơ quan có liên quan", StringComparison.Ordinal));

        await using var read = database.CreateContext();
        var view = await new PlanQueries(read, new UnitGroups(read)).ViewAsync(result.Value, withMembers: true);
        Assert.NotNull(view);
        Assert.Equal(["1.1", "2.1", "2.2"], view.Tasks.Select(t => t.Code));
        Assert.Equal(["1", "2", "2"], view.Tasks.Select(t => t.GroupCode));
        var first = view.Tasks[0];
        Assert.Equal(["Sở Tư pháp", "UBND cấp xã"], first.In(AssignmentRole.Lead).Select(a => a.Text));
        Assert.Equal(UnitGroups.AllCommunes, first.In(AssignmentRole.Lead).Last().BuiltInGroup);
        Assert.Equal(124, first.In(AssignmentRole.Lead).Last().Members!.Count);
        Assert.False(first.In(AssignmentRole.Partner).Single().IsMatched);
        var second = view.Tasks[2];
        Assert.Equal(30.5m, second.TargetValue);
        Assert.Equal(UnitGroups.AllDepartments, second.In(AssignmentRole.Executing).Single().BuiltInGroup);
        Assert.Equal([new NodeRef("papi-2021", "1.1")], first.Nodes);
        Assert.Equal(PlanStatus.Draft, view.Status);
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "plan.create"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BadInput_IsRefusedWithBilingualMessagesNamingTheField_AndNothingIsSaved(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        TaskInput[] tasks =
        [
            new() { Code = "1", Content = "Không có chủ trì" },
            new() { Code = "2", Content = "Chủ trì lạ", Leads = ["Sở Không Tồn Tại"] },
            new() { Code = "3", Content = "Chỉ tiêu chữ", Leads = ["Sở Nội vụ"], TargetComparator = TargetComparator.AtLeast, TargetValue = "ba mươi" },
            new() { Code = "3", Content = "Trùng mã", Leads = ["Sở Nội vụ"] },
        ];
        var result = await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), [], tasks, PlanFixtures.Coordinator);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, e => e.Field == "tasks[0].leads" && e.MessageVi.Contains("chưa có đơn vị chủ trì", StringComparison.Ordinal));
        Assert.Contains(result.Problems, e => e.Field == "tasks[1].leads" && e.MessageEn.Contains("'Sở Không Tồn Tại' is not in the unit registry", StringComparison.Ordinal));
        Assert.Contains(result.Problems, e => e.Field == "tasks[2].targetValue" && e.MessageVi.Contains("không phải là số", StringComparison.Ordinal));
        Assert.Contains(result.Problems, e => e.Field == "tasks[3].code" && e.MessageEn.Contains("used twice", StringComparison.Ordinal));

        await using var read = database.CreateContext();
        Assert.Equal(0, await read.Plans.CountAsync());
        Assert.Equal(0, await read.PlanTasks.CountAsync());
        Assert.Equal(0, await read.AuditEntries.CountAsync(a => a.Action.StartsWith("plan.")));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentEditsOfATask_TheSecondWriterIsTold_NotOverwritten(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        int planId;
        await using (var db = database.CreateContext())
        {
            planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
        }

        TaskView loaded;
        await using (var db = database.CreateContext())
        {
            loaded = (await new PlanQueries(db, new UnitGroups(db)).ViewAsync(planId))!.Tasks[0];
        }

        var first = PlanFixtures.Tasks[0] with { Content = "Bản sửa của người thứ nhất" };
        var second = PlanFixtures.Tasks[0] with { Content = "Bản sửa của người thứ hai" };
        await using (var db = database.CreateContext())
        {
            Assert.True((await PlanFixtures.Service(db, database).SaveTaskAsync(planId, loaded.Id, loaded.Revision, first, PlanFixtures.Coordinator)).Succeeded);
        }

        await using (var db = database.CreateContext())
        {
            var result = await PlanFixtures.Service(db, database).SaveTaskAsync(planId, loaded.Id, loaded.Revision, second, new("lanhdao"));
            Assert.True(result.IsConflict);
            Assert.Contains("Someone else saved", result.Problems.Single().MessageEn, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal("Bản sửa của người thứ nhất", (await db.PlanTasks.SingleAsync(t => t.Id == loaded.Id)).Content);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EditingAnIssuedPlan_OpensAnAmendment_AndTheIssuedVersionStaysReadable(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        int planId;
        await using (var db = database.CreateContext())
        {
            var service = PlanFixtures.Service(db, database);
            planId = (await service.CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
            var issued = await PlanFixtures.IssueAsync(database, db, planId, "115", new DateOnly(2026, 2, 10));
            Assert.True(issued.Succeeded, string.Join("; ", issued.Problems));
        }

        await using (var db = database.CreateContext())
        {
            var task = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.PlanId == planId && t.Code == "2.2");
            var edit = PlanFixtures.Tasks[2] with { Content = "Kiểm tra công khai ngân sách ở 50% số xã" };
            Assert.True((await PlanFixtures.Service(db, database).SaveTaskAsync(planId, task.Id, task.Revision, edit, PlanFixtures.Coordinator)).Succeeded);
        }

        await using (var db = database.CreateContext())
        {
            var queries = new PlanQueries(db, new UnitGroups(db));
            var current = (await queries.ViewAsync(planId))!;
            Assert.Equal((PlanStatus.Amending, 1), (current.Status, current.Amendment));
            Assert.Equal("Kiểm tra công khai ngân sách ở 50% số xã", current.Tasks.Single(t => t.Code == "2.2").Content);
            var original = (await queries.VersionAsync(planId, 0))!;
            Assert.Equal((PlanStatus.Issued, "115"), (original.Status, original.Number));
            Assert.Equal("Kiểm tra việc công khai ngân sách cấp xã", original.Tasks.Single(t => t.Code == "2.2").Content);
            Assert.Equal(3, original.Tasks.Count);
            Assert.Single(await db.AuditEntries.Where(a => a.Action == "plan.amend").ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AFailureMidwayThroughAnImportOfTasks_LeavesNothingHalfWritten(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        int planId;
        await using (var db = database.CreateContext())
        {
            planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), [], [], PlanFixtures.Coordinator)).Value;
        }

        await using (var db = database.CreateContext())
        {
            var services = database.Services(db);
            var work = services.GetRequiredService<UnitOfWork>();
            var service = services.GetRequiredService<PlanService>();
            work.BeforeCommit = async () =>
            {
                // Half the rows are already flushed inside the transaction when the failure strikes.
                await db.SaveChangesAsync();
                throw new IOException("disk unplugged");
            };
            await Assert.ThrowsAsync<IOException>(() => service.AddTasksAsync(planId, PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator));
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.PlanTasks.CountAsync());
            Assert.Equal(0, await db.PlanTaskGroups.CountAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "plan.tasks-add"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BulkAssign_AddsAPartnerToManyTasks_AndRefusesUnknownUnits(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var service = PlanFixtures.Service(db, database);
        var planId = (await service.CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
        var ids = await db.PlanTasks.Where(t => t.PlanId == planId).Select(t => t.Id).ToListAsync();

        var unknown = await service.BulkAssignAsync(planId, ids, AssignmentRole.Partner, ["Sở Ma"], false, PlanFixtures.Coordinator);
        Assert.Contains("Sở Ma", unknown.Problems.Single().MessageVi, StringComparison.Ordinal);

        var ok = await service.BulkAssignAsync(planId, ids, AssignmentRole.Partner, ["Văn phòng UBND tỉnh"], false, PlanFixtures.Coordinator);
        Assert.True(ok.Succeeded, string.Join("; ", ok.Problems));
        await using var read = database.CreateContext();
        var view = (await new PlanQueries(read, new UnitGroups(read)).ViewAsync(planId))!;
        Assert.All(view.Tasks, t => Assert.Contains(t.In(AssignmentRole.Partner), a => a.UnitId is not null && a.Text.Contains("Văn phòng", StringComparison.Ordinal)));
        Assert.Equal(3, await read.AuditEntries.CountAsync(a => a.Action == "task.assign"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CopyLastYearsPlan_MovesTheYears_KeepsTasksAndAssignees(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var service = PlanFixtures.Service(db, database);
        var source = (await service.CreateAsync(provinceId, PlanFixtures.Header(2026), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;

        var copy = await service.CopyAsync(source, 2027, PlanFixtures.Coordinator);
        Assert.True(copy.Succeeded, string.Join("; ", copy.Problems));

        await using var read = database.CreateContext();
        var view = (await new PlanQueries(read, new UnitGroups(read)).ViewAsync(copy.Value))!;
        Assert.Equal((2027, 2027, 2026), (view.FromYear, view.ToYear, view.ResultYear));
        Assert.Equal("Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2027", view.Title);
        Assert.Equal((PlanStatus.Draft, (string?)null), (view.Status, view.Number));
        Assert.Equal(["1.1", "2.1", "2.2"], view.Tasks.Select(t => t.Code));
        Assert.Equal("Quý II/2027", view.Tasks[1].TimeframeText);
        Assert.Equal(["2027-6M", "2027-9M", "2027-Y"], view.Tasks[1].ReportingPeriods);
        Assert.Equal(UnitGroups.AllCommunes, view.Tasks[1].In(AssignmentRole.Lead).Single().BuiltInGroup);
        Assert.Equal("Sở Tư pháp", view.Tasks[0].In(AssignmentRole.Lead).First().Text);
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "plan.copy"));
    }

    /// <summary>The check on load catches most conflicts; this proves the database itself refuses a stale write.</summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RevisionIsAConcurrencyToken_InTheDatabase(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using (var db = database.CreateContext())
        {
            Assert.True((await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Succeeded);
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.PlanTasks.FirstAsync();
        var b = await second.PlanTasks.SingleAsync(t => t.Id == a.Id);
        (a.Content, a.Revision) = ("A", a.Revision + 1);
        (b.Content, b.Revision) = ("B", b.Revision + 1);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
