using ChiSo.EndToEndTests.Infrastructure;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// The header fits on one line at 1366 px for every role (an office laptop), and the pages a role opens most read on
/// a 390-px phone without sideways scrolling.
/// </summary>
public sealed class HeaderAndPhoneFitTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserTheory]
    [InlineData("admin")]
    [InlineData("dieuphoi")]
    [InlineData("lanhdao")]
    [InlineData("daumoi")]
    public async Task Header_At1366_FitsOnOneLine(string user)
    {
        await using var browser = await app.OpenAsync($"{nameof(Header_At1366_FitsOnOneLine)}-{user}", 1366, 768);
        await browser.LoginAsync(user, ChiSo.Accounts.DemoLogins.Password);
        await browser.Page.GotoAsync("/plans");
        await browser.StepAsync("header");

        // Every menu item, the search box and the account buttons share one row of the navbar.
        var tops = await browser.Page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('#main-menu > li, #header-search, .chiso-user > *')].map(e => e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)");
        Assert.NotEmpty(tops);
        Assert.True(tops.Max() - tops.Min() < 20, $"{user}: the header wraps (item centres from {tops.Min()} to {tops.Max()} px).");
        var height = await browser.Page.EvaluateAsync<double>("() => document.querySelector('.chiso-navbar').getBoundingClientRect().height");
        Assert.True(height < 80, $"{user}: the header is {height} px high.");
        Assert.Empty(browser.Errors);
    }

    [BrowserTheory]
    [InlineData("dieuphoi", "/units/registry")]
    [InlineData("daumoi", "/my/tasks")]
    [InlineData("dieuphoi", "/audit")]
    [InlineData("dieuphoi", "/search?q=so%20noi%20vu")]
    public async Task Page_OnAPhone_HasNoSidewaysScroll(string user, string path)
    {
        await using var browser = await app.OpenAsync($"{nameof(Page_OnAPhone_HasNoSidewaysScroll)}-{user}-{path.Replace('/', '_').Replace('?', '_')}", 390, 844);
        await browser.LoginAsync(user, ChiSo.Accounts.DemoLogins.Password);
        await browser.Page.GotoAsync(path);
        await browser.StepAsync("phone");
        Assert.True(await browser.FitsWidthAsync(), $"{path} scrolls sideways on a phone: {await browser.WideElementsAsync()}");
        Assert.Empty(browser.Errors);
    }
}
