using System.Globalization;
using ChiSo.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// A commune's focal point on a phone (390 px) over Chromium's emulated "Slow 3G" (2 s per request, 50 KB/s): the
/// to-do list and a report form weigh under 150 KB on a first visit, and open in under 3 s on the visits that follow
/// (docs/adr/0015-static-assets-compressed-and-immutable.md). A first visit cannot open in 3 s: the page and then its
/// stylesheets and scripts are two requests in a row, 4 s of latency alone; its time is measured and printed, not held
/// to 3 s. A later visit fetches only the page, its assets being cached as immutable.
/// </summary>
public sealed class SlowConnectionTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const long MaxBytes = 150 * 1024;
    private const double MaxReturnVisitMs = 3000;

    [BrowserFact]
    public async Task MyTasks_OnSlow3G_WeighsUnder150KBAndReopensUnder3Seconds()
    {
        await using var signedIn = await SignInAsync(nameof(MyTasks_OnSlow3G_WeighsUnder150KBAndReopensUnder3Seconds));
        await MeasureAsync(signedIn, "/my/tasks", nameof(MyTasks_OnSlow3G_WeighsUnder150KBAndReopensUnder3Seconds));
    }

    [BrowserFact]
    public async Task ReportPage_OnSlow3G_WeighsUnder150KBAndReopensUnder3Seconds()
    {
        await using var signedIn = await SignInAsync(nameof(ReportPage_OnSlow3G_WeighsUnder150KBAndReopensUnder3Seconds));
        await signedIn.Page.GotoAsync("/my/tasks");
        var report = await signedIn.Page.Locator("#owed a[href^='/my/reports/']").First.GetAttributeAsync("href");
        Assert.NotNull(report);
        await MeasureAsync(signedIn, report, nameof(ReportPage_OnSlow3G_WeighsUnder150KBAndReopensUnder3Seconds));
    }

    private async Task<BrowserPage> SignInAsync(string test)
    {
        var browser = await app.OpenAsync($"{test}-sign-in", 390, 844);
        await browser.LoginAsync("daumoi", ChiSo.Accounts.DemoLogins.Password);
        return browser;
    }

    /// <summary>
    /// A phone that has never opened ChiSo (a new browser context: empty cache, the signed-in cookies copied) opens
    /// <paramref name="path"/> over Slow 3G, then opens it again.
    /// </summary>
    private async Task MeasureAsync(BrowserPage signedIn, string path, string test)
    {
        await using var phone = await app.OpenAsync(test, 390, 844);
        var cookies = await signedIn.Page.Context.CookiesAsync();
        await phone.Page.Context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
            HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var network = await SlowNetwork.AttachAsync(phone.Page);

        var coldMs = await SlowNetwork.OpenAsync(phone.Page, path);
        var cold = network.Take();
        await phone.StepAsync("first-visit");
        Assert.EndsWith(path, phone.Page.Url, StringComparison.Ordinal); // signed in, not sent to the login page

        var returnMs = await SlowNetwork.OpenAsync(phone.Page, path);
        var again = network.Take();
        await phone.StepAsync("return-visit");

        var coldBytes = cold.Sum(f => f.Bytes);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{path} on Slow 3G ({SlowNetwork.LatencyMs} ms, {SlowNetwork.BytesPerSecond:N0} B/s), 390 px:"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first visit: {cold.Count} requests, {coldBytes:N0} B ({coldBytes / 1024.0:0.0} KB), load event at {coldMs:N0} ms"));
        output.WriteLine(SlowNetwork.Describe(cold));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  return visit: {again.Count} request(s), {again.Sum(f => f.Bytes):N0} B, load event at {returnMs:N0} ms"));
        output.WriteLine(SlowNetwork.Describe(again));

        Assert.DoesNotContain(cold, f => f.Url.Contains("echarts", StringComparison.Ordinal) || f.Url.Contains("charts.", StringComparison.Ordinal));
        Assert.True(coldBytes < MaxBytes, $"{path}: the first visit transfers {coldBytes:N0} B, over {MaxBytes:N0} B.");
        // Immutable assets are not even revalidated: the page is the only request of a return visit.
        Assert.Equal([new Uri(phone.Page.Url).PathAndQuery], again.Select(f => new Uri(f.Url).PathAndQuery));
        Assert.True(returnMs < MaxReturnVisitMs, $"{path}: the return visit's load event came at {returnMs:N0} ms, not under {MaxReturnVisitMs:N0} ms.");
        Assert.True(await phone.FitsWidthAsync(), $"{path} scrolls sideways: {await phone.WideElementsAsync()}");
        Assert.Empty(phone.Errors);
    }
}
