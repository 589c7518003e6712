using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// GET /api/v1/plans/{id}/obligations on the demo's issued plan: coordinators and leaders see every unit's obligations;
/// a focal point's token sees only its own unit's; someone who may not read the plan gets 404, as for a plan that does
/// not exist.
/// </summary>
public sealed class ObligationsApiTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private async Task<int> DemoPlanAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<List<JsonElement>>(path))!;

    [Fact]
    public async Task Coordinator_SeesEveryUnit_FocalPoint_OnlyItsOwn()
    {
        var plan = await DemoPlanAsync();
        using var coordinator = await PlanScenario.TokenClientAsync(fixture.App, "dieuphoi", ApiScopes.PlansRead);
        using var focal = await PlanScenario.TokenClientAsync(fixture.App, "daumoi", ApiScopes.PlansRead);

        var all = await ListAsync(coordinator, $"/api/v1/plans/{plan}/obligations");
        var units = all.Select(o => o.GetProperty("unitCode").GetString()).Distinct().ToList();
        Assert.True(units.Count > 10, $"{units.Count} units owe reports");
        Assert.All(all, o => Assert.Contains(o.GetProperty("role").GetString(), new[] { "lead", "partner", "executing" }));
        Assert.All(all, o => Assert.Equal("open", o.GetProperty("state").GetString()));
        var first = all[0];
        foreach (var field in new[] { "taskCode", "unitCode", "unitName", "role", "period", "dueDate", "state", "reportId", "late" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        var own = await ListAsync(focal, $"/api/v1/plans/{plan}/obligations");
        Assert.NotEmpty(own);
        Assert.All(own, o => Assert.Equal("SNV", o.GetProperty("unitCode").GetString()));
        Assert.Equal(all.Count(o => o.GetProperty("unitCode").GetString() == "SNV"), own.Count);
        // Asking for another unit by its code gives nothing of it.
        var other = units.First(u => u != "SNV");
        Assert.Empty(await ListAsync(focal, $"/api/v1/plans/{plan}/obligations?unit={other}"));
        Assert.NotEmpty(await ListAsync(coordinator, $"/api/v1/plans/{plan}/obligations?unit={other}"));
    }

    [Fact]
    public async Task Filters_ByPeriodAndState_AndRefuseNonsenseNamingTheParameter()
    {
        var plan = await DemoPlanAsync();
        using var coordinator = await PlanScenario.TokenClientAsync(fixture.App, "dieuphoi", ApiScopes.PlansRead);
        var all = await ListAsync(coordinator, $"/api/v1/plans/{plan}/obligations");
        var period = all[0].GetProperty("period").GetString()!;

        var one = await ListAsync(coordinator, $"/api/v1/plans/{plan}/obligations?period={period.ToLowerInvariant()}&state=open");
        Assert.Equal(all.Count(o => o.GetProperty("period").GetString() == period), one.Count);
        Assert.Empty(await ListAsync(coordinator, $"/api/v1/plans/{plan}/obligations?state=closed"));

        var badState = await coordinator.GetAsync($"/api/v1/plans/{plan}/obligations?state=late");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badState.StatusCode);
        Assert.Contains("\"field\":\"state\"", await badState.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badPeriod = await coordinator.GetAsync($"/api/v1/plans/{plan}/obligations?period=2026-Q5");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPeriod.StatusCode);
        Assert.Contains("\"field\":\"period\"", await badPeriod.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRightToThePlan_OrNoSuchPlan_IsNotFound()
    {
        var plan = await DemoPlanAsync();
        using (var scope = fixture.App.Services.CreateScope())
        {
            // A member with no unit: may read no plan of the province.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ChiSoUser>>();
            if (await users.FindByNameAsync("khach") is null)
            {
                var user = new ChiSoUser { UserName = "khach", DisplayName = "Khách" };
                Assert.True((await users.CreateAsync(user, "Mat-khau-dai-2026!")).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.Member)).Succeeded);
            }
        }

        using var stranger = await PlanScenario.TokenClientAsync(fixture.App, "khach", ApiScopes.PlansRead);
        using var coordinator = await PlanScenario.TokenClientAsync(fixture.App, "dieuphoi", ApiScopes.PlansRead);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/plans/{plan}/obligations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/plans/{plan + 9999}/obligations")).StatusCode);
        using var anonymous = fixture.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/plans/{plan}/obligations")).StatusCode);
    }

    [Fact]
    public async Task PutPeriod_Coordinator_MovesTheDueDate_ObligationsFollow_FocalPointRefused()
    {
        var plan = await DemoPlanAsync();
        using var coordinator = await PlanScenario.TokenClientAsync(fixture.App, "dieuphoi", ApiScopes.PlansRead, ApiScopes.PlansWrite);
        using var focal = await PlanScenario.TokenClientAsync(fixture.App, "daumoi", ApiScopes.PlansRead, ApiScopes.PlansWrite);
        var body = new { dataFrom = "2025-12-15", dataTo = "2026-06-14", unitDue = "2026-07-04", consolidatedDue = "2026-07-20" };

        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync($"/api/v1/plans/{plan}/periods/2026-6M", body)).StatusCode);
        // 4 July 2026 is a Saturday: the due date becomes Monday 6 July, and the answer says so.
        var put = await coordinator.PutAsJsonAsync($"/api/v1/plans/{plan}/periods/2026-6m", body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-07-06", saved.GetProperty("period").GetProperty("unitDue").GetString());
        Assert.Single(saved.GetProperty("notices").EnumerateArray());
        var owed = await ListAsync(coordinator, $"/api/v1/plans/{plan}/obligations?period=2026-6M");
        Assert.All(owed, o => Assert.Equal("2026-07-06", o.GetProperty("dueDate").GetString()));

        var bad = await coordinator.PutAsJsonAsync($"/api/v1/plans/{plan}/periods/2026-6M", body with { consolidatedDue = "2026-06-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("\"field\":\"consolidatedDue\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync($"/api/v1/plans/{plan}/periods/2030-Q1", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync($"/api/v1/plans/{plan + 999}/periods/2026-6M", body)).StatusCode);
    }
}
