using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Plans;

namespace ChiSo.Web.Tests.Reporting;

/// <summary>GET /api/v1/plans/{id}/rollup on the demo read on 1 December 2026: the documented shape, and who may read it.</summary>
public sealed class RollupApiTests(DemoInDecember demo) : IClassFixture<DemoInDecember>
{
    private ChiSoWebFactory App => demo.App;

    private Task<int> DemoPlanAsync() => demo.PlanAsync();

    [Fact]
    public async Task Rollup_Coordinator_GetsCountsTasksUnitsAndTargets()
    {
        var plan = await DemoPlanAsync();
        using var coordinator = await PlanScenario.TokenClientAsync(App, "dieuphoi", ApiScopes.PlansRead);

        var rollup = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}/rollup?period=2026-6M");

        var counts = rollup.GetProperty("counts");
        foreach (var field in new[] { "total", "done", "doneOnTime", "doneLate", "notDone", "notDoneWithin", "notDoneOverdue" })
        {
            Assert.True(counts.TryGetProperty(field, out _), field);
        }

        Assert.Equal(counts.GetProperty("done").GetInt32() + counts.GetProperty("notDone").GetInt32(), counts.GetProperty("total").GetInt32());
        Assert.True(counts.GetProperty("total").GetInt32() > 0);
        Assert.Equal(100m, counts.GetProperty("shares").EnumerateArray().Sum(s => s.GetDecimal()));
        Assert.Contains("nhiệm vụ đến hạn", rollup.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        var tasks = rollup.GetProperty("tasks").EnumerateArray().ToList();
        Assert.NotEmpty(tasks);
        foreach (var task in tasks)
        {
            var units = task.GetProperty("units");
            foreach (var field in new[] { "expected", "reported", "accepted", "done", "late", "missing" })
            {
                Assert.True(units.TryGetProperty(field, out _), field);
            }

            Assert.Equal(units.GetProperty("expected").GetInt32(), units.GetProperty("reported").GetInt32() + units.GetProperty("returned").GetInt32()
                + units.GetProperty("missing").GetInt32() + units.GetProperty("pending").GetInt32());
        }

        Assert.Contains(tasks, t => t.GetProperty("target").ValueKind == JsonValueKind.Object && t.GetProperty("target").TryGetProperty("met", out _));
        // Sở Nội vụ's demo reports of the 6 months: one returned, missing ones (1 December is long after the due date).
        var snv = rollup.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "SNV").GetProperty("reports");
        Assert.True(snv.GetProperty("returned").GetInt32() >= 1);
        Assert.True(snv.GetProperty("missing").GetInt32() >= 1);
        Assert.NotEmpty(rollup.GetProperty("dimensions").EnumerateArray());
        Assert.Contains(rollup.GetProperty("levels").EnumerateArray(), l => l.GetProperty("level").GetString() == "commune");
    }

    [Fact]
    public async Task Rollup_LeaderReads_FocalPointRefused_BadPeriodNamed()
    {
        var plan = await DemoPlanAsync();
        using var leader = await PlanScenario.TokenClientAsync(App, "lanhdao", ApiScopes.PlansRead);
        using var focal = await PlanScenario.TokenClientAsync(App, "daumoi", ApiScopes.PlansRead);

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/plans/{plan}/rollup?period=2026-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync($"/api/v1/plans/{plan}/rollup?period=2026-Q1")).StatusCode);
        var bad = await leader.GetAsync($"/api/v1/plans/{plan}/rollup?period=quy-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("period", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/v1/plans/{plan}/rollup?period=2031-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/v1/plans/{plan + 999}/rollup?period=2026-Q1")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheRollup()
    {
        using var client = App.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var get = paths.GetProperty("/api/v1/plans/{id}/rollup").GetProperty("get");
        Assert.Contains("Tổng hợp", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "period");
    }
}
