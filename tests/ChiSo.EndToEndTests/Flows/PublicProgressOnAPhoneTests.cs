using System.Globalization;
using ChiSo.EndToEndTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// A citizen on a phone (390 px), not signed in, over Chromium's emulated "Slow 3G": from /cong-khai to the demo province
/// and its plan, whose page shows the period's progress — the Government Office's counts, each dimension, each task with
/// its lead unit and status — without scrolling sideways, without a script or a cookie, and light enough for the line.
/// </summary>
public sealed class PublicProgressOnAPhoneTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const long MaxBytes = 150 * 1024;

    [BrowserFact]
    public async Task PublicPlan_OnAPhone_ShowsTheDemoPlansProgress_WithoutHorizontalOverflow()
    {
        await using var phone = await app.OpenAsync(nameof(PublicPlan_OnAPhone_ShowsTheDemoPlansProgress_WithoutHorizontalOverflow), 390, 844);
        var network = await SlowNetwork.AttachAsync(phone.Page);

        await SlowNetwork.OpenAsync(phone.Page, "/cong-khai");
        await phone.StepAsync("provinces");
        Assert.True(await phone.FitsWidthAsync(), $"/cong-khai scrolls sideways: {await phone.WideElementsAsync()}");
        await phone.Page.Locator("#provinces a", new() { HasTextString = "Lâm Đồng" }).ClickAsync();
        await phone.Page.WaitForURLAsync(url => url.EndsWith("/cong-khai/68", StringComparison.Ordinal));
        await phone.StepAsync("province");
        Assert.True(await phone.FitsWidthAsync(), $"/cong-khai/68 scrolls sideways: {await phone.WideElementsAsync()}");
        await phone.Page.Locator("#plans a").First.ClickAsync();
        await phone.Page.WaitForURLAsync(url => url.Contains("/cong-khai/ke-hoach/", StringComparison.Ordinal));
        await phone.StepAsync("plan");

        var page = phone.Page;
        Assert.Contains("Cập nhật lúc", await page.Locator("#updated").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ đến hạn", await page.Locator("#counts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#dimensions li").CountAsync() > 0);
        var tasks = page.Locator("#tasks > li");
        Assert.True(await tasks.CountAsync() > 5);
        Assert.Contains("Chủ trì", await tasks.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#tasks .badge").First.IsVisibleAsync());
        Assert.True(await phone.FitsWidthAsync(), $"the plan page scrolls sideways: {await phone.WideElementsAsync()}");

        // Another period is one link away, and still fits.
        await page.Locator("#periods a").Last.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("?ky=", StringComparison.Ordinal));
        await phone.StepAsync("another-period");
        Assert.True(await phone.FitsWidthAsync(), $"{page.Url} scrolls sideways: {await phone.WideElementsAsync()}");

        var fetched = network.Take();
        var bytes = fetched.Sum(f => f.Bytes);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"public site on Slow 3G, 390 px: {fetched.Count} requests, {bytes:N0} B ({bytes / 1024.0:0.0} KB) for four pages"));
        output.WriteLine(SlowNetwork.Describe(fetched));
        Assert.DoesNotContain(fetched, f => f.Url.EndsWith(".js", StringComparison.Ordinal) || f.Url.Contains(".js?", StringComparison.Ordinal));
        Assert.True(bytes < MaxBytes, $"four public pages transfer {bytes:N0} B, over {MaxBytes:N0} B.");
        Assert.Empty(await page.Context.CookiesAsync());
        Assert.Empty(phone.Errors);
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "public-index", "/cong-khai" },
        { "public-province", "/cong-khai/68" },
        { "public-plan", "/cong-khai/ke-hoach/1" },
    };

    /// <summary>WCAG 2 A/AA by axe-core, as the officials' pages are checked (Accessibility/AccessibilityTests), without signing in.</summary>
    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task PublicPage_HasNoWcagAaViolations(string name, string url)
    {
        await using var browser = await app.OpenAsync($"{nameof(PublicPage_HasNoWcagAaViolations)}-{name}", 390, 844);
        await browser.Page.GotoAsync(url);
        await browser.Page.EvaluateAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe", "axe.min.js")));
        var result = await browser.Page.EvaluateAsync<System.Text.Json.JsonElement>(
            """
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary) }));
            }
            """);
        await browser.StepAsync(name);
        var violations = result.EnumerateArray().Select(v => v.ToString()).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
