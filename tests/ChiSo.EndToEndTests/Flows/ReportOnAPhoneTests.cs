using ChiSo.EndToEndTests.Infrastructure;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>The demo focal point, on a 390-px phone, opens a report from its to-do list, fills it in and submits it.</summary>
public sealed class ReportOnAPhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task FocalPoint_OnAPhone_FilesAReportFromTheToDoList()
    {
        await using var browser = await app.OpenAsync(nameof(FocalPoint_OnAPhone_FilesAReportFromTheToDoList), 390, 844);
        await browser.LoginAsync("daumoi", ChiSo.Accounts.DemoLogins.Password);
        await browser.Page.GotoAsync("/my/tasks");
        await browser.StepAsync("to-do");
        Assert.True(await browser.FitsWidthAsync(), $"/my/tasks scrolls sideways: {await browser.WideElementsAsync()}");

        // A report not started yet: the demo's earlier periods hold submitted, approved and returned ones.
        await browser.Page.Locator("#owed li[data-state='none'] a[href^='/my/reports/']").First.ClickAsync();
        await browser.Page.WaitForURLAsync("**/my/reports/**");
        await browser.StepAsync("report-form");
        Assert.True(await browser.FitsWidthAsync(), $"the report page scrolls sideways: {await browser.WideElementsAsync()}");

        await browser.Page.Locator("#Result").FillAsync("Đã tổ chức 3 hội nghị tập huấn cho cán bộ cấp xã");
        await browser.Page.Locator("#Difficulties").FillAsync("Kinh phí hạn chế");
        await browser.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await browser.Page.WaitForURLAsync("**saved=1");
        await browser.StepAsync("submitted");
        Assert.Equal("đã gửi", (await browser.Page.Locator("#report-state").InnerTextAsync()).Trim());
        Assert.Contains("Kinh phí hạn chế", await browser.Page.Locator("#Difficulties").InputValueAsync(), StringComparison.Ordinal);
        Assert.Empty(browser.Errors);
    }
}
