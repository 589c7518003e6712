using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>
/// Who reads which plan, by role × draft/issued/being amended × own/other province, through the one read path
/// (<see cref="PlanAccess.RightsAsync"/>, <see cref="PlanQueries.ListAsync"/>, <see cref="PlanQueries.ReadAsync"/>).
/// </summary>
public sealed class PlanRightsTests
{
    private const string Amended = "Nội dung đang sửa đổi, chưa ban hành";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Member_OfAUnitThreeLevelsDown_ReadsItsProvincesIssuedPlans_AndThoseOfTheProvincesMergedIntoIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var old = new Unit { Code = "T1", Kind = UnitKind.Province, Name = "Tỉnh Cũ", FullName = "Tỉnh Cũ", ValidTo = new DateOnly(2025, 6, 30) };
        var province = new Unit { Code = "T2", Kind = UnitKind.Province, Name = "Tỉnh Mới", FullName = "Tỉnh Mới" };
        var other = new Unit { Code = "T3", Kind = UnitKind.Province, Name = "Tỉnh Khác", FullName = "Tỉnh Khác" };
        var district = new Unit { Code = "H1", Kind = UnitKind.District, Name = "Huyện Một", FullName = "Huyện Một", Parent = province };
        var commune = new Unit { Code = "X1", Kind = UnitKind.Commune, Name = "Xã Một", FullName = "Xã Một", Parent = district };
        var school = new Unit { Code = "S1", Kind = UnitKind.PublicService, Name = "Trường Một", FullName = "Trường Một", Parent = commune };
        db.Units.AddRange(old, province, other, district, commune, school);
        await db.SaveChangesAsync();
        db.UnitPredecessors.Add(new UnitPredecessor { UnitId = province.Id, PredecessorId = old.Id });
        db.Users.Add(new ChiSoUser { Id = "teacher", UserName = "teacher" });
        db.UnitMemberships.Add(new UnitMembership { UserId = "teacher", UnitId = school.Id, Role = UnitRoles.FocalPoint, CreatedBy = "test" });
        await db.SaveChangesAsync();

        var rights = await new PlanAccess(db).RightsAsync("teacher", _ => false);

        Assert.True(rights.CanRead(province.Id, 1, PlanStatus.Issued));
        Assert.True(rights.CanRead(old.Id, 2, PlanStatus.Issued));
        Assert.False(rights.CanRead(other.Id, 3, PlanStatus.Issued));
        Assert.False(rights.CanRead(province.Id, 4, PlanStatus.Draft));
    }

    private sealed record World(TestDatabase Database, int Province, int OwnDraft, int OwnIssued, int OwnAmending, int OtherDraft, int OtherIssued, int OldProvinceIssued)
    {
        public int[] All => [OwnDraft, OwnIssued, OwnAmending, OtherDraft, OtherIssued, OldProvinceIssued];
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ListAndRead_EachRoleSeesWhatItsRoleAndMembershipsGive(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        await using var _ = world.Database;
        (string Who, string[] Roles, int[] Sees, int[] SeesWorking)[] cases =
        [
            ("admin", [ChiSo.Accounts.Roles.Admin], world.All, world.All),
            ("coordinator", [ChiSo.Accounts.Roles.Coordinator], world.All, world.All),
            ("leader", [ChiSo.Accounts.Roles.Leader], [world.OwnIssued, world.OwnAmending, world.OtherIssued, world.OldProvinceIssued], []),
            ("focal", [ChiSo.Accounts.Roles.Member], [world.OwnIssued, world.OwnAmending, world.OldProvinceIssued], []),
            ("commune", [ChiSo.Accounts.Roles.Member], [world.OwnIssued, world.OwnAmending, world.OldProvinceIssued], []),
            ("province-coordinator", [ChiSo.Accounts.Roles.Member], [world.OwnDraft, world.OwnIssued, world.OwnAmending, world.OldProvinceIssued], [world.OwnDraft, world.OwnIssued, world.OwnAmending]),
            ("plan-coordinator", [ChiSo.Accounts.Roles.Member], [world.OwnDraft, world.OwnIssued, world.OwnAmending, world.OldProvinceIssued], [world.OwnDraft]),
            ("nobody", [ChiSo.Accounts.Roles.Member], [], []),
        ];

        await using var db = world.Database.CreateContext();
        var access = new PlanAccess(db);
        var queries = new PlanQueries(db, new UnitGroups(db));
        foreach (var (who, roles, sees, working) in cases)
        {
            var rights = await access.RightsAsync(who, roles.Contains, CancellationToken.None);
            var listed = await queries.ListAsync(rights);
            Assert.True(sees.Order().SequenceEqual(listed.Select(p => p.Id).Order()), $"{who} lists {string.Join(",", listed.Select(p => p.Id))}");
            foreach (var planId in world.All)
            {
                var read = await queries.ReadAsync(rights, planId);
                Assert.True(read.Succeeded == sees.Contains(planId), $"{who} reading plan {planId}: {read.Succeeded}");
                Assert.True(read.Succeeded || read.IsNotFound, $"{who}: an unreadable plan answers as not found");
                Assert.Equal(working.Contains(planId), rights.CanEdit(read.Value?.ProvinceId ?? world.Province, planId) && sees.Contains(planId));
            }

            if (sees.Contains(world.OwnAmending))
            {
                // Those who may change the plan see the amendment being edited; everyone else the version that was issued.
                var amending = (await queries.ReadAsync(rights, world.OwnAmending)).Value!;
                var summary = listed.Single(p => p.Id == world.OwnAmending);
                if (working.Contains(world.OwnAmending))
                {
                    Assert.Equal((PlanStatus.Amending, 1), (amending.Status, amending.Amendment));
                    Assert.Contains(amending.Tasks, t => t.Content == Amended);
                    Assert.Equal(PlanStatus.Amending, summary.Status);
                }
                else
                {
                    Assert.Equal((PlanStatus.Issued, 0, "12"), (amending.Status, amending.Amendment, amending.Number));
                    Assert.DoesNotContain(amending.Tasks, t => t.Content == Amended);
                    Assert.Equal((PlanStatus.Issued, 0), (summary.Status, summary.Amendment));
                }

                // The earlier version itself is readable by everyone who reads the plan.
                Assert.True((await queries.ReadAsync(rights, world.OwnAmending, amendment: 0)).Succeeded);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Refusal_NotFoundForWhatTheUserMayNotRead_ForbiddenForWhatTheyOnlyRead(DatabaseProvider provider)
    {
        var world = await WorldAsync(provider);
        await using var _ = world.Database;
        await using var db = world.Database.CreateContext();
        var access = new PlanAccess(db);
        var focal = await access.RightsAsync("focal", r => r == ChiSo.Accounts.Roles.Member, CancellationToken.None);
        Assert.Null(await access.RefusalAsync(focal, world.OwnIssued, toChange: false));
        Assert.Equal(ChiSo.Common.ProblemCodes.Forbidden, (await access.RefusalAsync(focal, world.OwnIssued, toChange: true))!.Code);
        Assert.Equal(ChiSo.Common.ProblemCodes.NotFound, (await access.RefusalAsync(focal, world.OwnDraft, toChange: false))!.Code);
        Assert.Equal(ChiSo.Common.ProblemCodes.NotFound, (await access.RefusalAsync(focal, world.OwnDraft, toChange: true))!.Code);
        Assert.Equal(ChiSo.Common.ProblemCodes.NotFound, (await access.RefusalAsync(PlanRights.Everything, 987654, toChange: false))!.Code);
        var planCoordinator = await access.RightsAsync("plan-coordinator", r => r == ChiSo.Accounts.Roles.Member, CancellationToken.None);
        Assert.Null(await access.RefusalAsync(planCoordinator, world.OwnDraft, toChange: true));
        Assert.False(planCoordinator.CanEdit(world.Province, null));
        Assert.True(planCoordinator.CoordinatesAny);
    }

    private static async Task<World> WorldAsync(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var db = database.CreateContext();
        var other = await db.Units.SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "01" && u.ValidTo == null);
        var old = await db.UnitPredecessors.Where(p => p.UnitId == provinceId).Select(p => p.PredecessorId).FirstAsync();
        var service = PlanFixtures.Service(db, database);
        TaskInput[] communes = [new() { Code = "1", Content = "Việc của mọi xã", Leads = [AssigneeKey.ForBuiltIn(UnitGroups.AllCommunes).ToString()] }];

        async Task<int> CreateAsync(int province, string title, int year = 2026) =>
            (await service.CreateAsync(province, PlanFixtures.Header(year) with { Title = title, IssuingBody = $"Ủy ban nhân dân ({title})" }, [], communes, PlanFixtures.Coordinator)).Value;

        var ownDraft = await CreateAsync(provinceId, "Dự thảo của tỉnh");
        var ownIssued = await CreateAsync(provinceId, "Đã ban hành của tỉnh");
        var ownAmending = await CreateAsync(provinceId, "Đang sửa đổi của tỉnh");
        var otherDraft = await CreateAsync(other.Id, "Dự thảo tỉnh khác");
        var otherIssued = await CreateAsync(other.Id, "Đã ban hành tỉnh khác");
        var oldIssued = await CreateAsync(old, "Kế hoạch của tỉnh cũ trước sáp nhập", 2024);
        foreach (var (plan, number, year) in new[] { (ownIssued, "11", 2026), (ownAmending, "12", 2026), (otherIssued, "13", 2026), (oldIssued, "14", 2024) })
        {
            var issued = await PlanFixtures.IssueAsync(database, db, plan, number, new DateOnly(year, 1, 10));
            Assert.True(issued.Succeeded, string.Join("; ", issued.Problems));
        }

        var task = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.PlanId == ownAmending);
        var edit = await service.SaveTaskAsync(ownAmending, task.Id, task.Revision, communes[0] with { Content = Amended }, PlanFixtures.Coordinator);
        Assert.True(edit.Succeeded, string.Join("; ", edit.Problems));

        var justice = await db.Units.SingleAsync(u => u.Code == "STP" && u.ParentId == provinceId);
        var commune = await db.Units.Where(u => u.Kind == UnitKind.Commune && u.ParentId == provinceId).OrderBy(u => u.Code).FirstAsync();
        foreach (var (user, unit, role, plan) in new (string, int, string, int?)[]
        {
            ("focal", justice.Id, UnitRoles.FocalPoint, null), ("commune", commune.Id, UnitRoles.UnitHead, null),
            ("province-coordinator", provinceId, UnitRoles.Coordinator, null), ("plan-coordinator", provinceId, UnitRoles.Coordinator, ownDraft),
        })
        {
            db.Users.Add(new ChiSoUser { Id = user, UserName = user });
            db.UnitMemberships.Add(new UnitMembership { UserId = user, UnitId = unit, Role = role, PlanId = plan, CreatedBy = "test" });
        }

        db.Users.Add(new ChiSoUser { Id = "nobody", UserName = "nobody" });
        await db.SaveChangesAsync();
        return new World(database, provinceId, ownDraft, ownIssued, ownAmending, otherDraft, otherIssued, oldIssued);
    }
}
