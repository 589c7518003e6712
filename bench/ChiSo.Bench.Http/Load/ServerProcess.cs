using System.Diagnostics;

namespace ChiSo.Bench.Http.Load;

/// <summary>
/// A server the run started as a child process (ChiSo.Web.dll or this program in <c>bare</c> mode): waits until it
/// answers, reads its CPU time and peak memory, and stops it — only this process and its children, by id.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private string? _countMarker;
    private int _counted;
    private List<string>? _captured;

    private ServerProcess(string name, Process process, string baseUrl)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
    }

    public string Name { get; }

    public string BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>How many output lines so far contained the marker given to <see cref="CountLinesContaining"/> (e.g. EF Core's "Executed DbCommand").</summary>
    public int CountedLines => Volatile.Read(ref _counted);

    public void CountLinesContaining(string marker) => _countMarker = marker;

    /// <summary>Keeps every output line from now until <see cref="StopCapture"/> (what a logging server said about one request).</summary>
    public void StartCapture()
    {
        lock (_output)
        {
            _captured = [];
        }
    }

    public IReadOnlyList<string> StopCapture()
    {
        lock (_output)
        {
            var lines = _captured ?? [];
            _captured = null;
            return lines;
        }
    }

    public static async Task<ServerProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, string baseUrl, string healthPath, TimeSpan timeout,
        IReadOnlyDictionary<string, string> healthHeaders)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}.");
        var server = new ServerProcess(name, process, baseUrl);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(healthPath, timeout, healthHeaders);
        return server;
    }

    /// <summary>User + system CPU time the server has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Peak resident memory (VmHWM) since the server started.</summary>
    public long PeakMemoryBytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        var line = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (_countMarker is { } marker && line.Contains(marker, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _counted);
        }

        lock (_output)
        {
            _captured?.Add(line);
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveAt(0);
            }
        }
    }

    /// <summary>Until the path answers 200: for ChiSo a results call, so the demo is seeded and the token exists.</summary>
    private async Task WaitUntilHealthyAsync(string healthPath, TimeSpan timeout, IReadOnlyDictionary<string, string> headers)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(BaseUrl + healthPath);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy seeding
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} did not answer {healthPath} within {timeout.TotalSeconds:0} s:\n{Output()}");
    }

    public string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(40));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
