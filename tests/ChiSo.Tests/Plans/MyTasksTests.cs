using ChiSo.Accounts;
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

/// <summary>A focal point sees the tasks that fall to their own unit, directly or through a group, and nothing of other units.</summary>
public sealed class MyTasksTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FocalPoints_SeeOnlyTheirUnitsTasks_OfIssuedPlans(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var justice = await db.Units.SingleAsync(u => u.Code == "STP");
        var commune = await db.Units.Where(u => u.Kind == UnitKind.Commune && u.ParentId == provinceId).OrderBy(u => u.Code).FirstAsync();
        foreach (var (name, unit) in new[] { ("a", justice), ("b", commune) })
        {
            db.Users.Add(new ChiSoUser { Id = name, UserName = name });
            db.UnitMemberships.Add(new UnitMembership { UserId = name, UnitId = unit.Id, Role = UnitRoles.FocalPoint, CreatedBy = "test" });
        }

        await db.SaveChangesAsync();
        TaskInput[] tasks =
        [
            new() { Code = "1", Content = "Việc của Sở Tư pháp", Leads = ["Sở Tư pháp"] },
            new() { Code = "2", Content = "Việc của Thanh tra", Leads = ["Thanh tra tỉnh"] },
            new() { Code = "3", Content = "Việc của mọi xã", Leads = ["UBND các xã, phường"], Partners = ["Sở Tư pháp"] },
            new() { Code = "4", Content = "Việc chung", Leads = ["Sở Tư pháp"], Partners = ["Các Sở, ban, ngành"] },
        ];
        var service = PlanFixtures.Service(db, database);
        var issued = (await service.CreateAsync(provinceId, PlanFixtures.Header(), [], tasks, PlanFixtures.Coordinator)).Value;
        Assert.True((await PlanFixtures.IssueAsync(database, db, issued, "5", new DateOnly(2026, 1, 5))).Succeeded);
        await service.CreateAsync(provinceId, PlanFixtures.Header() with { Title = "Bản nháp" }, [], tasks, PlanFixtures.Coordinator);

        var mine = new MyTasks(db, new UnitScope(db), new UnitGroups(db));
        var a = await mine.ForUserAsync("a");
        Assert.Equal([("1", AssignmentRole.Lead), ("3", AssignmentRole.Partner), ("4", AssignmentRole.Lead)], a.Select(t => (t.Code, t.Roles[0].Role)));
        // Lead by name and partner through "Các Sở, ban, ngành": one task, both roles.
        Assert.Equal([AssignmentRole.Lead, AssignmentRole.Partner], a.Single(t => t.Code == "4").Roles.Select(r => r.Role));
        Assert.All(a, t => Assert.Equal(issued, t.PlanId));
        var b = await mine.ForUserAsync("b");
        Assert.Equal(["3"], b.Select(t => t.Code));
        Assert.Equal(commune.Name, b.Single().Roles.Single().UnitName);
        Assert.Equal("UBND các xã, phường", b.Single().Roles.Single().AssignedAs);
        Assert.Empty(await mine.ForUserAsync("nobody"));
    }

    /// <summary>An amendment being edited is not the units' business yet: they keep the issued tasks until it is issued.</summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FocalPoints_OfAPlanBeingAmended_SeeTheIssuedTasksUntilTheAmendmentIsIssued(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var justice = await db.Units.SingleAsync(u => u.Code == "STP");
        db.Users.Add(new ChiSoUser { Id = "a", UserName = "a" });
        db.UnitMemberships.Add(new UnitMembership { UserId = "a", UnitId = justice.Id, Role = UnitRoles.FocalPoint, CreatedBy = "test" });
        await db.SaveChangesAsync();
        var service = PlanFixtures.Service(db, database);
        TaskInput first = new() { Code = "1", Content = "Việc đã ban hành của Sở Tư pháp", Leads = ["Sở Tư pháp"] };
        var planId = (await service.CreateAsync(provinceId, PlanFixtures.Header(), [], [first], PlanFixtures.Coordinator)).Value;
        Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "6", new DateOnly(2026, 1, 6))).Succeeded);
        var task = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.PlanId == planId);
        Assert.True((await service.SaveTaskAsync(planId, task.Id, task.Revision, first with { Content = "Việc đang sửa đổi" }, PlanFixtures.Coordinator)).Succeeded);
        Assert.True((await service.SaveTaskAsync(planId, null, null, new TaskInput { Code = "2", Content = "Việc mới của bản sửa đổi", Leads = ["Sở Tư pháp"] },
            PlanFixtures.Coordinator)).Succeeded);

        var mine = new MyTasks(db, new UnitScope(db), new UnitGroups(db));
        var during = await mine.ForUserAsync("a");
        Assert.Equal([("1", "Việc đã ban hành của Sở Tư pháp", "6/KH-UBND")], during.Select(t => (t.Code, t.Content, t.PlanNumber)));

        Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "8", new DateOnly(2026, 3, 1))).Succeeded);
        var after = await mine.ForUserAsync("a");
        Assert.Equal([("1", "Việc đang sửa đổi"), ("2", "Việc mới của bản sửa đổi")], after.Select(t => (t.Code, t.Content)));
    }
}
