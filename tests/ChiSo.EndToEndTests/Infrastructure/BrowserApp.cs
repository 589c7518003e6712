using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a free loopback port, on a fresh demo database, and Debian's Chromium driven by
/// Playwright. One per test class; each test opens its own browser context. A missing Chromium fails the tests
/// (install the Debian package <c>chromium</c>); only an explicit opt-out outside CI skips them (<see cref="BrowserTests"/>).
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = BrowserTests.ChromiumPath;

    private IPlaywright? _playwright;

    public BrowserApp()
        : this(DatabaseProvider.Sqlite)
    {
    }

    private BrowserApp(DatabaseProvider provider) => Provider = provider;

    /// <summary>An app with services of its own (another clock, say), for a fixture that derives from this one.</summary>
    protected BrowserApp(DatabaseProvider provider, Action<IServiceCollection> services)
        : this(provider) => _services = services;

    private readonly Action<IServiceCollection>? _services;

    /// <summary>An app on another database, for a test that runs once per configured database.</summary>
    public static BrowserApp On(DatabaseProvider provider) => new(provider);

    public DatabaseProvider Provider { get; }

    public ChiSoWebFactory App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (BrowserTests.OptedOut)
        {
            return; // Every test is reported as skipped, with the reason; nothing to start.
        }

        BrowserTests.EnsureChromium();

        App = await ChiSoWebFactory.CreateAsync(Provider, demo: true, services: _services);
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network: stop Chromium's background connections.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (cookies, storage) with a viewport, Vietnamese locale and page-error capture.</summary>
    public async Task<BrowserPage> OpenAsync(string test, int width = 1366, int height = 768, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            AcceptDownloads = true,
            JavaScriptEnabled = javaScript,
        });
        // Chromium also logs CSP violations to the console; this makes sure each one is an error the test sees.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));");
        var page = await context.NewPageAsync();
        return new BrowserPage(page, test);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
