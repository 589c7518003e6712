using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Tests.TestData;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// The attachments on /my/reports/{id}: the demo focal point uploads from the page (a plain multipart form), sees the
/// file listed, downloads it and removes it; an over-size or mislabelled file is refused on the page naming the field; another
/// unit's focal point reaches nothing, whichever ids it tries.
/// </summary>
public sealed partial class ReportAttachmentPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static MultipartFormDataContent Upload(string page, byte[] bytes, string name) =>
        AttachmentScenario.File(bytes, name, "application/octet-stream", ("__RequestVerificationToken", SignIn.Token(page, "attach-form")));

    [Fact]
    public async Task FocalPoint_UploadsFromThePage_SeesItListed_DownloadsIt_AndRemovesIt()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        var page = await focal.GetStringAsync(owed.Page);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("tối đa 20 MB", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var pdf = TestAttachments.Pdf();

        var posted = await focal.PostAsync(owed.Page + "?handler=Attach", Upload(page, pdf, "Báo cáo kết quả.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var shown = await focal.GetStringAsync(owed.Page);
        var link = DownloadLink().Match(shown);
        Assert.True(link.Success, "the page links the attachment");
        Assert.Contains("Báo cáo kết quả.pdf", WebUtility.HtmlDecode(shown), StringComparison.Ordinal);
        Assert.Contains("id=\"report-state\">nháp", WebUtility.HtmlDecode(shown), StringComparison.Ordinal);
        var download = await focal.GetAsync(WebUtility.HtmlDecode(link.Groups["url"].Value));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Báo cáo kết quả.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("sandbox", Assert.Single(download.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var removal = WebUtility.HtmlDecode(link.Groups["base"].Value) + "?handler=Detach";
        var removed = await focal.PostAsync(removal, SignIn.Form(SignIn.Token(shown, "attachment-list")));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = await focal.GetStringAsync(owed.Page);
        Assert.DoesNotMatch(DownloadLink(), after);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync(WebUtility.HtmlDecode(link.Groups["url"].Value))).StatusCode);
    }

    [Fact]
    public async Task Upload_OverTheLimit_ComesBackToTheReportNamingTheLimit_AndSavesNothing()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        var page = await focal.GetStringAsync(owed.Page);
        var before = await AttachmentScenario.CountsAsync(fixture.App);
        var oversize = new byte[(20 * 1024 * 1024) + 1];
        TestAttachments.Pdf().CopyTo(oversize, 0);

        var posted = await focal.PostAsync(owed.Page + "?handler=Attach", Upload(page, oversize, "ban-quet.pdf"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var back = WebUtility.HtmlDecode(await focal.GetStringAsync(posted.Headers.Location!.OriginalString));
        Assert.Contains("Tệp đính kèm", back, StringComparison.Ordinal);
        Assert.Contains("Tệp lớn hơn 20 MB", back, StringComparison.Ordinal);
        Assert.Contains("chưa báo cáo", back, StringComparison.Ordinal);
        Assert.Equal(before, await AttachmentScenario.CountsAsync(fixture.App));
    }

    [Fact]
    public async Task Upload_ContentNotWhatItsNameSays_IsRefusedOnThePageNamingTheField_AndSavesNothing()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        var page = await focal.GetStringAsync(owed.Page);
        var before = await AttachmentScenario.CountsAsync(fixture.App);

        var posted = await focal.PostAsync(owed.Page + "?handler=Attach", Upload(page, TestAttachments.Html(), "bao-cao.pdf"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var html = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains("Tệp đính kèm", html, StringComparison.Ordinal);
        Assert.Contains("ChiSo xét nội dung tệp", html, StringComparison.Ordinal);
        Assert.Equal(before, await AttachmentScenario.CountsAsync(fixture.App));
    }

    [Fact]
    public async Task AnotherUnitsFocalPoint_CannotUploadDownloadOrRemove_ByPageOrGuessedIds()
    {
        var owed = (await AttachmentScenario.UnreportedAsync(fixture.App))[0];
        var otherUnit = await AttachmentScenario.OtherUnitAsync(fixture.App);
        var theirs = (await AttachmentScenario.UnreportedAsync(fixture.App, otherUnit))[0];
        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        var page = await focal.GetStringAsync(owed.Page);
        Assert.Equal(HttpStatusCode.Redirect, (await focal.PostAsync(owed.Page + "?handler=Attach", Upload(page, TestAttachments.Jpeg(), "anh.jpg"))).StatusCode);
        var link = WebUtility.HtmlDecode(DownloadLink().Match(await focal.GetStringAsync(owed.Page)).Groups["url"].Value);
        var id = Regex.Match(link, "attachments/(\\d+)").Groups[1].Value;
        var before = await AttachmentScenario.CountsAsync(fixture.App);

        using var other = await SignIn.DemoAsync(fixture.App, AttachmentScenario.OtherFocalPoint);
        var own = await other.GetStringAsync(theirs.Page);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(owed.Page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(owed.Page + "?handler=Attach", Upload(own, TestAttachments.Pdf(), "x.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{owed.Page}/attachments/{id}?handler=Detach", SignIn.Form(SignIn.Token(own, "attach-form")))).StatusCode);
        // Their own report with unit A's attachment id in the route.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{theirs.Page}/attachments/{id}?handler=Download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{theirs.Page}/attachments/{id}?handler=Detach", SignIn.Form(SignIn.Token(own, "attach-form")))).StatusCode);

        Assert.Equal(before, await AttachmentScenario.CountsAsync(fixture.App));
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync(link)).StatusCode);
    }

    [GeneratedRegex("href=\"(?<url>(?<base>/my/reports/\\d+/attachments/\\d+)\\?handler=Download)\"")]
    private static partial Regex DownloadLink();
}
