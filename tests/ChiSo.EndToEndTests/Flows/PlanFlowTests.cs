using ChiSo.EndToEndTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// The plans issue's "done means" in a real browser: on the demo, the coordinator drafts a plan from the province's
/// weakest sub-dimensions, edits a task, issues the plan and downloads a DOCX laid out like the provinces' own.
/// </summary>
public sealed class PlanFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Coordinator_DraftsFromTheGaps_EditsIssuesAndDownloadsTheDocument()
    {
        await using var browser = await app.OpenAsync(nameof(Coordinator_DraftsFromTheGaps_EditsIssuesAndDownloadsTheDocument));
        var page = browser.Page;
        await browser.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);

        await page.GotoAsync("/plans");
        var draft = page.Locator("#draft-form");
        await draft.GetByLabel("Tỉnh, thành phố").SelectOptionAsync("68");
        await draft.GetByLabel("Năm kết quả").FillAsync("2025");
        await draft.GetByLabel("Năm kế hoạch").FillAsync("2026");
        await draft.GetByLabel("Số chỉ số thành phần yếu nhất").FillAsync("3");
        await browser.StepAsync("draft-form");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Lập dự thảo" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/plans/\\d+"));
        await Assertions.Expect(page.Locator("#plan-status")).ToHaveTextAsync("Dự thảo");
        var rows = page.Locator("#tasks-table tbody tr[id^=task-]");
        Assert.True(await rows.CountAsync() >= 3);
        await browser.StepAsync("drafted");

        // Edit the first task: new wording, and all communes as lead.
        await rows.First.GetByRole(AriaRole.Link, new() { NameString = "Sửa" }).ClickAsync();
        await page.GetByLabel("Nội dung nhiệm vụ").FillAsync("Tổ chức đối thoại giữa lãnh đạo xã và người dân mỗi quý");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Chủ trì" }).FillAsync("ubnd cac xa");
        await page.GetByRole(AriaRole.Option, new() { Name = "UBND các xã, phường" }).ClickAsync();
        await page.GetByLabel("Thời gian thực hiện").FillAsync("Hằng quý");
        // htmx shows how ChiSo reads the time while the user types (under the strict CSP, no inline script).
        await Assertions.Expect(page.Locator("#interpretation")).ToContainTextAsync("Hằng quý");
        await Assertions.Expect(page.Locator("#interpretation")).ToContainTextAsync("kỳ báo cáo");
        await browser.StepAsync("task-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã lưu.")).ToBeVisibleAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("Tổ chức đối thoại giữa lãnh đạo xã và người dân mỗi quý");
        await Assertions.Expect(rows.First).ToContainTextAsync("124 đơn vị");

        // Issue it.
        var issue = page.Locator("#issue-form");
        await issue.GetByLabel("Số").FillAsync("31");
        await issue.GetByLabel("Ngày ban hành").FillAsync("2026-02-16");
        await issue.GetByRole(AriaRole.Button, new() { Name = "Ban hành" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-status")).ToHaveTextAsync("Đã ban hành");
        await Assertions.Expect(page.Locator("#plan-header")).ToContainTextAsync("Lâm Đồng, ngày 16 tháng 02 năm 2026");
        await browser.StepAsync("issued");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-docx").ClickAsync());
        Assert.Equal("ke-hoach-31-KH-UBND.docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var word = WordprocessingDocument.Open(path, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        Assert.Contains("Số: 31/KH-UBND", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("Tổ chức đối thoại giữa lãnh đạo xã và người dân mỗi quý", body.InnerText, StringComparison.Ordinal);
        Assert.Equal(2, body.Descendants<SectionProperties>().Count());

        // A phone can read the plan without sideways scrolling of the page itself.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await browser.StepAsync("issued-phone");
        Assert.True(await browser.FitsWidthAsync(), "The plan page scrolls sideways on a phone.");
        Assert.Empty(browser.Errors);
    }
}
