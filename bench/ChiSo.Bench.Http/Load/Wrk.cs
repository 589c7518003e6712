using System.Diagnostics;
using System.Globalization;

namespace ChiSo.Bench.Http.Load;

/// <summary>What one load run measured.</summary>
internal sealed record LoadResult(long Requests, double Seconds, double P50Ms, double P95Ms, long BadStatus, long SocketErrors)
{
    public double Throughput => Requests / Seconds;
}

/// <summary>
/// Debian's <c>wrk</c> as the load driver: one thread (the machine is small; the driver should take as little CPU
/// from the servers as it can), N connections each sending the next request when the last answer arrived.
/// p50/p95 come from wrk's own latency histogram through a small Lua <c>done</c> hook.
/// </summary>
internal static class Wrk
{
    private const string Script = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("BENCH %.0f %.0f %.0f %.0f %.0f %.0f\n", summary.requests, summary.duration,
            latency:percentile(50), latency:percentile(95), e.status, e.connect + e.read + e.write + e.timeout))
        end
        """;

    private static readonly Lazy<string> ScriptFile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"chiso-bench-{Environment.ProcessId}.lua");
        File.WriteAllText(path, Script);
        return path;
    });

    public static async Task<LoadResult> RunAsync(string url, int connections, TimeSpan duration, IReadOnlyDictionary<string, string> headers)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "30s", "-s", ScriptFile.Value })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in headers)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add($"{name}: {value}");
        }

        info.ArgumentList.Add(url);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no result for {url}:\n{output}\n{error}");
        var n = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new LoadResult((long)n[0], n[1] / 1e6, n[2] / 1e3, n[3] / 1e3, (long)n[4], (long)n[5]);
    }
}
