using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Admin;

/// <summary>Inviting a user: the admin gets a one-time link, the person chooses their own password, the link dies after use.</summary>
public sealed partial class InvitationTests
{
    [Fact]
    public async Task InvitedUser_SetsTheirPassword_AndTheLinkWorksOnce()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        var token = await SignIn.TokenAsync(admin, "/admin/users", "create-user-form");
        var invited = await admin.PostAsync("/admin/users?handler=Invite", SignIn.Form(token, ("userName", "moi.nguoi"), ("displayName", "Cán bộ Sở Tư pháp"), ("role", "member")));
        var html = await invited.Content.ReadAsStringAsync();
        var link = WebUtility.HtmlDecode(Link().Match(html).Groups[1].Value);
        Assert.StartsWith("http", link, StringComparison.Ordinal);
        Assert.True(invited.Headers.CacheControl!.NoStore);
        var path = new Uri(link).PathAndQuery;

        using var person = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await person.GetStringAsync(path);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var fields = new[] { ("user", query["user"]!), ("Token", query["token"]!), ("Password", "Mat-khau-moi-2026"), ("Confirm", "Mat-khau-moi-2026") };
        var accepted = await person.PostAsync("/account/invite", SignIn.Form(SignIn.Token(page, "invite-form"), fields));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        using var signedIn = await SignIn.ClientAsync(app, "moi.nguoi", "Mat-khau-moi-2026");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/my/tasks")).StatusCode);

        var again = await person.PostAsync("/account/invite", SignIn.Form(SignIn.Token(await person.GetStringAsync(path), "invite-form"),
            ("user", query["user"]!), ("Token", query["token"]!), ("Password", "Mat-khau-khac-2026"), ("Confirm", "Mat-khau-khac-2026")));
        Assert.Contains("already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "user.invite"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "user.accept-invitation" && a.Actor == "moi.nguoi"));
    }

    [GeneratedRegex("id=\"invitation-link\">[^<]*<code[^>]*>([^<]+)</code>")]
    private static partial Regex Link();
}
