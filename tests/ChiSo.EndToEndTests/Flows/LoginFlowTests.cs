using ChiSo.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Flows;

public sealed class LoginFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Login_PageInVietnamese_EveryInputHasALabel()
    {
        await using var browser = await app.OpenAsync(nameof(Login_PageInVietnamese_EveryInputHasALabel));
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        await browser.StepAsync("login");

        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        // Every visible field: a <label for=id> with text, or an aria-label. List the ones without, by id or name.
        var fields = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .map(i => ({ name: i.id || i.name || i.outerHTML,
                           labelled: (i.id && [...document.querySelectorAll('label[for="' + i.id + '"]')].some(l => l.textContent.trim()))
                                     || (i.getAttribute('aria-label') || '').trim() !== '' }))
              .map(f => (f.labelled ? 'ok ' : 'UNLABELLED ') + f.name)
            """);
        Assert.Equal(["ok UserName", "ok Password"], fields);
        await Assertions.Expect(page.GetByText("Tài khoản dùng thử")).ToBeVisibleAsync();
        var demo = page.Locator("section[aria-labelledby=demo-logins]");
        foreach (var user in new[] { "admin", "dieuphoi", "lanhdao" })
        {
            await Assertions.Expect(demo.Locator("code", new() { HasTextString = user })).ToBeVisibleAsync();
        }

        await Assertions.Expect(demo).ToContainTextAsync(ChiSo.Accounts.DemoLogins.Password);
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    [BrowserFact]
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
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    [BrowserFact]
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
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    [BrowserFact]
    public async Task EnglishSwitch_TranslatesTheUiAndKeepsVietnameseNumbers()
    {
        await using var browser = await app.OpenAsync(nameof(EnglishSwitch_TranslatesTheUiAndKeepsVietnameseNumbers));
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to ChiSo" })).ToBeVisibleAsync();

        await page.GetByLabel("User name").FillAsync("dieuphoi");
        await page.GetByLabel("Password").FillAsync(ChiSo.Accounts.DemoLogins.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/units/68?framework=papi&year=2025");
        await browser.WaitForChartsAsync(3);
        await browser.StepAsync("profile-en");
        await Assertions.Expect(page.GetByText("Lost points").First).ToBeVisibleAsync();
        Assert.Matches(@"\d+,\d{2}", await page.Locator("[data-testid=aggregate]").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        Assert.Empty(browser.Errors);
    }
}
