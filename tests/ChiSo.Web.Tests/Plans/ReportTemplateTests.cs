using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.TestData;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// A unit's Excel template on the demo: Sở Nội vụ's focal point downloads it (API and page), fills it, imports it back
/// as drafts; the coordinator, the leader and the unit head are refused, another unit's URL is not found, an over-size
/// upload or a decompression bomb is refused before it is parsed, a file with errors saves nothing and says where.
/// </summary>
public sealed partial class ReportTemplateTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string TemplateUrl(Owed owed) => $"/api/v1/plans/{owed.PlanId}/reports/{owed.Period}/{owed.UnitCode}/template.xlsx";

    private static string ImportUrl(Owed owed, string? unit = null) => $"/api/v1/plans/{owed.PlanId}/reports/{owed.Period}/{unit ?? owed.UnitCode}/import";

    private static string PagePath(Owed owed, string? unit = null) => $"/plans/{owed.PlanId}/reports/{owed.Period}/{unit ?? owed.UnitCode}";

    private Task<HttpClient> FocalAsync() => PlanScenario.TokenClientAsync(fixture.App, "daumoi", ApiScopes.PlansRead, ApiScopes.ReportsRead, ApiScopes.ReportsWrite);

    private async Task<int> CountAsync(Func<ChiSoDbContext, Task<int>> count)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await count(scope.ServiceProvider.GetRequiredService<ChiSoDbContext>());
    }

    private Task<(int Reports, int Audits)> SavedAsync() => CountAsync(async db => await db.Set<UnitReport>().CountAsync())
        .ContinueWith(async reports => (reports.Result, await CountAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(UnitReport)))))
        .Unwrap();

    private static async Task<byte[]> DownloadAsync(HttpClient client, Owed owed)
    {
        var response = await client.GetAsync(TemplateUrl(owed));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name = "bao-cao.xlsx", params (string Name, string Value)[] fields) =>
        AttachmentScenario.File(bytes, name, Xlsx, fields);

    [Fact]
    public async Task Api_FocalPointDownloadsFillsAndImports_TheRowBecomesItsDraft()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        var response = await focal.GetAsync(TemplateUrl(owed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        Assert.Matches("^mau-bao-cao-.+-" + Regex.Escape(owed.Period) + "-SNV\\.xlsx$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var filled = TemplateCells.Fill(await response.Content.ReadAsByteArrayAsync(), owed.TaskCode,
            ("F", "ngày 10 tháng 3 năm 2026"), ("G", "8,75"), ("H", "Đã kiểm tra 8 xã, phường"), ("J", "Thiếu cán bộ"));

        var imported = await focal.PostAsync(ImportUrl(owed), Upload(filled));

        var body = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK, $"{(int)imported.StatusCode}: {body}");
        var result = JsonSerializer.Deserialize<JsonElement>(body, Web);
        Assert.Equal(1, result.GetProperty("saved").GetInt32());
        var saved = Assert.Single(result.GetProperty("reports").EnumerateArray());
        Assert.Equal((owed.TaskCode, owed.Url), (saved.GetProperty("taskCode").GetString(), saved.GetProperty("url").GetString()));
        var report = (await focal.GetFromJsonAsync<JsonElement>(owed.Url))!;
        Assert.Equal(("draft", "2026-03-10", 8.75m, "Đã kiểm tra 8 xã, phường", "Thiếu cán bộ"), (report.GetProperty("state").GetString(),
            report.GetProperty("completedOn").GetString(), report.GetProperty("achievedValue").GetDecimal(), report.GetProperty("result").GetString(),
            report.GetProperty("difficulties").GetString()));

        // The same workbook as the raw body works too.
        using var raw = new ByteArrayContent(TemplateCells.Fill(await DownloadAsync(focal, owed), owed.TaskCode, ("H", "Đã kiểm tra 9 xã, phường")));
        raw.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        Assert.Equal(HttpStatusCode.OK, (await focal.PostAsync(ImportUrl(owed), raw)).StatusCode);
        Assert.Equal("Đã kiểm tra 9 xã, phường", (await focal.GetFromJsonAsync<JsonElement>(owed.Url))!.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Api_CoordinatorLeaderAndHead_AreRefused_AnotherUnitsUrlIsNotFound_NothingSaved()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        var filled = TemplateCells.Fill(await DownloadAsync(focal, owed), owed.TaskCode, ("H", "Không được lưu"));
        var before = await SavedAsync();
        var scopes = new[] { ApiScopes.PlansRead, ApiScopes.ReportsRead, ApiScopes.ReportsWrite, ApiScopes.ReportsReview };

        foreach (var user in new[] { "dieuphoi", "lanhdao", "thutruong" })
        {
            using var client = await PlanScenario.TokenClientAsync(fixture.App, user, scopes);
            var import = await client.PostAsync(ImportUrl(owed), Upload(filled));
            Assert.True(import.StatusCode == HttpStatusCode.Forbidden, $"{user}: {(int)import.StatusCode}");
            Assert.Contains("\"code\":\"forbidden\"", await import.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // The head reads the unit's drafts, so gets its template; the coordinator and the leader do not.
            Assert.Equal(user == "thutruong" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync(TemplateUrl(owed))).StatusCode);
        }

        // The focal point's own file, sent to another unit's URL: that unit's reports do not exist for it.
        var other = await AttachmentScenario.OtherUnitAsync(fixture.App);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.PostAsync(ImportUrl(owed, other), Upload(filled))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync(TemplateUrl(owed).Replace("/SNV/", $"/{other}/", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.PostAsync($"/api/v1/plans/{owed.PlanId + 1000}/reports/{owed.Period}/SNV/import", Upload(filled))).StatusCode);
        // A token without reports:write may not import at all.
        using var reader = await PlanScenario.TokenClientAsync(fixture.App, "daumoi", ApiScopes.PlansRead, ApiScopes.ReportsRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(ImportUrl(owed), Upload(filled))).StatusCode);
        Assert.Equal(before, await SavedAsync());
    }

    [Fact]
    public async Task Api_FileWithRowErrors_Is422ByRowAndColumn_AnotherUnitsTemplateIsRefused_NothingSaved()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        var template = await DownloadAsync(focal, owed);
        var before = await SavedAsync();

        var bad = await focal.PostAsync(ImportUrl(owed), Upload(TemplateCells.Fill(template, owed.TaskCode, ("F", "31/02/2026"), ("H", "Đã làm"))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var error = Assert.Single(JsonSerializer.Deserialize<JsonElement>(await bad.Content.ReadAsStringAsync(), Web).GetProperty("errors").EnumerateArray());
        Assert.Equal("Ngày hoàn thành", error.GetProperty("column").GetString());
        Assert.Equal(JsonValueKind.Number, error.GetProperty("row").ValueKind);
        Assert.Contains("\"31/02/2026\" không phải ngày", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("is not a date", error.GetProperty("messageEn").GetString(), StringComparison.Ordinal);

        // Another unit's own template for the same period, brought to Sở Nội vụ's URL: read, and refused as another unit's.
        var (otherCode, otherTask) = await OtherUnitInPeriodAsync(owed);
        using var otherFocal = await PlanScenario.TokenClientAsync(fixture.App, OtherFocalPoint, ApiScopes.PlansRead, ApiScopes.ReportsRead);
        var theirs = owed with { UnitCode = otherCode, TaskCode = otherTask };
        var otherFile = TemplateCells.Fill(await DownloadAsync(otherFocal, theirs), otherTask, ("H", "Của đơn vị khác"));
        var wrong = await focal.PostAsync(ImportUrl(owed), Upload(otherFile));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var refusal = Assert.Single(JsonSerializer.Deserialize<JsonElement>(await wrong.Content.ReadAsStringAsync(), Web).GetProperty("errors").EnumerateArray());
        Assert.Equal("file", refusal.GetProperty("field").GetString());
        Assert.Contains($"\"{otherCode}\", không phải Sở Nội vụ (mã SNV)", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(before, await SavedAsync());
    }

    [Fact]
    public async Task Api_OversizeUpload_Is413_DecompressionBomb_Is422_BothBeforeParsing()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        var before = await SavedAsync();

        var oversize = new byte[(20 * 1024 * 1024) + 1];
        (await DownloadAsync(focal, owed)).CopyTo(oversize, 0);
        var tooLarge = await focal.PostAsync(ImportUrl(owed), Upload(oversize));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("20 MB", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Under a megabyte on the wire, past the 100 MB bound on one part once inflated.
        var bomb = await focal.PostAsync(ImportUrl(owed), Upload(ZipBombs.Xlsx(150L * 1024 * 1024)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bomb.StatusCode);
        var error = Assert.Single(JsonSerializer.Deserialize<JsonElement>(await bomb.Content.ReadAsStringAsync(), Web).GetProperty("errors").EnumerateArray());
        Assert.Equal(("too-large", "file"), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
        Assert.Contains("Uploads:MaxInflatedEntryBytes", error.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await SavedAsync());
    }

    [Fact]
    public async Task Page_FromTheToDoList_DownloadsAndImportsWithoutScript_ErrorsShowByRow_OthersAreRefused()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        var todo = await focal.GetStringAsync("/my/tasks");
        Assert.Contains($"href=\"{PagePath(owed)}\"", todo, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await focal.GetStringAsync(PagePath(owed)));
        Assert.Contains($"/my/reports/{owed.ObligationId}", page, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("tối đa 20 MB", page, StringComparison.Ordinal);
        var download = await focal.GetAsync(PagePath(owed) + "?handler=Template");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Xlsx, download.Content.Headers.ContentType!.MediaType);
        var template = await download.Content.ReadAsByteArrayAsync();
        var token = SignIn.Token(page, "import-form");

        var before = await SavedAsync();
        var refused = await focal.PostAsync(PagePath(owed) + "?handler=Import",
            Upload(TemplateCells.Fill(template, owed.TaskCode, ("G", "mười hai"), ("H", "Đã làm")), "bao-cao.xlsx", ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"import-refused\"", html, StringComparison.Ordinal);
        Assert.Contains("Giá trị đạt được", html, StringComparison.Ordinal);
        Assert.Contains("\"mười hai\" không phải là số", html, StringComparison.Ordinal);
        Assert.Equal(before, await SavedAsync());

        var imported = await focal.PostAsync(PagePath(owed) + "?handler=Import",
            Upload(TemplateCells.Fill(template, owed.TaskCode, ("G", "12"), ("H", "Đã làm qua tệp")), "bao-cao.xlsx", ("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var done = WebUtility.HtmlDecode(await focal.GetStringAsync(imported.Headers.Location!.OriginalString));
        Assert.Contains("id=\"imported\"", done, StringComparison.Ordinal);
        Assert.Contains("1 bản nháp được lưu", done, StringComparison.Ordinal);
        Assert.Contains("Đã làm qua tệp", WebUtility.HtmlDecode(await focal.GetStringAsync(owed.Page)), StringComparison.Ordinal);

        // The coordinator and the leader are refused the page, its template and its import; the head sees the page but not the upload.
        foreach (var user in new[] { "dieuphoi", "lanhdao" })
        {
            using var client = await SignIn.DemoAsync(fixture.App, user);
            Assert.True(Refused(await client.GetAsync(PagePath(owed))), user);
            Assert.True(Refused(await client.GetAsync(PagePath(owed) + "?handler=Template")), user);
            var their = await SignIn.TokenAsync(client, "/my/tasks");
            Assert.True(Refused(await client.PostAsync(PagePath(owed) + "?handler=Import", Upload(template, "x.xlsx", ("__RequestVerificationToken", their)))), user);
        }

        using var head = await SignIn.DemoAsync(fixture.App, "thutruong");
        var headPage = await head.GetStringAsync(PagePath(owed));
        Assert.Contains("id=\"import-focal-only\"", headPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"import-form\"", headPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync(PagePath(owed, await AttachmentScenario.OtherUnitAsync(fixture.App)))).StatusCode);
    }

    private const string OtherFocalPoint = "daumoi-mau";

    /// <summary>A department other than Sở Nội vụ that owes a report in the same period (and task of it), with its own focal point account, made once.</summary>
    private async Task<(string Code, string Task)> OtherUnitInPeriodAsync(Owed owed)
    {
        int unitId;
        string code, task;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            var other = await (from o in db.Set<ChiSo.Reporting.Obligations.Obligation>()
                               join p in db.Set<ChiSo.Reporting.Periods.PlanReportingPeriod>() on o.PeriodId equals p.Id
                               join u in db.Units on o.UnitId equals u.Id
                               where o.PlanId == owed.PlanId && p.Key == owed.Period && u.Code != "SNV" && u.Kind == ChiSo.Units.UnitKind.Department && o.TaskId != null
                                     && o.State == ChiSo.Reporting.Obligations.ObligationState.Open
                               orderby o.Id
                               select new { u.Id, u.Code, o.TaskCode }).FirstAsync();
            (unitId, code, task) = (other.Id, other.Code, other.TaskCode);
            if (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ChiSoUser>>().FindByNameAsync(OtherFocalPoint) is not null)
            {
                return (code, task);
            }
        }

        await PlanScenario.UserAsync(fixture.App, OtherFocalPoint, Roles.Member, (unitId, UnitRoles.FocalPoint, null));
        return (code, task);
    }

    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal));
}
