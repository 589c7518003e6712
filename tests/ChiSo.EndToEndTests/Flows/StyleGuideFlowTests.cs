using ChiSo.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// The pages anyone can open: the style guide draws its four ECharts charts on canvases under the strict CSP
/// without a single console error, and the login page and style guide fit a phone and a laptop screen.
/// </summary>
public sealed class StyleGuideFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task StyleGuide_Anonymous_DrawsEveryChartOnACanvasWithoutErrors()
    {
        await using var browser = await app.OpenAsync(nameof(StyleGuide_Anonymous_DrawsEveryChartOnACanvasWithoutErrors));
        var page = browser.Page;
        var response = await page.GotoAsync("/styleguide");

        // Anonymous, and served under the CSP the no-errors check is about (no inline script, no inline style).
        Assert.Equal(200, response!.Status);
        Assert.EndsWith("/styleguide", page.Url, StringComparison.Ordinal);
        var csp = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);

        // Each of the four containers gets its own ECharts canvas with a real size (the map after its GeoJSON).
        await Assertions.Expect(page.Locator("[data-chart]")).ToHaveCountAsync(4);
        await browser.WaitForChartsAsync(4);
        foreach (var type in new[] { "radar", "trend", "bar", "map" })
        {
            var canvas = page.Locator($"[data-chart={type}] canvas").First;
            await Assertions.Expect(canvas).ToBeVisibleAsync();
            var box = await canvas.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 100 }, $"the {type} chart's canvas is {box?.Width}×{box?.Height}");
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.StepAsync("charts");

        // htmx under the same CSP: a fragment loads into the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải nội dung" }).ClickAsync();
        await Assertions.Expect(page.Locator("#htmx-result")).ToContainTextAsync("Đã tải xong đoạn nội dung bằng htmx");
        await browser.StepAsync("htmx");

        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    /// <summary>The harness itself: a script the CSP blocks must show up as an error, or "no errors" proves nothing.</summary>
    [BrowserFact]
    public async Task Harness_InlineScriptBlockedByCsp_IsRecordedAsAnError()
    {
        await using var browser = await app.OpenAsync(nameof(Harness_InlineScriptBlockedByCsp_IsRecordedAsAnError));
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        Assert.Empty(browser.Errors);

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.appendChild(s); }");
        for (var i = 0; i < 50 && browser.Errors.Count == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        Assert.Contains(browser.Errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || e.Contains("CSP violation", StringComparison.Ordinal));
    }

    [BrowserTheory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task AnonymousPages_PhoneAndLaptop_NoSidewaysScroll(int width, int height)
    {
        await using var browser = await app.OpenAsync($"{nameof(AnonymousPages_PhoneAndLaptop_NoSidewaysScroll)}-{width}", width, height);
        var page = browser.Page;
        foreach (var (name, url) in new[] { ("login", "/account/login"), ("styleguide", "/styleguide") })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await browser.StepAsync(name);
            var (scrollWidth, innerWidth) = await ScrollWidthAsync(page);
            Assert.True(scrollWidth <= innerWidth, $"{url} scrolls sideways at {width}px: scrollWidth {scrollWidth} > innerWidth {innerWidth}");
        }

        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    private static async Task<(int ScrollWidth, int InnerWidth)> ScrollWidthAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }
}
