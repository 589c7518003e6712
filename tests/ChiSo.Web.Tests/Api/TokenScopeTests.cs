using System.Net;
using System.Net.Http.Headers;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Api;

public sealed class TokenScopeTests
{
    private static async Task<(int Id, string Secret)> IssueAsync(ChiSoWebFactory app, string userName, string[] scopes, DateTimeOffset? expires = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var (token, secret) = await tokens.CreateAsync((await users.FindByNameAsync(userName))!, "script", scopes, expires, new Actor("test"));
        return (token.Id, secret);
    }

    private static HttpClient Client(ChiSoWebFactory app, string secret)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadOnlyToken_CanReadButNotImport(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var (_, secret) = await IssueAsync(app, "admin", [ApiScopes.ResultsRead]);
        using var client = Client(app, secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/frameworks?id=par-2020&nameVi=x&validFrom=2020", ApiFiles.Csv("code,name_vi,min,max\n1,A,0,1\n"))).StatusCode);
    }

    [Fact]
    public async Task ResultsWriteToken_CanImportButNotAddFrameworks()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (_, secret) = await IssueAsync(app, "admin", [ApiScopes.ResultsWrite]);
        using var client = Client(app, secret);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks/papi/results/2019")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/frameworks?id=par-2020&nameVi=x&validFrom=2020", ApiFiles.Csv("code,name_vi,min,max\n1,A,0,1\n"))).StatusCode);
    }

    [Fact]
    public async Task ExpiredOrRevokedToken_IsRejected()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (_, expired) = await IssueAsync(app, "admin", [ApiScopes.All], app.Database.Clock.GetUtcNow().AddMinutes(-1));
        using (var client = Client(app, expired))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
        }

        var (id, secret) = await IssueAsync(app, "admin", [ApiScopes.All]);
        using var revokedClient = Client(app, secret);
        Assert.Equal(HttpStatusCode.OK, (await revokedClient.GetAsync("/api/v1/frameworks")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(id, new Actor("admin"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await revokedClient.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    private const string Password = "Mat-khau-nhap-lieu-2026";

    private static async Task<Outcome<T>> AsAdminAsync<T>(ChiSoWebFactory app, Func<UserAdministration, Task<Outcome<T>>> action)
    {
        using var scope = app.Services.CreateScope();
        var outcome = await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Token_OwnerLocked_IsRefusedAtItsNextCall_EvenForPost(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var ownerId = await AuthTestHost.CreateUserAsync(app, "nhap.lieu", Roles.Coordinator, Password);
        using var client = Client(app, await AuthTestHost.TokenAsync(app, "nhap.lieu", ApiScopes.All));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)))).StatusCode);

        await AsAdminAsync(app, a => a.SetLockedAsync(ownerId, true, new Actor("admin")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/v1/frameworks/papi/results/2020", ApiFiles.Csv(ApiFiles.PapiCsv(2020)))).StatusCode);

        await AsAdminAsync(app, a => a.SetLockedAsync(ownerId, false, new Actor("admin")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Token_OwnerDemotedFromAdmin_LosesTheWriteEndpointsAtItsNextCall(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var ownerId = await AuthTestHost.CreateUserAsync(app, "quantri.hai", Roles.Admin, Password);
        using var client = Client(app, await AuthTestHost.TokenAsync(app, "quantri.hai", ApiScopes.All));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)))).StatusCode);

        await AsAdminAsync(app, a => a.SetRoleAsync(ownerId, Roles.Leader, new Actor("admin")));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/frameworks/papi/results/2020", ApiFiles.Csv(ApiFiles.PapiCsv(2020)))).StatusCode);
        // A leader still reads: the token follows its owner's role as it is now, it is not simply dead.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    [Fact]
    public async Task Token_OwnerDeleted_IsRefused()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        await AuthTestHost.CreateUserAsync(app, "tam.thoi", Roles.Coordinator, Password);
        using var client = Client(app, await AuthTestHost.TokenAsync(app, "tam.thoi", ApiScopes.All));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByNameAsync("tam.thoi"))!)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Authentication_OfAnApiCall_IsOneQuery(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var commands = new CommandCounter();
        var probed = app.WithProbes(commands);
        var (_, secret) = await IssueAsync(app, "admin", [ApiScopes.ResultsRead]);
        using var client = probed.ClientFrom("192.0.2.10", secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);

        // Refused by its scope after authenticating: whatever ran, ran to authenticate.
        commands.Reset();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)))).StatusCode);
        var query = Assert.Single(commands.Commands);
        Assert.Contains("api_tokens", query, StringComparison.Ordinal);
        Assert.Contains("AspNetUsers", query, StringComparison.Ordinal);
        Assert.Contains("AspNetUserRoles", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Allows_WriteImpliesReadButNothingElse()
    {
        Assert.True(ApiScopes.Allows([ApiScopes.ResultsWrite], ApiScopes.ResultsRead));
        Assert.False(ApiScopes.Allows([ApiScopes.ResultsRead], ApiScopes.ResultsWrite));
        Assert.False(ApiScopes.Allows([ApiScopes.ResultsWrite], ApiScopes.FrameworksWrite));
        Assert.True(ApiScopes.Allows([ApiScopes.All], ApiScopes.FrameworksWrite));
    }
}
