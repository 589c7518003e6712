using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Reporting.Reports;
using ChiSo.Web.Tests.Plans;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiSo.Web.Tests.Reporting;

/// <summary>
/// The consolidation API on the demo at 1 December 2026: the report and its workbook, the follow-up letter with its
/// deadline, the narrative read and saved with its revision — for the plan's coordinator; leaders read, a unit's focal
/// point is refused, a stranger finds nothing, and ids come from the route only.
/// </summary>
public sealed class ConsolidationApiTests(DemoInDecember demo) : IClassFixture<DemoInDecember>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body, Web);
    }

    private static async Task<byte[]> FileAsync(HttpResponseMessage response, string type, string name)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(name, response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task ConsolidatedDocxAndXlsx_Coordinator_GetTheRollupsFigures_AndOnlyAcceptedReportsWords()
    {
        var plan = await demo.PlanAsync();
        using var coordinator = await PlanScenario.TokenClientAsync(demo.App, "dieuphoi", ApiScopes.PlansRead);
        var rollup = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}/rollup?period=2026-6M");

        var docx = await FileAsync(await coordinator.GetAsync($"/api/v1/plans/{plan}/consolidated.docx?period=2026-6M"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", @"^bao-cao-.+-2026-6M\.docx$");

        var paragraphs = DemoInDecember.Paragraphs(docx);
        Assert.Contains("BÁO CÁO", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Kết quả thực hiện Kế hoạch", StringComparison.Ordinal) && p.EndsWith("6 tháng đầu năm 2026", StringComparison.Ordinal));
        Assert.Contains($"Trong 6 tháng đầu năm 2026, có {rollup.GetProperty("sentence").GetString()}.", paragraphs);
        Assert.Contains("Lâm Đồng, ngày 01 tháng 12 năm 2026", paragraphs);
        // Of Sở Nội vụ's 6-month reports, only the accepted one speaks in the narrative; approved, submitted and returned ones do not.
        var reports = await demo.DemoReportsAsync(plan, "2026-6M");
        Assert.Contains(reports, r => r.State == ReportState.Accepted);
        Assert.Contains(reports, r => r.State != ReportState.Accepted);
        foreach (var (task, state) in reports)
        {
            var words = $"Sở Nội vụ đã triển khai nhiệm vụ {task} theo kế hoạch";
            Assert.Equal(state == ReportState.Accepted, paragraphs.Any(p => p.Contains(words, StringComparison.Ordinal)));
        }

        var tasks = DemoInDecember.TableRows(docx, "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tình trạng");
        var taskCodes = rollup.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        Assert.Equal(taskCodes, tasks.Where(r => r.Count == 7).Select(r => r[0]));
        var missing = rollup.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("reports").GetProperty("missing").GetInt32() > 0).Select(u => u.GetProperty("name").GetString()!);
        var listed = DemoInDecember.TableRows(docx, "STT", "Cơ quan, đơn vị", "Báo cáo chậm, chưa gửi (mã nhiệm vụ)").Select(r => r[1]).ToList();
        Assert.Subset(listed.ToHashSet(), missing.ToHashSet());

        var xlsx = await FileAsync(await coordinator.GetAsync($"/api/v1/plans/{plan}/consolidated.xlsx?period=2026-6M"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", @"^tong-hop-.+-2026-6M\.xlsx$");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Equal(["Tổng hợp", "Nhiệm vụ", "Đơn vị chậm, thiếu"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public async Task FollowUpDocx_ListsTheUnitsTheRollupCountsMissingOrReturned_WithTheDeadlineAsked()
    {
        var plan = await demo.PlanAsync();
        using var coordinator = await PlanScenario.TokenClientAsync(demo.App, "dieuphoi", ApiScopes.PlansRead);
        var rollup = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan}/rollup?period=2026-6M");
        var owing = rollup.GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("reports").GetProperty("missing").GetInt32() + u.GetProperty("reports").GetProperty("returned").GetInt32() > 0)
            .Select(u => u.GetProperty("name").GetString()!).ToHashSet();

        var letter = await FileAsync(await coordinator.GetAsync($"/api/v1/plans/{plan}/follow-up.docx?period=2026-6M"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", @"^don-doc-.+-2026-6M\.docx$");

        var rows = DemoInDecember.TableRows(letter, "STT", "Cơ quan, đơn vị");
        Assert.Equal(owing, rows.Select(r => r[1]).ToHashSet());
        Assert.Equal(owing.Count, rows.Count);
        var paragraphs = DemoInDecember.Paragraphs(letter);
        Assert.Contains(paragraphs, p => p.StartsWith("V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch", StringComparison.Ordinal) && p.EndsWith("6 tháng đầu năm 2026", StringComparison.Ordinal));
        // Tuesday 1 December + 5 working days.
        Assert.Contains(paragraphs, p => p.Contains("chậm nhất ngày 08 tháng 12 năm 2026.", StringComparison.Ordinal));

        var asked = DemoInDecember.Paragraphs(await FileAsync(await coordinator.GetAsync($"/api/v1/plans/{plan}/follow-up.docx?period=2026-6M&deadline=2026-12-15"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx$"));
        Assert.Contains(asked, p => p.Contains("chậm nhất ngày 15 tháng 12 năm 2026.", StringComparison.Ordinal));
        var fromDepartment = DemoInDecember.Paragraphs(await FileAsync(await coordinator.GetAsync($"/api/v1/plans/{plan}/follow-up.docx?period=2026-6M&from=SNV"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx$"));
        Assert.Contains("SỞ NỘI VỤ", fromDepartment);
        Assert.Contains("Số:      /SNV", fromDepartment);
        var nobody = await coordinator.GetAsync($"/api/v1/plans/{plan}/follow-up.docx?period=2026-6M&from=NOPE");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody.StatusCode);
        Assert.Contains("\"field\":\"from\"", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var bad in new[] { "2026-12-05", "15/12/2026", "2026-11-30" })
        {
            var refused = await coordinator.GetAsync($"/api/v1/plans/{plan}/follow-up.docx?period=2026-6M&deadline={bad}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("\"field\":\"deadline\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Narrative_CoordinatorSavesWithRevision_StaleSaveIs409_AndTheDocumentPrintsTheSavedText()
    {
        var plan = await demo.PlanAsync();
        using var coordinator = await PlanScenario.TokenClientAsync(demo.App, "dieuphoi", ApiScopes.PlansRead, ApiScopes.ReportsReview);
        var url = $"/api/v1/plans/{plan}/periods/2026-Q1/narrative";

        var draft = await OkAsync(await coordinator.GetAsync(url));
        Assert.Equal((false, 0, true), (draft.GetProperty("saved").GetBoolean(), draft.GetProperty("revision").GetInt32(), draft.GetProperty("canEdit").GetBoolean()));
        Assert.Contains("Sở Nội vụ (nhiệm vụ", draft.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("text").GetString()).Aggregate((a, b) => a + b),
            StringComparison.Ordinal);
        var codes = draft.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();

        // An id in the body is ignored: the route names the plan and the period.
        var saved = await OkAsync(await coordinator.PutAsJsonAsync(url, new
        {
            revision = 0, plan = plan + 999, period = "2026-6M", opening = "Mở đầu của điều phối viên.", summary = draft.GetProperty("summary").GetString(),
            results = new[] { new { code = codes[0], text = "Đoạn kết quả do điều phối viên viết lại." } }, difficulties = "Khó khăn đã biên tập.", proposals = "",
        }));
        Assert.Equal((true, 1, "2026-Q1"), (saved.GetProperty("saved").GetBoolean(), saved.GetProperty("revision").GetInt32(), saved.GetProperty("period").GetString()));
        Assert.Equal("Đoạn kết quả do điều phối viên viết lại.", saved.GetProperty("results")[0].GetProperty("text").GetString());
        Assert.False(saved.GetProperty("countsChanged").GetBoolean());
        Assert.False((await OkAsync(await coordinator.GetAsync($"/api/v1/plans/{plan}/periods/2026-6M/narrative"))).GetProperty("saved").GetBoolean());

        var stale = await coordinator.PutAsJsonAsync(url, new { revision = 0, opening = "Bản cũ." });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("\"field\":\"revision\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await coordinator.PutAsJsonAsync(url, new { revision = 1, results = new[] { new { code = "99", text = "x" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("\"field\":\"results[0].code\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var paragraphs = DemoInDecember.Paragraphs(await (await coordinator.GetAsync($"/api/v1/plans/{plan}/consolidated.docx?period=2026-Q1")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Mở đầu của điều phối viên.", paragraphs);
        Assert.Contains("Đoạn kết quả do điều phối viên viết lại.", paragraphs);
        Assert.Contains("Khó khăn đã biên tập.", paragraphs);

        var redrafted = await OkAsync(await coordinator.PostAsJsonAsync(url + ":redraft", new { revision = 1 }));
        Assert.Equal(2, redrafted.GetProperty("revision").GetInt32());
        Assert.Equal(draft.GetProperty("opening").GetString(), redrafted.GetProperty("opening").GetString());
    }

    [Fact]
    public async Task Narrative_LeaderReadsOnly_FocalPointRefused_StrangerAndTamperedIdsFindNothing()
    {
        var plan = await demo.PlanAsync();
        await PlanScenario.UserAsync(demo.App, "nguoila", Roles.Member);
        using var leader = await PlanScenario.TokenClientAsync(demo.App, "lanhdao", ApiScopes.PlansRead, ApiScopes.ReportsReview);
        using var focal = await PlanScenario.TokenClientAsync(demo.App, "daumoi", ApiScopes.PlansRead, ApiScopes.ReportsReview);
        using var stranger = await PlanScenario.TokenClientAsync(demo.App, "nguoila", ApiScopes.PlansRead, ApiScopes.ReportsReview);
        var url = $"/api/v1/plans/{plan}/periods/2026-9M/narrative";
        var body = new { revision = 0, opening = "Không được lưu." };

        Assert.False((await OkAsync(await leader.GetAsync(url))).GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync(url + ":redraft", new { revision = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/plans/{plan}/follow-up.docx?period=2026-9M")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.PutAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync($"/api/v1/plans/{plan}/consolidated.docx?period=2026-9M")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync($"/api/v1/plans/{plan}/follow-up.docx?period=2026-9M")).StatusCode);
        foreach (var path in new[] { url, $"/api/v1/plans/{plan}/consolidated.docx?period=2026-9M", $"/api/v1/plans/{plan}/consolidated.xlsx?period=2026-9M",
                     $"/api/v1/plans/{plan}/follow-up.docx?period=2026-9M" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/v1/plans/{plan + 999}/periods/2026-9M/narrative")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/v1/plans/{plan}/periods/2031-Q1/narrative")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/v1/plans/{plan}/consolidated.docx?period=2031-Q1")).StatusCode);
        var bad = await leader.GetAsync($"/api/v1/plans/{plan}/consolidated.docx?period=quy-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("\"field\":\"period\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await OkAsync(await leader.GetAsync(url))).GetProperty("saved").GetBoolean());
    }

    [Fact]
    public async Task OpenApi_DescribesTheConsolidationEndpoints_InBothLanguages()
    {
        using var client = demo.App.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        foreach (var (path, method, vi) in new[]
                 {
                     ("/api/v1/plans/{id}/consolidated.docx", "get", "Báo cáo kết quả"), ("/api/v1/plans/{id}/consolidated.xlsx", "get", "Số liệu tổng hợp"),
                     ("/api/v1/plans/{id}/follow-up.docx", "get", "Công văn đôn đốc"), ("/api/v1/plans/{id}/periods/{period}/narrative", "get", "Nội dung báo cáo"),
                     ("/api/v1/plans/{id}/periods/{period}/narrative", "put", "Lưu nội dung"),
                 })
        {
            var summary = paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString()!;
            Assert.Contains(vi, summary, StringComparison.Ordinal);
            Assert.Contains(" / ", summary, StringComparison.Ordinal);
        }

        Assert.Contains(paths.GetProperty("/api/v1/plans/{id}/follow-up.docx").GetProperty("get").GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "deadline");
    }
}
