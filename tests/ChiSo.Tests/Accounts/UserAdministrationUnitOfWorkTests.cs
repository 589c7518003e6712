using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Accounts;

/// <summary>
/// Identity saves each step itself (lockout, stamp, roles) inside the unit of work's transaction; a failure after
/// those saves must still leave nothing behind: no half-locked account, no new stamp, no audit row.
/// </summary>
public sealed class UserAdministrationUnitOfWorkTests
{
    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // Password-reset tokens need data protection; keys in memory are enough for one test.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddDbContext<ChiSoDbContext>(o => ChiSoDbContextOptions.Configure(o, database.Settings));
        services.AddSingleton(database.Clock);
        services.AddIdentityCore<ChiSoUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<ChiSoDbContext>().AddDefaultTokenProviders();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<AuditLog>();
        services.AddScoped<UserAdministration>();
        return services.BuildServiceProvider();
    }

    private static async Task<(string AdminId, string UserId)> SeedAsync(IServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in UserAdministration.AssignableRoles)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var admin = await accounts.CreateAsync("quan.tri", null, Roles.Admin, Actor.System);
        var user = await accounts.CreateAsync("dieu.phoi", null, Roles.Coordinator, Actor.System);
        return (admin.Value!.UserId, user.Value!.UserId);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Lock_FailingJustBeforeCommit_LeavesTheAccountAsItWas(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var (_, userId) = await SeedAsync(services);
        string? stampBefore;
        await using (var db = database.CreateContext())
        {
            stampBefore = (await db.Users.SingleAsync(u => u.Id == userId)).SecurityStamp;
        }

        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<UnitOfWork>().BeforeCommit = () => throw new InvalidOperationException("disk full");
            var accounts = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => accounts.SetLockedAsync(userId, true, new Actor("quan.tri")));
        }

        await using var check = database.CreateContext();
        var user = await check.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(stampBefore, user.SecurityStamp);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action == "user.lock"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SetRole_FailingJustBeforeCommit_KeepsTheOldRole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var (_, userId) = await SeedAsync(services);
        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<UnitOfWork>().BeforeCommit = () => throw new InvalidOperationException("disk full");
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                scope.ServiceProvider.GetRequiredService<UserAdministration>().SetRoleAsync(userId, Roles.Leader, new Actor("quan.tri")));
        }

        using var fresh = services.CreateScope();
        var users = fresh.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
        Assert.Equal([Roles.Coordinator], await users.GetRolesAsync((await users.FindByIdAsync(userId))!));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Create_DuplicateName_IsAProblemWithItsField_AndLeavesNoAuditRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await SeedAsync(services);
        using var scope = services.CreateScope();
        var again = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync("dieu.phoi", null, Roles.Leader, new Actor("quan.tri"));
        var problem = Assert.Single(again.Problems);
        Assert.Equal((ProblemCodes.Duplicate, "userName"), (problem.Code, problem.Field));
        await using var check = database.CreateContext();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == "user.create"));
    }
}
