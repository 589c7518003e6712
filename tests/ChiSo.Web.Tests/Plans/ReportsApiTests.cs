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
/// The report API on the demo's issued plan: the demo focal point (Sở Nội vụ) files, the coordinator returns, the focal
/// point fixes and resubmits, the coordinator accepts and the report is locked; every boundary tried with a tampered URL.
/// </summary>
public sealed class ReportsApiTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<(int Plan, string Period, string Task, string OtherUnit)> TargetAsync(HttpClient coordinator)
    {
        using var scope = fixture.App.Services.CreateScope();
        var plan = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
        var all = (await coordinator.GetFromJsonAsync<List<JsonElement>>($"/api/v1/plans/{plan}/obligations"))!;
        var mine = all.First(o => o.GetProperty("unitCode").GetString() == "SNV");
        var period = mine.GetProperty("period").GetString()!;
        var task = mine.GetProperty("taskCode").GetString()!;
        var other = all.First(o => o.GetProperty("unitCode").GetString() != "SNV" && o.GetProperty("period").GetString() == period).GetProperty("unitCode").GetString()!;
        return (plan, period, task, other);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body, Web);
    }

    /// <summary>
    /// A step answers with the report it has just committed, without reading it again (ReportService keeps the step's
    /// context): the answer must be exactly what reading the report right after gives — state, revision, history with its
    /// new event, instants to the microsecond, evidence, contributions.
    /// </summary>
    private static async Task AnswerIsWhatReadingGivesAsync(HttpClient client, string url, JsonElement answer)
    {
        var read = await OkAsync(await client.GetAsync(url));
        Assert.Equal(read.GetRawText(), answer.GetRawText());
    }

    [Fact]
    public async Task FocalPointFiles_CoordinatorReturns_FocalPointResubmits_CoordinatorAccepts_ThenLocked()
    {
        using var focal = await PlanScenario.TokenClientAsync(fixture.App, "daumoi", ApiScopes.PlansRead, ApiScopes.ReportsWrite);
        using var coordinator = await PlanScenario.TokenClientAsync(fixture.App, "dieuphoi", ApiScopes.PlansRead, ApiScopes.ReportsReview);
        var (plan, period, task, other) = await TargetAsync(coordinator);
        var url = $"/api/v1/plans/{plan}/reports/{period}/SNV/{task}";

        var blank = await OkAsync(await focal.GetAsync(url));
        Assert.Equal(JsonValueKind.Null, blank.GetProperty("state").ValueKind);
        Assert.Equal(0, blank.GetProperty("revision").GetInt32());

        var draft = await OkAsync(await focal.PutAsJsonAsync(url, new
        {
            completedOn = (string?)null, result = "Đã ban hành kế hoạch kiểm tra", difficulties = "Thiếu biên chế", proposals = "Bổ sung kinh phí",
            evidence = new[] { new { number = "25/KH-SNV", date = "2026-03-10", issuer = "Sở Nội vụ", title = "Kế hoạch kiểm tra" } }, revision = 0,
        }));
        Assert.Equal(("draft", 1), (draft.GetProperty("state").GetString(), draft.GetProperty("revision").GetInt32()));
        Assert.Equal("25/KH-SNV", draft.GetProperty("evidence")[0].GetProperty("number").GetString());
        Assert.Contains(draft.GetProperty("status").GetString(), new[] { "ongoing", "not-done-within", "not-done-overdue" });
        await AnswerIsWhatReadingGivesAsync(focal, url, draft);

        // Nobody else reads a draft: the coordinator's token may, another unit's URL is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync($"/api/v1/plans/{plan}/reports/{period}/{other}/{task}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.PutAsJsonAsync($"/api/v1/plans/{plan}/reports/{period}/{other}/{task}", new { result = "x", revision = 0 })).StatusCode);

        var accept = await coordinator.PostAsJsonAsync(url + "/accept", new { revision = 1 });
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Contains("\"field\":\"state\"", await accept.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var submitted = await OkAsync(await focal.PostAsJsonAsync(url + "/submit", new { revision = 1 }));
        Assert.Equal("submitted", submitted.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, submitted.GetProperty("submittedAt").ValueKind);
        await AnswerIsWhatReadingGivesAsync(focal, url, submitted);
        var returned = await OkAsync(await coordinator.PostAsJsonAsync(url + "/return", new { revision = 2, comment = "Ghi rõ số cuộc kiểm tra" }));
        Assert.Equal("returned", returned.GetProperty("state").GetString());
        await AnswerIsWhatReadingGivesAsync(coordinator, url, returned);

        var fixedDraft = await OkAsync(await focal.PutAsJsonAsync(url, new { result = "Đã kiểm tra 8 cuộc", achievedValue = 12.50m, revision = 3 }));
        // A figure prints without its column's trailing zeros, just saved or read again.
        Assert.Equal("12.5", fixedDraft.GetProperty("achievedValue").GetRawText());
        await AnswerIsWhatReadingGivesAsync(focal, url, fixedDraft);
        await OkAsync(await focal.PostAsJsonAsync(url + "/submit", new { revision = fixedDraft.GetProperty("revision").GetInt32() }));
        var accepted = await OkAsync(await coordinator.PostAsJsonAsync(url + "/accept", new { revision = 5 }));
        Assert.Equal("accepted", accepted.GetProperty("state").GetString());
        Assert.Equal(["create", "submit", "return", "submit", "accept"], accepted.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("Ghi rõ số cuộc kiểm tra", accepted.GetProperty("history")[2].GetProperty("comment").GetString());
        await AnswerIsWhatReadingGivesAsync(coordinator, url, accepted);

        var locked = await focal.PutAsJsonAsync(url, new { result = "sửa sau khi tiếp nhận", revision = 6 });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        // The focal point's token may not review, and a reading token may not write.
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PostAsJsonAsync(url + "/reopen", new { revision = 6, reason = "x" })).StatusCode);
        using var reader = await PlanScenario.TokenClientAsync(fixture.App, "daumoi", ApiScopes.ReportsRead, ApiScopes.PlansRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(url + "/submit", new { revision = 6 })).StatusCode);
        Assert.Equal("accepted", (await OkAsync(await reader.GetAsync(url))).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/plans/{plan}/reports/2099-Q1/SNV/{task}")).StatusCode);

        // The obligations list shows the report beside its obligation.
        var row = (await coordinator.GetFromJsonAsync<List<JsonElement>>($"/api/v1/plans/{plan}/obligations?period={period}&unit=SNV"))!
            .Single(o => o.GetProperty("taskCode").GetString() == task);
        Assert.Equal("accepted", row.GetProperty("reportState").GetString());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("reportId").ValueKind);
        Assert.Equal(accepted.GetProperty("late").GetBoolean(), row.GetProperty("late").GetBoolean());
    }
}
