using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Infrastructure;

/// <summary>
/// Chromium DevTools' "Slow 3G" on one page, through the DevTools protocol, and what the page then fetches: every
/// request the browser sends to the network with the bytes it received for it (headers included, as
/// <c>Network.loadingFinished</c> counts them). A response taken from the browser's cache sends nothing and is not
/// counted.
/// </summary>
public sealed class SlowNetwork
{
    /// <summary>DevTools' and Puppeteer's preset: 500 kbit/s × 0.8 each way, 400 ms × 5 of latency per request.</summary>
    public const int LatencyMs = 2000;
    public const int BytesPerSecond = 50_000;

    private readonly ICDPSession _session;
    private readonly Dictionary<string, string> _urls = [];
    private readonly HashSet<string> _fromCache = [];
    private readonly List<Fetch> _fetches = [];
    private readonly Lock _lock = new();

    private SlowNetwork(ICDPSession session) => _session = session;

    public sealed record Fetch(string Url, long Bytes);

    /// <summary>Throttles <paramref name="page"/> from now on and starts counting what it fetches.</summary>
    public static async Task<SlowNetwork> AttachAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        var network = new SlowNetwork(session);
        session.Event("Network.requestWillBeSent").OnEvent += (_, e) => network.OnRequest(e);
        session.Event("Network.requestServedFromCache").OnEvent += (_, e) => network.OnFromCache(e);
        session.Event("Network.responseReceived").OnEvent += (_, e) => network.OnResponse(e);
        session.Event("Network.loadingFinished").OnEvent += (_, e) => network.OnFinished(e);
        await session.SendAsync("Network.enable");
        await session.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = LatencyMs,
            ["downloadThroughput"] = BytesPerSecond,
            ["uploadThroughput"] = BytesPerSecond,
        });
        return network;
    }

    /// <summary>What was fetched since the last call, and forgets it.</summary>
    public IReadOnlyList<Fetch> Take()
    {
        lock (_lock)
        {
            var fetches = _fetches.ToList();
            _fetches.Clear();
            return fetches;
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> and returns the milliseconds from the start of the navigation to the load
    /// event (the page's own Navigation Timing, so the harness's overhead is not counted).
    /// </summary>
    public static async Task<double> OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        var loaded = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventStart");
        // Anything the page still asks for after its load event counts for its weight too.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 60_000 });
        return loaded;
    }

    public static string Describe(IReadOnlyList<Fetch> fetches) => string.Join(Environment.NewLine, fetches.Select(f =>
        string.Create(CultureInfo.InvariantCulture, $"    {f.Bytes,8:N0} B  {new Uri(f.Url).PathAndQuery}")));

    private void OnRequest(JsonElement? e)
    {
        if (e is not { } json)
        {
            return;
        }

        lock (_lock)
        {
            _urls[json.GetProperty("requestId").GetString()!] = json.GetProperty("request").GetProperty("url").GetString()!;
        }
    }

    private void OnFromCache(JsonElement? e)
    {
        if (e is { } json)
        {
            lock (_lock)
            {
                _fromCache.Add(json.GetProperty("requestId").GetString()!);
            }
        }
    }

    private void OnResponse(JsonElement? e)
    {
        if (e is { } json && json.GetProperty("response") is var response
            && (Flag(response, "fromDiskCache") || Flag(response, "fromPrefetchCache") || Flag(response, "fromServiceWorker")))
        {
            lock (_lock)
            {
                _fromCache.Add(json.GetProperty("requestId").GetString()!);
            }
        }
    }

    private static bool Flag(JsonElement response, string name) =>
        response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private void OnFinished(JsonElement? e)
    {
        if (e is not { } json)
        {
            return;
        }

        var id = json.GetProperty("requestId").GetString()!;
        var bytes = (long)json.GetProperty("encodedDataLength").GetDouble();
        lock (_lock)
        {
            if (!_fromCache.Contains(id) && _urls.TryGetValue(id, out var url))
            {
                _fetches.Add(new Fetch(url, bytes));
            }
        }
    }
}
