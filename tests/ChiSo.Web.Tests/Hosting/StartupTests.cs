using System.Net;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_EmptyDatabaseWithoutDemo_CreatesOnlyTheBootstrapAdmin(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var users = await db.Users.Select(u => u.UserName).ToListAsync();
        Assert.Equal(["admin"], users);
        Assert.Equal(34, await db.Units.CountAsync(u => u.Kind == ChiSo.Units.UnitKind.Province && u.ValidTo == null));
        Assert.False(await db.ResultImports.AnyAsync());
        Assert.Contains(await db.Frameworks.Select(f => f.Id).ToListAsync(), id => id == "papi-2021");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_WithoutBootstrapPassword_HasNoAdminAndNoDefaultPassword(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider, extra: new Dictionary<string, string?>
        {
            ["CHISO_BOOTSTRAP_ADMIN_PASSWORD"] = "",
            ["CHISO_BOOTSTRAP_API_TOKEN"] = "",
        });
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        Assert.False(await db.Users.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_Twice_IsIdempotent(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using (app.CreateClient())
        {
        }

        using var scope = app.Services.CreateScope();
        var initializer = scope.ServiceProvider.GetRequiredService<ChiSo.Seeding.ReferenceDataSeeder>();
        await initializer.RunAsync();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        Assert.Equal(34, await db.Units.CountAsync(u => u.Kind == ChiSo.Units.UnitKind.Province && u.ValidTo == null));
        Assert.Single(await db.ApiTokens.ToListAsync());
    }

    [Fact]
    public async Task Start_DemoMode_SeedsIllustrativeResultsAndTheDemoProvince()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using (app.CreateClient())
        {
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var imports = await db.ResultImports.ToListAsync();
        // PAPI 2016–2025, the demo plan's own 2026 (for its year in review) and a PAR Index year.
        Assert.Equal(ChiSo.Seeding.DemoSeeder.ReviewYear - ChiSo.Seeding.DemoSeeder.FirstYear + 2, imports.Count);
        Assert.All(imports, i => Assert.True(i.IsIllustrative));
        Assert.Contains(imports, i => i.FrameworkId == "papi-2011" && i.Year == 2016);
        Assert.Contains(imports, i => i.FrameworkId == "papi-2021" && i.Year == 2025);
        Assert.Contains(imports, i => i.FrameworkId == "papi-2021" && i.Year == 2026);
        Assert.Contains(imports, i => i.FrameworkId == "par-2024");
        var lamDong = await db.Units.SingleAsync(u => u.Kind == ChiSo.Units.UnitKind.Province && u.Code == "68" && u.ValidTo == null);
        Assert.True(await db.Units.CountAsync(u => u.ParentId == lamDong.Id && u.Kind == ChiSo.Units.UnitKind.Commune) > 100);
        Assert.Contains(await db.Units.Where(u => u.ParentId == lamDong.Id).Select(u => u.Name).ToListAsync(), n => n == "Sở Nội vụ");
        Assert.Equal(3, await db.UnitPredecessors.CountAsync(p => p.UnitId == lamDong.Id));
        var unscored2024 = await db.UnitResults.CountAsync(u => !u.Scored);
        Assert.Equal(2, unscored2024);
    }

    [Fact]
    public async Task LoginPage_DemoMode_ShowsDemoLogins()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/account/login");
        Assert.Contains("Tài khoản dùng thử", html, StringComparison.Ordinal);
        Assert.Contains(DemoLogins.Password, html, StringComparison.Ordinal);
        Assert.Contains("dieuphoi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_WithoutDemo_ShowsNoPassword()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/account/login");
        Assert.DoesNotContain(DemoLogins.Password, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyPage_Response_CarriesSecurityHeaders()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var response = await client.GetAsync("/account/login");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/data/provinces-34.geojson", "application/geo+json")]
    [InlineData("/lib/echarts/echarts.min.js", "text/javascript")]
    [InlineData("/js/charts.js", "text/javascript")]
    [InlineData("/lib/bootstrap/bootstrap.min.css", "text/css")]
    public async Task StaticAssets_MapAndLibraries_AreServedLocally(string path, string contentType)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HomePage_Anonymous_RedirectsToLogin()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
