using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ChiSo.Bench.Http.Reports;

/// <summary>The filings not yet made, handed out once each to whichever client asks next, across every run.</summary>
internal sealed class FilingQueue(IReadOnlyList<Filing> filings)
{
    private int _next = -1;

    public int Taken => Math.Min(Volatile.Read(ref _next) + 1, filings.Count);

    public int Left => filings.Count - Taken;

    public bool TryTake(out Filing filing)
    {
        var at = Interlocked.Increment(ref _next);
        filing = at < filings.Count ? filings[at] : null!;
        return at < filings.Count;
    }
}

/// <summary>What one load run did: filings completed (draft saved, then submitted), failures, and each step's latencies.</summary>
internal sealed record DriveResult(int Filed, int Failed, double Seconds, double[] PutMs, double[] SubmitMs, string? FirstFailure, TimeSpan DriverCpu)
{
    public double RequestsPerSecond => (PutMs.Length + SubmitMs.Length) / Seconds;

    public double FilingsPerSecond => Filed / Seconds;

    public double[] AllMs => [.. PutMs, .. SubmitMs];
}

/// <summary>
/// The load driver: N clients over loopback, each filing one report after another — <c>PUT …/reports/{period}/{unit}/{task}</c>
/// with the draft (revision 0), then <c>POST …/submit</c> with the revision that answer gave — each (unit, task) once,
/// with that unit's focal-point token, until the time is up. Every answer is checked (200, the state and revision
/// expected), so a server that answers quickly but wrongly does not score. A C# driver rather than wrk: a filing is two
/// dependent requests with a per-unit token, which wrk's Lua cannot pair on one connection; at a few hundred
/// requests a second HttpClient's cost on the shared cores is small, and the run reports it (driver CPU).
/// </summary>
internal static class ReportDriver
{
    /// <summary>A realistic report: done within the task's time, a figure, a document as evidence, difficulties and proposals, in NFC Vietnamese.</summary>
    public static readonly byte[] DraftBody = Encoding.UTF8.GetBytes("""
        {"status":"done-on-time","completedOn":"2026-11-20","achievedValue":100,"result":"Đơn vị đã rà soát, công khai đầy đủ nội dung trên trang thông tin điện tử và tại trụ sở; tổ chức 02 buổi đối thoại với người dân.","evidence":[{"number":"25/BC-ĐV","date":"2026-11-20","issuer":"Thủ trưởng đơn vị","title":"Báo cáo kết quả thực hiện năm 2026"}],"difficulties":"Kinh phí cho chuyển đổi số còn hạn chế.","proposals":"Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ.","revision":0}
        """.Trim());

    public static readonly byte[] SubmitBody = Encoding.UTF8.GetBytes("""{"revision":1}""");

    public static HttpClient Client(string baseUrl, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };

    public static string Url(int planId, string period, Filing filing) => $"/api/v1/plans/{planId}/reports/{period}/{filing.UnitCode}/{filing.TaskCode}";

    public static async Task<DriveResult> RunAsync(string baseUrl, int planId, string period, FilingQueue queue, int clients, TimeSpan duration)
    {
        using var client = Client(baseUrl, clients);
        var puts = new List<double>[clients];
        var submits = new List<double>[clients];
        var filed = 0;
        var failed = 0;
        string? firstFailure = null;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var deadline = duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            puts[c] = [];
            submits[c] = [];
            while (watch.Elapsed < deadline && queue.TryTake(out var filing))
            {
                var (ok, failure) = await FileAsync(client, planId, period, filing, puts[c], submits[c]);
                if (ok)
                {
                    Interlocked.Increment(ref filed);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        return new DriveResult(filed, failed, seconds, puts.SelectMany(p => p).ToArray(), submits.SelectMany(s => s).ToArray(), firstFailure,
            Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    /// <summary>One filing: the draft, then its submission. Latencies are kept for the requests that were answered.</summary>
    public static async Task<(bool Ok, string? Failure)> FileAsync(HttpClient client, int planId, string period, Filing filing, List<double> puts, List<double> submits)
    {
        var url = Url(planId, period, filing);
        var (putStatus, putBody, putMs) = await SendAsync(client, HttpMethod.Put, url, DraftBody, filing.Token);
        puts.Add(putMs);
        if (putStatus != HttpStatusCode.OK || !Has(putBody, "\"state\":\"draft\"") || !Has(putBody, "\"revision\":1,"))
        {
            return (false, $"PUT {url}: {(int)putStatus} {Encoding.UTF8.GetString(putBody)}");
        }

        var (status, body, ms) = await SendAsync(client, HttpMethod.Post, url + "/submit", SubmitBody, filing.Token);
        submits.Add(ms);
        return status == HttpStatusCode.OK && Has(body, "\"state\":\"submitted\"") && Has(body, "\"revision\":2,")
            ? (true, null)
            : (false, $"POST {url}/submit: {(int)status} {Encoding.UTF8.GetString(body)}");
    }

    public static async Task<(HttpStatusCode Status, byte[] Body, double Ms)> SendAsync(HttpClient client, HttpMethod method, string url, byte[] body, string token)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, bytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static bool Has(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
