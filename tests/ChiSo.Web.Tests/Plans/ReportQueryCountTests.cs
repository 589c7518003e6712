using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// The report API's command budget, counted at the database (bench 'reports' measures the same path under load): a
/// focal point's draft PUT and its submit, besides authentication. A change that adds a query to filing fails here.
/// </summary>
public sealed class ReportQueryCountTests
{
    /// <summary>
    /// Obligation by URL 1, rights 3 (memberships, provinces, predecessors), the report's context 3, the writes, and the
    /// answer's contributions 1 — its context is the one the step committed, not read again (was 3 more until
    /// 2026-12-01). PostgreSQL batches a save's inserts into one command; SQLite's provider sends each on its own.
    /// </summary>
    private static (int Draft, int Submit) Budget(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? (10, 9) : (11, 11);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DraftAndSubmit_StayWithinTheirCommandBudget(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        // A clock with ticks below the microsecond, as a real one has: PostgreSQL keeps microseconds, so an answer built
        // from the committed report must not carry more than reading it gives (the check after the counted filing).
        await using var app = await ChiSoWebFactory.CreateAsync(provider, demo: true, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 3, 15, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567)));
        });
        using var seeded = await PlanScenario.TokenClientAsync(app, "daumoi", ApiScopes.PlansRead, ApiScopes.ReportsRead, ApiScopes.ReportsWrite);
        await using var counted = counter.Attach(app);
        using var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = seeded.DefaultRequestHeaders.Authorization;
        int plan;
        using (var scope = app.Services.CreateScope())
        {
            plan = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
        }

        var owed = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/v1/plans/{plan}/obligations?unit=SNV"))!;
        var tasks = owed.Where(o => o.GetProperty("period").GetString() == "2026-Q1").Select(o => o.GetProperty("taskCode").GetString()!).ToList();
        // The first filing warms EF's compiled queries; the second one is counted.
        foreach (var (task, counting) in new[] { (tasks[0], false), (tasks[1], true) })
        {
            var url = $"/api/v1/plans/{plan}/reports/2026-Q1/SNV/{task}";
            counter.Reset();
            using var put = await client.PutAsJsonAsync(url, new { result = "Đã triển khai", achievedValue = 100, revision = 0 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var draft = counter.EndpointCommands;
            var drafted = await put.Content.ReadAsStringAsync();
            Assert.Equal(await (await client.GetAsync(url)).Content.ReadAsStringAsync(), drafted);
            counter.Reset();
            using var submit = await client.PostAsJsonAsync(url + "/submit", new { revision = 1 });
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
            var submitted = counter.EndpointCommands;
            // The answers come from what the step committed, not from reading again: they must be what reading gives, on
            // this database too (PostgreSQL keeps instants to the microsecond).
            Assert.Equal(await (await client.GetAsync(url)).Content.ReadAsStringAsync(), await submit.Content.ReadAsStringAsync());
            Assert.Contains("\"achievedValue\":100,", drafted, StringComparison.Ordinal);
            if (counting)
            {
                Assert.True(draft.Count <= Budget(provider).Draft, $"{draft.Count} commands for a draft:\n" + string.Join("\n---\n", draft));
                Assert.True(submitted.Count <= Budget(provider).Submit, $"{submitted.Count} commands for a submission:\n" + string.Join("\n---\n", submitted));
                Assert.True(draft.Count >= 8, $"{draft.Count}: the counter missed commands");
            }
        }
    }
}
