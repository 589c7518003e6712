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
        ];
        var service = PlanFixtures.Service(db, database);
        var issued = (await service.CreateAsync(provinceId, PlanFixtures.Header(), [], tasks, PlanFixtures.Coordinator)).Value;
        var revision = await db.Plans.Where(p => p.Id == issued).Select(p => p.Revision).SingleAsync();
        Assert.True((await database.Service<PlanIssuing>(db).IssueAsync(issued, revision, "5", new DateOnly(2026, 1, 5), PlanFixtures.Coordinator)).Succeeded);
        await service.CreateAsync(provinceId, PlanFixtures.Header() with { Title = "Bản nháp" }, [], tasks, PlanFixtures.Coordinator);

        var mine = new MyTasks(db, new UnitScope(db), new UnitGroups(db));
        var a = await mine.ForUserAsync("a");
        Assert.Equal([("1", AssignmentRole.Lead), ("3", AssignmentRole.Partner)], a.Select(t => (t.Code, t.Role)));
        Assert.All(a, t => Assert.Equal(issued, t.PlanId));
        var b = await mine.ForUserAsync("b");
        Assert.Equal(["3"], b.Select(t => t.Code));
        Assert.Equal(commune.Name, b.Single().UnitName);
        Assert.Equal("UBND các xã, phường", b.Single().AssignedAs);
        Assert.Empty(await mine.ForUserAsync("nobody"));
    }
}
