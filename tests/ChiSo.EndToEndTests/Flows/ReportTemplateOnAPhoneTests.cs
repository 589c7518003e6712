using ChiSo.EndToEndTests.Infrastructure;
using ChiSo.Tests.TestData;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// The demo focal point on a 390-px phone with JavaScript off: from its to-do list to the unit's page for the period,
/// downloads the Excel template, fills it (as it would on a computer), uploads it, and finds its rows saved as drafts.
/// </summary>
public sealed class ReportTemplateOnAPhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task FocalPoint_OnAPhoneWithoutScript_DownloadsTheTemplate_UploadsItFilled_AndFindsTheDraft()
    {
        await using var browser = await app.OpenAsync(nameof(FocalPoint_OnAPhoneWithoutScript_DownloadsTheTemplate_UploadsItFilled_AndFindsTheDraft), 390, 844,
            javaScript: false);
        await browser.LoginAsync("daumoi", ChiSo.Accounts.DemoLogins.Password);
        await browser.Page.GotoAsync("/my/tasks");
        await browser.StepAsync("to-do");
        // A card whose first report is not started yet, so the row to fill is open.
        var card = browser.Page.Locator(".chiso-owed", new() { Has = browser.Page.Locator("li[data-state='none']") }).First;
        await card.Locator(".chiso-owed-excel a").First.ClickAsync();
        await browser.Page.WaitForURLAsync("**/plans/*/reports/*/SNV");
        await browser.StepAsync("unit-period");
        Assert.True(await browser.FitsWidthAsync(), $"the unit's page scrolls sideways: {await browser.WideElementsAsync()}");
        var task = (await browser.Page.Locator("#unit-period-items li[data-state='none'] strong").First.InnerTextAsync()).Trim().TrimEnd('.');

        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.Page.Locator("#template-download").ClickAsync());
        Assert.EndsWith("-SNV.xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var template = await File.ReadAllBytesAsync(await download.PathAsync());
        using (var document = SpreadsheetDocument.Open(new MemoryStream(template), false))
        {
            Assert.Equal("chưa báo cáo", TemplateCells.Text(TemplateCells.Find(document, TemplateCells.Sheet, "E" + TemplateCells.RowOf(document, task))!));
        }

        var filled = TemplateCells.Fill(template, task, ("F", new DateOnly(2026, 3, 11)), ("H", "Đã rà soát, công bố 14 thủ tục hành chính"), ("J", "Phần mềm một cửa còn lỗi"));
        await browser.Page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = download.SuggestedFilename, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = filled,
        });
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Nhập từ tệp" }).ClickAsync();
        await browser.Page.WaitForURLAsync("**imported=1**");
        await browser.StepAsync("imported");
        Assert.Contains("1 bản nháp được lưu", await browser.Page.Locator("#imported").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await browser.FitsWidthAsync(), $"the unit's page scrolls sideways: {await browser.WideElementsAsync()}");

        var item = browser.Page.Locator("#unit-period-items li", new() { Has = browser.Page.Locator($"strong:text-is('{task}.')") });
        Assert.Equal("draft", await item.GetAttributeAsync("data-state"));
        await item.Locator("a").ClickAsync();
        await browser.Page.WaitForURLAsync("**/my/reports/**");
        Assert.Equal("Đã rà soát, công bố 14 thủ tục hành chính", await browser.Page.Locator("#Result").InputValueAsync());
        Assert.Equal("2026-03-11", await browser.Page.Locator("#CompletedOn").InputValueAsync());
        Assert.Equal("nháp", (await browser.Page.Locator("#report-state").InnerTextAsync()).Trim());
        await browser.StepAsync("draft");
        Assert.Empty(browser.Errors);
    }
}
