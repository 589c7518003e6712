using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Accounts;
using ChiSo.Tests.TestData;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// POST/GET/DELETE …/reports/{period}/{unitCode}/{taskCode}/attachments on the demo's issued plan: the demo focal point
/// (Sở Nội vụ) attaches, everyone who may read the report downloads — only ever as a download — and every other
/// caller, URL and guessed id finds nothing.
/// </summary>
public sealed class ReportAttachmentsApiTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body, Web);
    }

    private Task<HttpClient> FocalAsync(params string[] scopes) =>
        PlanScenario.TokenClientAsync(fixture.App, "daumoi", scopes.Length > 0 ? scopes : [ApiScopes.PlansRead, ApiScopes.ReportsWrite]);

    private Task<HttpClient> CoordinatorAsync() => PlanScenario.TokenClientAsync(fixture.App, "dieuphoi", ApiScopes.PlansRead, ApiScopes.ReportsReview);

    /// <summary>Attaches <paramref name="bytes"/> as the focal point and returns the new attachment's download URL.</summary>
    private static async Task<string> AttachAsync(HttpClient focal, Owed owed, byte[] bytes, string name)
    {
        var report = await JsonAsync(await focal.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(bytes, name)), HttpStatusCode.Created);
        return report.GetProperty("attachments").EnumerateArray().Last().GetProperty("url").GetString()!;
    }

    [Fact]
    public async Task Upload_ByTheFocalPoint_Is201WithTheReport_AndDownloadsAsAFileUnderItsVietnameseName()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        var pdf = TestAttachments.Pdf();

        // The client's content type says HTML; ChiSo goes by the content.
        var response = await focal.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(pdf, "Biên bản kiểm tra.pdf", "text/html"));
        var report = await JsonAsync(response, HttpStatusCode.Created);

        Assert.Equal(("draft", 2), (report.GetProperty("state").GetString(), report.GetProperty("revision").GetInt32()));
        var attachment = Assert.Single(report.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("Biên bản kiểm tra.pdf", "application/pdf", (long)pdf.Length, "daumoi"), (attachment.GetProperty("fileName").GetString(),
            attachment.GetProperty("contentType").GetString(), attachment.GetProperty("size").GetInt64(), attachment.GetProperty("uploadedBy").GetString()));
        var url = attachment.GetProperty("url").GetString()!;
        Assert.Equal($"{owed.Url}/attachments/{attachment.GetProperty("id").GetInt32()}", url);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        Assert.Equal(["create", "attach"], report.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));

        var download = await focal.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Biên bản kiểm tra.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("Bien ban kiem tra.pdf", download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // The report answer lists it for everyone who reads the report.
        var read = await JsonAsync(await focal.GetAsync(owed.Url), HttpStatusCode.OK);
        Assert.Equal(url, read.GetProperty("attachments")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task HtmlInsideAPdf_IsServedOnlyAsADownload_WithNosniffAndASandbox()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        var url = await AttachAsync(focal, owed, TestAttachments.PdfCarryingHtml(), "trang.pdf");

        var download = await focal.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var policy = Assert.Single(download.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html", "bao-cao.pdf")]
    [InlineData("exe", "bao-cao.pdf")]
    [InlineData("png", "ke-hoach.docx")]
    public async Task Upload_ContentNotWhatItsNameSays_Is422NamingTheFileField_AndSavesNothing(string content, string name)
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        var before = await AttachmentScenario.CountsAsync(fixture.App);
        var bytes = content switch { "html" => TestAttachments.Html(), "exe" => TestAttachments.Exe(), _ => TestAttachments.Png() };

        var refused = await JsonAsync(await focal.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(bytes, name, "application/pdf")),
            HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal("file", error.GetProperty("field").GetString());
        Assert.NotEmpty(error.GetProperty("message").GetString()!);
        Assert.NotEmpty(error.GetProperty("messageEn").GetString()!);
        Assert.Equal(before, await AttachmentScenario.CountsAsync(fixture.App));
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(await focal.GetAsync(owed.Url), HttpStatusCode.OK)).GetProperty("state").ValueKind);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Is413NamingTheSetting_AndSavesNothing()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        var before = await AttachmentScenario.CountsAsync(fixture.App);
        var oversize = new byte[(20 * 1024 * 1024) + 1];
        TestAttachments.Pdf().CopyTo(oversize, 0);

        var refused = await JsonAsync(await focal.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(oversize, "scan.pdf", "application/pdf")),
            HttpStatusCode.RequestEntityTooLarge);

        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal(("file", "too-large"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Contains("Reporting:Attachments:MaxBytes", error.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
        Assert.Contains("20 MB", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await AttachmentScenario.CountsAsync(fixture.App));
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(await focal.GetAsync(owed.Url), HttpStatusCode.OK)).GetProperty("state").ValueKind);
    }

    [Fact]
    public async Task AnotherUnitsFocalPoint_CannotUploadListDownloadOrDelete_NotEvenByGuessingIds()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        var otherUnit = await AttachmentScenario.OtherUnitAsync(fixture.App);
        var theirs = (await AttachmentScenario.UnreportedAsync(fixture.App, otherUnit))[0];
        using var focal = await FocalAsync();
        using var other = await PlanScenario.TokenClientAsync(fixture.App, AttachmentScenario.OtherFocalPoint, ApiScopes.PlansRead, ApiScopes.ReportsWrite);
        var url = await AttachAsync(focal, owed, TestAttachments.Png(), "anh-hien-truong.png");
        var id = url[(url.LastIndexOf('/') + 1)..];
        var before = await AttachmentScenario.CountsAsync(fixture.App);

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(TestAttachments.Pdf(), "x.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(owed.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(url)).StatusCode);
        // Their own report's URL with unit A's attachment id: the id counts only on the report it belongs to.
        await JsonAsync(await other.PostAsync(theirs.Url + "/attachments", AttachmentScenario.File(TestAttachments.Pdf(), "cua-toi.pdf")), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{theirs.Url}/attachments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"{theirs.Url}/attachments/{id}")).StatusCode);
        // …and unit A's focal point cannot reach theirs either.
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync($"{owed.Url.Replace("/SNV/", $"/{otherUnit}/", StringComparison.Ordinal)}/attachments/{id}")).StatusCode);

        var after = await AttachmentScenario.CountsAsync(fixture.App);
        Assert.Equal(before.Attachments + 1, after.Attachments); // only their own upload
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Leader_CannotUpload_CoordinatorDownloadsASubmittedReportsFile_AcceptedLocksThem()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        using var coordinator = await CoordinatorAsync();
        using var leader = await PlanScenario.TokenClientAsync(fixture.App, "lanhdao", ApiScopes.PlansRead, ApiScopes.ReportsWrite);
        var docx = TestAttachments.Docx();
        var url = await AttachAsync(focal, owed, docx, "Báo cáo chi tiết.docx");
        // While a draft, its files are the unit's own, as its text is.
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(url)).StatusCode);
        var draft = await JsonAsync(await focal.PutAsJsonAsync(owed.Url, new { result = "Đã kiểm tra 8 cuộc", revision = 2 }), HttpStatusCode.OK);
        var submitted = await JsonAsync(await focal.PostAsJsonAsync(owed.Url + "/submit", new { revision = draft.GetProperty("revision").GetInt32() }), HttpStatusCode.OK);

        // The leader reads the submitted report and its file, but may not add one.
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(TestAttachments.Pdf(), "x.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(url)).StatusCode);
        var download = await coordinator.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());

        var accepted = await JsonAsync(await coordinator.PostAsJsonAsync(owed.Url + "/accept", new { revision = submitted.GetProperty("revision").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal("accepted", accepted.GetProperty("state").GetString());
        foreach (var refused in new[]
        {
            await focal.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(TestAttachments.Pdf(), "bo-sung.pdf")),
            await focal.DeleteAsync(url),
        })
        {
            var problem = await JsonAsync(refused, HttpStatusCode.Conflict);
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal("state", error.GetProperty("field").GetString());
            Assert.Contains("đã tiếp nhận", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Single((await JsonAsync(await coordinator.GetAsync(owed.Url), HttpStatusCode.OK)).GetProperty("attachments").EnumerateArray());
    }

    [Fact]
    public async Task Delete_WhileADraft_RemovesIt_AndScopesHoldTheTokens()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await FocalAsync();
        using var reading = await FocalAsync(ApiScopes.PlansRead, ApiScopes.ReportsRead);
        using var plansOnly = await FocalAsync(ApiScopes.PlansRead);
        var url = await AttachAsync(focal, owed, TestAttachments.Xlsx(), "Số liệu.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, (await reading.PostAsync(owed.Url + "/attachments", AttachmentScenario.File(TestAttachments.Pdf(), "x.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reading.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plansOnly.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reading.GetAsync(url)).StatusCode);

        var report = await JsonAsync(await focal.DeleteAsync(url), HttpStatusCode.OK);
        Assert.Empty(report.GetProperty("attachments").EnumerateArray());
        Assert.Equal("detach", report.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.DeleteAsync(url)).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheAttachmentEndpoints()
    {
        using var client = fixture.App.CreateClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var upload = paths.GetProperty("/api/v1/plans/{id}/reports/{period}/{unitCode}/{taskCode}/attachments").GetProperty("post");
        Assert.Contains("Đính kèm", upload.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        var one = paths.GetProperty("/api/v1/plans/{id}/reports/{period}/{unitCode}/{taskCode}/attachments/{attachmentId}");
        Assert.True(one.TryGetProperty("get", out _));
        Assert.True(one.TryGetProperty("delete", out _));
    }
}
