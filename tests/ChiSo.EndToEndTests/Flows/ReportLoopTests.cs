using ChiSo.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// The whole reporting loop on a 390-px phone, as the demo asks: the demo focal point files a report with a PDF
/// attached and submits it; the coordinator opens the file and returns the report with a comment; the focal point
/// sees why, fixes it and resubmits; the coordinator accepts it, and it is locked for both of them.
/// </summary>
public sealed class ReportLoopTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task FocalPointFilesWithAPdf_CoordinatorReturns_FocalPointFixes_CoordinatorAccepts_Locked()
    {
        await using var focal = await app.OpenAsync(nameof(FocalPointFilesWithAPdf_CoordinatorReturns_FocalPointFixes_CoordinatorAccepts_Locked) + "-focal", 390, 844);
        await focal.LoginAsync("daumoi", ChiSo.Accounts.DemoLogins.Password);
        await focal.Page.GotoAsync("/my/tasks");
        await focal.Page.Locator("#owed li[data-state='none'] a[href^='/my/reports/']").First.ClickAsync();
        await focal.Page.WaitForURLAsync("**/my/reports/**");
        var report = new Uri(focal.Page.Url).AbsolutePath;

        // Write, keep the draft, attach the PDF (the upload saves at once), then submit.
        await focal.Page.Locator("#Result").FillAsync("Đã ban hành Kế hoạch số 15/KH-SNV và tổ chức hội nghị quán triệt");
        await focal.Page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await focal.Page.WaitForURLAsync("**saved=1");
        await focal.Page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "Kế hoạch 15-KH-SNV.pdf", MimeType = "application/pdf", Buffer = ChiSo.Tests.TestData.TestAttachments.Pdf("Ke hoach 15/KH-SNV"),
        });
        await focal.Page.GetByRole(AriaRole.Button, new() { Name = "Tải tệp lên" }).ClickAsync();
        await focal.Page.Locator("#attachment-list li").First.WaitForAsync();
        Assert.Contains("Kế hoạch 15-KH-SNV.pdf", await focal.Page.Locator("#attachment-list").InnerTextAsync(), StringComparison.Ordinal);
        await focal.StepAsync("attached");
        Assert.True(await focal.FitsWidthAsync(), $"the report page scrolls sideways: {await focal.WideElementsAsync()}");
        await focal.Page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await focal.Page.WaitForURLAsync("**saved=1");
        Assert.Equal("đã gửi", (await focal.Page.Locator("#report-state").InnerTextAsync()).Trim());

        // The coordinator, also on a phone, downloads the file (a download, never shown in the page) and returns the report.
        await using var coordinator = await app.OpenAsync(nameof(FocalPointFilesWithAPdf_CoordinatorReturns_FocalPointFixes_CoordinatorAccepts_Locked) + "-coordinator", 390, 844);
        await coordinator.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);
        await coordinator.Page.GotoAsync(report);
        var download = await coordinator.Page.RunAndWaitForDownloadAsync(() => coordinator.Page.Locator("#attachment-list a").First.ClickAsync());
        Assert.Equal("Kế hoạch 15-KH-SNV.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        await coordinator.Page.Locator("#Comment").FillAsync("Đề nghị bổ sung số người tham dự hội nghị");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await coordinator.Page.WaitForURLAsync("**saved=1");
        Assert.Equal("bị trả lại", (await coordinator.Page.Locator("#report-state").InnerTextAsync()).Trim());

        // The focal point sees why, fixes it and resubmits; the file is still attached.
        await focal.Page.GotoAsync(report);
        Assert.Contains("bổ sung số người tham dự", await focal.Page.Locator("#returned-comment").InnerTextAsync(), StringComparison.Ordinal);
        await focal.Page.Locator("#Result").FillAsync("Đã ban hành Kế hoạch số 15/KH-SNV; hội nghị quán triệt có 120 người tham dự");
        await focal.Page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await focal.Page.WaitForURLAsync("**saved=1");
        Assert.Equal("đã gửi", (await focal.Page.Locator("#report-state").InnerTextAsync()).Trim());
        Assert.Equal(1, await focal.Page.Locator("#attachment-list li").CountAsync());

        await coordinator.Page.GotoAsync(report);
        Assert.Contains("120 người", await coordinator.Page.Locator("#Result").InputValueAsync(), StringComparison.Ordinal);
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await coordinator.Page.WaitForURLAsync("**saved=1");
        await coordinator.StepAsync("accepted");
        Assert.Equal("đã tiếp nhận", (await coordinator.Page.Locator("#report-state").InnerTextAsync()).Trim());

        // Locked: the focal point's form is read-only, with no submit, no upload and no removal.
        await focal.Page.GotoAsync(report);
        Assert.Equal("đã tiếp nhận", (await focal.Page.Locator("#report-state").InnerTextAsync()).Trim());
        Assert.True(await focal.Page.Locator("#Result").IsDisabledAsync());
        Assert.Equal(0, await focal.Page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).CountAsync());
        Assert.Equal(0, await focal.Page.Locator("#attach-form").CountAsync());
        Assert.Equal(0, await focal.Page.GetByRole(AriaRole.Button, new() { Name = "Gỡ" }).CountAsync());
        var history = await focal.Page.Locator("#report-history").InnerTextAsync();
        Assert.Contains("bổ sung số người tham dự", history, StringComparison.Ordinal);
        Assert.Empty(focal.Errors);
        Assert.Empty(coordinator.Errors);
    }
}
