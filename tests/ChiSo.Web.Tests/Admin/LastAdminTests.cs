using System.Net;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Admin;

/// <summary>
/// There is always an active admin. Before, the last admin could demote itself; at the next start the bootstrap saw
/// "no admin", found the account name taken, did nothing, and then refused to start because the bootstrap API token
/// needs an admin owner. Now demoting or locking the last active admin is refused, and a database that lost its last
/// admin anyway (from before the fix) is repaired by the bootstrap password.
/// </summary>
public sealed class LastAdminTests
{
    private const string Password = "Mat-khau-quan-tri-2026";

    private static async Task<string> AdminIdAsync(ChiSoWebFactory app)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Users.SingleAsync(u => u.UserName == "admin")).Id;
    }

    private static async Task<IReadOnlyList<string>> AdminsAsync(ChiSoWebFactory app)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>().GetUsersInRoleAsync(Roles.Admin)).Select(u => u.UserName!).Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Demote_TheLastActiveAdmin_IsRefusedWithAClearMessage(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var adminId = await AdminIdAsync(app);
        using var admin = await SignIn.AdminAsync(app);

        var token = await SignIn.TokenAsync(admin, "/admin/users", "create-user-form");
        var html = await (await admin.PostAsync("/admin/users?handler=Role", SignIn.Form(token, ("id", adminId), ("role", Roles.Coordinator)))).Content.ReadAsStringAsync();
        Assert.Contains("Đây là quản trị viên cuối cùng còn hoạt động", html, StringComparison.Ordinal);
        Assert.Contains("This is the last active administrator", html, StringComparison.Ordinal);
        Assert.Equal(["admin"], await AdminsAsync(app));
        // Still an admin, still signed in.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LockedAdmins_DoNotCount_SoTheLastActiveOneCannotBeLockedOrDemoted(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var adminId = await AdminIdAsync(app);
        var secondId = await AuthTestHost.CreateUserAsync(app, "quantri.hai", Roles.Admin, Password);
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var actor = new Actor("admin");

        Assert.True((await accounts.SetLockedAsync(secondId, true, actor)).Succeeded);
        var demote = await accounts.SetRoleAsync(adminId, Roles.Leader, new Actor("quantri.hai"));
        Assert.Equal("role", Assert.Single(demote.Problems).Field);
        var lockLast = await accounts.SetLockedAsync(adminId, true, new Actor("system"));
        Assert.Contains("last active administrator", Assert.Single(lockLast.Problems).MessageEn, StringComparison.Ordinal);

        // With the second admin unlocked, the first may step down.
        Assert.True((await accounts.SetLockedAsync(secondId, false, actor)).Succeeded);
        Assert.True((await accounts.SetRoleAsync(adminId, Roles.Coordinator, actor)).Succeeded);
        Assert.Equal(["quantri.hai"], await AdminsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoAdmins_DemotingEachOtherAtOnce_LeaveOneAdmin(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var adminId = await AdminIdAsync(app);
        var secondId = await AuthTestHost.CreateUserAsync(app, "quantri.hai", Roles.Admin, Password);

        async Task<Outcome<string>> DemoteAsync(string userId, string actor)
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetRoleAsync(userId, Roles.Leader, new Actor(actor));
        }

        var outcomes = await Task.WhenAll(Task.Run(() => DemoteAsync(secondId, "admin")), Task.Run(() => DemoteAsync(adminId, "quantri.hai")));
        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(await AdminsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_AfterTheLastAdminLostItsRole_TheBootstrapPasswordRestoresIt(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using (var scope = app.Services.CreateScope())
        {
            // What the page allowed before the guard: the only admin demoted itself (and was locked, for good measure).
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
            var admin = (await users.FindByNameAsync("admin"))!;
            Assert.True((await users.RemoveFromRoleAsync(admin, Roles.Admin)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, Roles.Coordinator)).Succeeded);
            Assert.True((await users.SetLockoutEndDateAsync(admin, DateTimeOffset.MaxValue)).Succeeded);
        }

        // The next start: no active admin, the bootstrap account exists; it gets its rights back and the bootstrap
        // token an owner, instead of the start failing.
        await using var restarted = app.SecondInstance();
        using var api = restarted.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/frameworks")).StatusCode);
        Assert.Equal(["admin"], await AdminsAsync(restarted));
        using var admin2 = await SignIn.AdminAsync(restarted);
        Assert.Equal(HttpStatusCode.OK, (await admin2.GetAsync("/admin/users")).StatusCode);

        using var check = restarted.Services.CreateScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries.CountAsync(a => a.Action == "user.bootstrap-admin"));
    }
}
