using System.Globalization;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Infrastructure;

/// <summary>
/// A page in its own context, collecting console errors and page errors (a CSP violation shows up there), and
/// saving a numbered screenshot of each step under <c>screenshots/{test}/</c> beside the test assembly
/// (or under <c>CHISO_SCREENSHOTS</c>) for a reviewer to look at.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly string _directory;
    private int _step;

    public BrowserPage(IPage page, string test)
    {
        Page = page;
        var root = Environment.GetEnvironmentVariable("CHISO_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        _directory = Path.Combine(root, test);
        Directory.CreateDirectory(_directory);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                AddError(message.Text);
            }
        };
        page.PageError += (_, error) => AddError(error);
    }

    public IPage Page { get; }

    private readonly List<string> _errors = [];

    /// <summary>Console errors and uncaught page errors so far (CSP violations included), in order.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToList();
            }
        }
    }

    private void AddError(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public async Task StepAsync(string name)
    {
        _step++;
        var file = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"{_step:00}-{name}.png"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    public async Task LoginAsync(string user, string password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await Page.GetByLabel("Mật khẩu").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Charts are drawn after load (and the map after its GeoJSON arrives): wait for every container's canvas.</summary>
    public async Task WaitForChartsAsync(int count)
    {
        await Page.WaitForFunctionAsync(
            "n => document.querySelectorAll('[data-chart] canvas').length >= n", count, new() { Timeout = 15000 });
    }

    /// <summary>The elements that reach past the viewport's right edge (outside scrolling containers), to say why a page does not fit.</summary>
    public async Task<string> WideElementsAsync() => string.Join("; ", await Page.EvaluateAsync<string[]>(
        "() => [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); if (r.right <= window.innerWidth + 1 || r.width === 0) return false; for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return false; } return true; }).slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')"));

    public async Task<bool> FitsWidthAsync() =>
        await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
