using ChiSo.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Flows;

public sealed class LoginFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Login_PageInVietnamese_EveryInputHasALabel()
    {
        await using var browser = await app.OpenAsync(nameof(Login_PageInVietnamese_EveryInputHasALabel));
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        await browser.StepAsync("login");

        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        var unlabelled = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(i => !(i.labels && i.labels.length) && !i.getAttribute('aria-label')).length");
        Assert.Equal(0, unlabelled);
        Assert.True(await page.GetByText("Tài khoản dùng thử").IsVisibleAsync());
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsTheVietnameseError()
    {
        await using var browser = await app.OpenAsync(nameof(Login_WrongPassword_ShowsTheVietnameseError));
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync("dieuphoi");
        await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await browser.StepAsync("wrong-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
    }

    [Fact]
    public async Task Login_KeyboardOnly_ReachesTheOverview()
    {
        await using var browser = await app.OpenAsync(nameof(Login_KeyboardOnly_ReachesTheOverview));
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Tên đăng nhập").FocusAsync();
        await page.Keyboard.TypeAsync("dieuphoi");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(ChiSo.Accounts.DemoLogins.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await browser.StepAsync("overview");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#home-province")).ToContainTextAsync("Lâm Đồng");
    }
}
