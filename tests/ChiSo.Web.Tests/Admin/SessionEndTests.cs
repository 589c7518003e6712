using System.Net;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Admin;

/// <summary>
/// Locking, demoting, resetting a password and signing out end the sessions opened before: the cookie a browser (or a
/// thief) still holds stops at its next request, and the account's API tokens follow its state.
/// </summary>
public sealed class SessionEndTests
{
    private const string Password = "Mat-khau-cu-2026";

    private static async Task<string> AdminPostAsync(HttpClient admin, string handler, params (string Key, string Value)[] fields)
    {
        var token = await SignIn.TokenAsync(admin, "/admin/users", "create-user-form");
        var response = await admin.PostAsync($"/admin/users?handler={handler}", SignIn.Form(token, fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("alert-danger", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>The cookie no longer opens anything: the app sends it to sign in again.</summary>
    private static async Task AssertSignedOutAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", AuthTestHost.PathOf(response), StringComparison.Ordinal);
    }

    private static async Task<List<(string Action, string? NewValues)>> AuditAsync(ChiSoWebFactory app, string userId)
    {
        using var scope = app.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == userId).Select(a => new { a.Action, a.NewValues }).ToListAsync();
        return rows.Select(r => (r.Action, r.NewValues)).ToList();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Lock_EndsTheOpenSessionAndTheTokens(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var userId = await AuthTestHost.CreateUserAsync(app, "dieu.phoi", Roles.Coordinator, Password);
        using var session = await AuthTestHost.SessionAsync(app, "dieu.phoi", Password);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/results/import")).StatusCode);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await AuthTestHost.TokenAsync(app, "dieu.phoi", ApiScopes.All));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/frameworks")).StatusCode);

        using var admin = await SignIn.AdminAsync(app);
        await AdminPostAsync(admin, "Lock", ("id", userId), ("locked", "true"));

        await AssertSignedOutAsync(session.Client, "/results/import");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/frameworks")).StatusCode);
        var audit = await AuditAsync(app, userId);
        Assert.Contains(audit, a => a.Action == "user.lock" && a.NewValues!.Contains("\"sessionsEnded\":true", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Demote_AdminsOldCookie_NoLongerOpensAdminPages(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var userId = await AuthTestHost.CreateUserAsync(app, "quantri.hai", Roles.Admin, Password);
        using var demoted = await AuthTestHost.SessionAsync(app, "quantri.hai", Password);
        Assert.Equal(HttpStatusCode.OK, (await demoted.Client.GetAsync("/admin/users")).StatusCode);
        // A copy taken now, as a stolen cookie would be: it must not outlive the demotion either.
        using var copy = demoted.Copy();
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin/tokens")).StatusCode);

        using var admin = await SignIn.AdminAsync(app);
        await AdminPostAsync(admin, "Role", ("id", userId), ("role", Roles.Coordinator));

        await AssertSignedOutAsync(demoted.Client, "/admin/users");
        await AssertSignedOutAsync(copy, "/admin/tokens");
        // Signing in again gives the new role, which may not open the accounts page.
        using var again = await AuthTestHost.SessionAsync(app, "quantri.hai", Password);
        var denied = await again.Client.GetAsync("/admin/users");
        Assert.StartsWith("/account/denied", AuthTestHost.PathOf(denied), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(app, userId), a => a.Action == "user.set-role" && a.NewValues!.Contains("\"sessionsEnded\":true", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task PasswordReset_EndsTheOldCookie(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var userId = await AuthTestHost.CreateUserAsync(app, "lanh.dao", Roles.Leader, Password);
        using var session = await AuthTestHost.SessionAsync(app, "lanh.dao", Password);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/plans")).StatusCode);

        using var admin = await SignIn.AdminAsync(app);
        await AdminPostAsync(admin, "Reset", ("id", userId), ("userName", "lanh.dao"));

        await AssertSignedOutAsync(session.Client, "/plans");
        Assert.Contains(await AuditAsync(app, userId), a => a.Action == "user.reset-password");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignOut_ACopyOfTheOldCookie_NoLongerWorks(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var userId = await AuthTestHost.CreateUserAsync(app, "can.bo", Roles.Member, Password);
        using var session = await AuthTestHost.SessionAsync(app, "can.bo", Password);
        using var copy = session.Copy();
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/my/tasks")).StatusCode);

        var signedOut = await session.SignOutAsync();
        Assert.Equal("/account/login", AuthTestHost.PathOf(signedOut));

        await AssertSignedOutAsync(copy, "/my/tasks");
        Assert.Contains(await AuditAsync(app, userId), a => a.Action == "user.sign-out" && a.NewValues!.Contains("\"sessionsEnded\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeOwnPassword_KeepsThisSession_EndsTheOthers()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        await AuthTestHost.CreateUserAsync(app, "can.bo", Roles.Member, Password);
        using var here = await AuthTestHost.SessionAsync(app, "can.bo", Password);
        using var elsewhere = await AuthTestHost.SessionAsync(app, "can.bo", Password);

        var token = await SignIn.TokenAsync(here.Client, "/account/password");
        var changed = await here.Client.PostAsync("/account/password", SignIn.Form(token, ("Current", Password), ("New", "Mat-khau-moi-2026")));
        Assert.Contains("Đã đổi mật khẩu", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/my/tasks")).StatusCode);
        await AssertSignedOutAsync(elsewhere.Client, "/my/tasks");
    }

    [Fact]
    public async Task ChangeOwnPassword_WrongCurrent_SaysSoInBothLanguages()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        var token = await SignIn.TokenAsync(admin, "/account/password");
        var html = await (await admin.PostAsync("/account/password", SignIn.Form(token, ("Current", "khong-dung-2026"), ("New", "ngan")))).Content.ReadAsStringAsync();
        Assert.Contains("Mật khẩu hiện tại không đúng.", html, StringComparison.Ordinal);
        Assert.Contains("The current password is wrong.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã đổi mật khẩu", html, StringComparison.Ordinal);
    }
}
