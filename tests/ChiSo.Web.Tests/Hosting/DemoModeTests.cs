using System.Net;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Hosting;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>
/// Demo data and logins never reach a real server by accident: only into a database this start created empty,
/// never with an admin configured or existing, in Production only when asked for; a demo database says so on
/// every page, from its own marker.
/// </summary>
public sealed class DemoModeTests
{
    private const string Banner = "id=\"demo-banner\"";

    [Fact]
    public async Task Start_ProductionWithSeedDemoTrue_SeedsTheDemoAndEveryPageSaysSo()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true, environment: "Production");
        using var anonymous = app.CreateClient();

        var login = await anonymous.GetStringAsync("/account/login");
        Assert.Contains(Banner, login, StringComparison.Ordinal);
        Assert.Contains("Cơ sở dữ liệu minh họa", login, StringComparison.Ordinal);
        Assert.Contains(DemoLogins.Password, login, StringComparison.Ordinal);

        using var client = await SignIn.DemoAsync(app, "dieuphoi");
        foreach (var path in new[] { "/", "/plans", "/results/papi/2025", "/units/registry" })
        {
            Assert.Contains(Banner, await client.GetStringAsync(path), StringComparison.Ordinal);
        }

        await using var db = app.Database.CreateContext();
        Assert.True(await db.DatabaseMarkers.AnyAsync(m => m.Name == DatabaseMarker.Demo));
        Assert.True(await db.ResultImports.AnyAsync());

        // The bootstrap API token works with the demo: the demo's admin owns it.
        using var api = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/frameworks")).StatusCode);

        // The marker, not the settings, makes it a demo database: another instance with the demo switched off says so too.
        await using var second = app.SecondInstance(new Dictionary<string, string?> { ["ChiSo:SeedDemo"] = "false" });
        var again = await second.CreateClient().GetStringAsync("/account/login");
        Assert.Contains(Banner, again, StringComparison.Ordinal);
        Assert.Contains("dieuphoi", again, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_ProductionWithoutSeedDemo_SeedsNothing(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider, environment: "Production", extra: new Dictionary<string, string?>
        {
            ["ChiSo:SeedDemo"] = null,
            ["CHISO_BOOTSTRAP_ADMIN_PASSWORD"] = null,
            ["CHISO_BOOTSTRAP_API_TOKEN"] = null,
        });
        var login = await app.CreateClient().GetStringAsync("/account/login");

        await AssertNoDemoAsync(app, login);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_DemoWithBootstrapAdminPassword_IsRefused(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider, demo: true, extra: new Dictionary<string, string?>
        {
            ["CHISO_BOOTSTRAP_ADMIN_PASSWORD"] = ChiSoWebFactory.AdminPassword,
        });
        var login = await app.CreateClient().GetStringAsync("/account/login");

        await AssertNoDemoAsync(app, login);
        await using var db = app.Database.CreateContext();
        Assert.Equal(["admin"], await db.Users.Select(u => u.UserName).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Start_DemoIntoADatabaseWithAnAdmin_IsRefused(DatabaseProvider provider)
    {
        await using var first = await ChiSoWebFactory.CreateAsync(provider);
        using (first.CreateClient())
        {
        }

        await using var restarted = first.SecondInstance(new Dictionary<string, string?>
        {
            ["ChiSo:SeedDemo"] = "true",
            ["CHISO_BOOTSTRAP_ADMIN_PASSWORD"] = null,
        });
        var login = await restarted.CreateClient().GetStringAsync("/account/login");

        await AssertNoDemoAsync(restarted, login);
    }

    [Fact]
    public async Task Start_DemoIntoADatabaseCreatedBefore_IsRefused()
    {
        await using var first = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?>
        {
            ["CHISO_BOOTSTRAP_ADMIN_PASSWORD"] = null,
            ["CHISO_BOOTSTRAP_API_TOKEN"] = null,
        });
        using (first.CreateClient())
        {
        }

        await using var restarted = first.SecondInstance(new Dictionary<string, string?> { ["ChiSo:SeedDemo"] = "true" });
        var login = await restarted.CreateClient().GetStringAsync("/account/login");

        await AssertNoDemoAsync(restarted, login);
        await using var db = restarted.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task NonDemoDatabase_Pages_ShowNoBanner()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);

        Assert.DoesNotContain(Banner, await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(Banner, await client.GetStringAsync("/plans"), StringComparison.Ordinal);
        Assert.False(app.Services.GetRequiredService<DemoDatabase>().IsDemo);
    }

    [Theory]
    [InlineData(null, false, true, false, false, true)]    // development, new empty database: the demo
    [InlineData(true, true, true, false, false, true)]     // production, asked for, new empty database
    [InlineData(null, true, true, false, false, false)]    // production, not asked for
    [InlineData(false, false, true, false, false, false)]  // switched off
    [InlineData(true, false, true, true, false, false)]    // an admin is configured: a real installation
    [InlineData(true, false, false, false, false, false)]  // the database existed before this start
    [InlineData(true, false, true, false, true, false)]    // an admin exists
    public void Decide_Facts_SeedsOnlyANewEmptyDatabaseWithoutAdmin(bool? seedDemo, bool production, bool created, bool adminConfigured, bool adminExists, bool seeds)
    {
        var (seed, refusal) = DemoDecision.Decide(new DemoDecision.Facts(seedDemo, production, created, adminConfigured, adminExists));

        Assert.Equal(seeds, seed);
        Assert.Equal(!seeds && (seedDemo ?? !production), refusal is not null);
    }

    private static async Task AssertNoDemoAsync(ChiSoWebFactory app, string loginPage)
    {
        Assert.DoesNotContain(Banner, loginPage, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoLogins.Password, loginPage, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.DatabaseMarkers.AnyAsync());
        Assert.False(await db.ResultImports.AnyAsync());
        var demoNames = DemoLogins.All.Select(l => l.UserName).Where(n => n != "admin").ToList();
        Assert.False(await db.Users.AnyAsync(u => demoNames.Contains(u.UserName!)));
    }
}
