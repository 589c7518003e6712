using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Admin;

public sealed partial class ApiTokenPageTests
{
    private static async Task<string> PostAsync(HttpClient client, string handler, string formId, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.Append(new("__RequestVerificationToken", await SignIn.TokenAsync(client, "/admin/tokens", formId)));
        using var form = new FormUrlEncodedContent(all);
        var response = await client.PostAsync($"/admin/tokens?handler={handler}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpStatusCode> CallApiAsync(ChiSoWebFactory app, string secret)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (await client.GetAsync("/api/v1/units?province=68")).StatusCode;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Admin_CreatesAToken_ItWorksUntilRevoked_AndTheSecretIsShownOnce(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var admin = await SignIn.AdminAsync(app);
        string userId;
        using (var scope = app.Services.CreateScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Users.SingleAsync(u => u.UserName == "admin")).Id;
        }

        var created = await PostAsync(admin, "Create", "create-token",
        [
            new("name", "Báo cáo tự động"), new("userId", userId), new("scopes", ApiScopes.ResultsRead), new("scopes", ApiScopes.PlansRead),
            new("expiresInDays", "30"),
        ]);
        var secret = Secret().Match(created).Groups[1].Value;
        Assert.StartsWith("chiso_", secret, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(app, secret));

        var list = await admin.GetStringAsync("/admin/tokens");
        Assert.Contains("Báo cáo tự động", list, StringComparison.Ordinal);
        Assert.Contains("plans:read", list, StringComparison.Ordinal);
        // Issued at 08:00 UTC by the test clock: shown in Viet Nam time.
        Assert.Contains("15/03/2026 15:00", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiTokenSecrets.Hash(secret), list, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-secret\"", list, StringComparison.Ordinal);

        int tokenId;
        using (var scope = app.Services.CreateScope())
        {
            var token = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().ApiTokens.SingleAsync(t => t.Name == "Báo cáo tự động");
            tokenId = token.Id;
            Assert.Equal(app.Database.Clock.GetUtcNow().AddDays(30), token.ExpiresAt);
            Assert.Equal("results:read plans:read", token.Scopes);
        }

        var revoked = await PostAsync(admin, "Revoke", $"revoke-{tokenId}", [new("tokenId", tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Contains("Đã thu hồi", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(app, secret));
        // The bootstrap token is untouched.
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(app, ChiSoWebFactory.ApiToken));

        using var check = app.Services.CreateScope();
        var actions = await check.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries
            .Where(a => a.EntityType == nameof(ApiToken) && a.EntityId == "Báo cáo tự động").Select(a => a.Action).ToListAsync();
        string[] expected = ["api-token.create", "api-token.revoke"];
        Assert.Equal(expected, actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_WithUnknownScopeOrBadLifetime_IssuesNothing()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        string userId;
        using (var scope = app.Services.CreateScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Users.SingleAsync(u => u.UserName == "admin")).Id;
        }

        var html = await PostAsync(admin, "Create", "create-token",
            [new("name", "x"), new("userId", userId), new("scopes", "root"), new("expiresInDays", "0")]);
        Assert.Contains("Choose at least one known scope", html, StringComparison.Ordinal);
        Assert.Contains("1 to 730 days", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-secret\"", html, StringComparison.Ordinal);
        using var check = app.Services.CreateScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<ChiSoDbContext>().ApiTokens.CountAsync());
    }

    [Theory]
    [InlineData("dieuphoi")]
    [InlineData("lanhdao")]
    public async Task NonAdmins_AreDenied(string user)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var client = await SignIn.DemoAsync(app, user);
        var response = await client.GetAsync("/admin/tokens");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", PathOf(response), StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "x", ["userId"] = "x", ["scopes"] = "*", ["expiresInDays"] = "1",
            ["__RequestVerificationToken"] = await SignIn.TokenAsync(client, "/"),
        });
        var post = await client.PostAsync("/admin/tokens?handler=Create", form);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", PathOf(post), StringComparison.Ordinal);
    }

    private static string PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";

    [GeneratedRegex("data-testid=\"secret\">([^<]+)</code>")]
    private static partial Regex Secret();
}
