using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Accounts;

public sealed class UnitMembershipsTests
{
    private static readonly Actor Admin = new("admin", "127.0.0.1");

    private static async Task<string> AddUserAsync(ChiSoDbContext db, string userName)
    {
        var user = new ChiSoUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static UnitMemberships Service(ChiSoDbContext db, TestDatabase database) => new(db, new AuditLog(db, database.Clock), database.Clock);

    private static Task<Unit> DepartmentAsync(ChiSoDbContext db) =>
        db.Units.AsNoTracking().SingleAsync(u => u.Kind == UnitKind.Department && u.Name == "Sở Tư pháp");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Grant_ThenRevoke_ListsScopesAndAuditsEachChange(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var userId = await AddUserAsync(db, "dau.moi");
        var department = await DepartmentAsync(db);
        var service = Service(db, database);

        var focal = await service.GrantAsync(userId, department.Id, UnitRoles.FocalPoint, null, Admin);
        var head = await service.GrantAsync(userId, department.Id, UnitRoles.UnitHead, null, Admin);
        var coordinator = await service.GrantAsync(userId, provinceId, UnitRoles.Coordinator, null, Admin);
        Assert.True(focal.Succeeded && head.Succeeded && coordinator.Succeeded, string.Join("; ", focal.Errors.Concat(head.Errors).Concat(coordinator.Errors)));

        var listed = await service.ListAsync(userId);
        Assert.Equal(3, listed.Count);
        Assert.Contains(listed, m => m.Role == UnitRoles.FocalPoint && m.UnitId == department.Id && m.CreatedBy == "admin"
            && m.CreatedAt == database.Clock.GetUtcNow());
        // A province membership adds the province only, not its departments and communes.
        Assert.Equal(new HashSet<int> { department.Id, provinceId }, await new UnitScope(db).UnitIdsAsync(userId));

        Assert.True((await service.RevokeAsync(focal.Id!.Value, Admin)).Succeeded);
        Assert.True((await service.RevokeAsync(head.Id!.Value, Admin)).Succeeded);
        Assert.Equal(new HashSet<int> { provinceId }, await new UnitScope(db).UnitIdsAsync(userId));
        Assert.False((await service.RevokeAsync(focal.Id.Value, Admin)).Succeeded);

        await using var check = database.CreateContext();
        var audit = await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(UnitMembership)).ToListAsync();
        Assert.Equal(3, audit.Count(a => a.Action == "membership.grant"));
        var revoked = audit.Where(a => a.Action == "membership.revoke").ToList();
        Assert.Equal(2, revoked.Count);
        Assert.All(revoked, a => Assert.Equal("admin", a.Actor));
        Assert.Contains(revoked, a => a.EntityId == focal.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && a.OldValues!.Contains("focal-point", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Grant_Duplicate_UnknownUnit_UnknownRole_AreRefusedWithoutAuditRows(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var userId = await AddUserAsync(db, "dau.moi");
        var department = await DepartmentAsync(db);
        var service = Service(db, database);
        Assert.True((await service.GrantAsync(userId, department.Id, UnitRoles.FocalPoint, null, Admin)).Succeeded);
        var auditBefore = await db.AuditEntries.CountAsync();

        var duplicate = await service.GrantAsync(userId, department.Id, UnitRoles.FocalPoint, null, Admin);
        Assert.Contains("already has this role", Assert.Single(duplicate.Errors), StringComparison.Ordinal);
        Assert.Contains("đã có vai trò này", duplicate.Errors[0], StringComparison.Ordinal);

        var unknownUnit = await service.GrantAsync(userId, 987654, UnitRoles.FocalPoint, null, Admin);
        Assert.Contains("Unknown unit 987654", Assert.Single(unknownUnit.Errors), StringComparison.Ordinal);

        var unknownRole = await service.GrantAsync(userId, department.Id, "boss", null, Admin);
        Assert.Contains("Unknown unit role 'boss'", Assert.Single(unknownRole.Errors), StringComparison.Ordinal);

        var unknownUser = await service.GrantAsync("no-such-user", department.Id, UnitRoles.FocalPoint, null, Admin);
        Assert.False(unknownUser.Succeeded);

        // Coordinators coordinate a province; only they can be limited to a plan, and only to one of that province.
        Assert.False((await service.GrantAsync(userId, department.Id, UnitRoles.Coordinator, null, Admin)).Succeeded);
        Assert.False((await service.GrantAsync(userId, department.Id, UnitRoles.UnitHead, 1, Admin)).Succeeded);
        var unknownPlan = await service.GrantAsync(userId, provinceId, UnitRoles.Coordinator, 424242, Admin);
        Assert.Contains("Unknown plan 424242", Assert.Single(unknownPlan.Errors), StringComparison.Ordinal);

        Assert.Single(await service.ListAsync(userId));
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Coordinator_LimitedToAPlan_IsDistinctFromTheWholeProvince_AndGoesWithThePlan(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var userId = await AddUserAsync(db, "dieu.phoi");
        var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks,
            PlanFixtures.Coordinator)).Value;
        var service = Service(db, database);

        Assert.True((await service.GrantAsync(userId, provinceId, UnitRoles.Coordinator, planId, Admin)).Succeeded);
        Assert.True((await service.GrantAsync(userId, provinceId, UnitRoles.Coordinator, null, Admin)).Succeeded);
        Assert.False((await service.GrantAsync(userId, provinceId, UnitRoles.Coordinator, planId, Admin)).Succeeded);
        Assert.Contains(await service.ListAsync(userId), m => m.PlanId == planId);

        await db.Plans.Where(p => p.Id == planId).ExecuteDeleteAsync();
        Assert.Null(Assert.Single(await service.ListAsync(userId)).PlanId);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AssignableUnits_AreTheProvinceThenItsDepartmentsAndCommunes(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();

        var units = await Service(db, database).AssignableUnitsAsync("68");
        Assert.Equal(provinceId, units[0].Id);
        Assert.Contains(units, u => u.Kind == UnitKind.Department && u.Name == "Sở Tư pháp");
        Assert.Contains(units, u => u.Kind == UnitKind.Commune);
        Assert.Empty(await Service(db, database).AssignableUnitsAsync("nowhere"));
    }
}
