using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChiSo.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>
/// The port is set the ordinary ways. These start the built app for real, as a person would, and wait for
/// /health/live on the address they asked for.
/// </summary>
public sealed class ListenAddressTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DotnetRun_AspNetCoreUrls_ListensThere()
    {
        var port = FreePort();
        var web = Path.Combine(RepositoryRoot(), "src", "ChiSo.Web");
        // dotnet run applies the launch profile: it must not override ASPNETCORE_URLS.
        await using var app = await RunningApp.StartAsync(["run", "--no-build", "-c", Configuration(), "--project", web],
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(HttpStatusCode.OK, await app.WaitForLiveAsync(port));
    }

    [Fact]
    public async Task BuiltApp_UrlsArgument_ListensThere()
    {
        var port = FreePort();
        await using var app = await RunningApp.StartAsync([WebDll(), "--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, await app.WaitForLiveAsync(port));
    }

    [Fact]
    public async Task BuiltApp_UrlsSetting_ListensThere()
    {
        var port = FreePort();
        await using var app = await RunningApp.StartAsync([WebDll()], new Dictionary<string, string> { ["Urls"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(HttpStatusCode.OK, await app.WaitForLiveAsync(port));
    }

    [Fact]
    public async Task BuiltApp_ApiBodyOverKestrelsLimit_Is413ProblemJson()
    {
        var port = FreePort();
        await using var app = await RunningApp.StartAsync([WebDll(), "--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["CHISO_BOOTSTRAP_ADMIN_PASSWORD"] = "Admin-password-2026",
            ["CHISO_BOOTSTRAP_API_TOKEN"] = "listen-test-token-0123456789abcdef",
        });
        Assert.Equal(HttpStatusCode.OK, await app.WaitForLiveAsync(port));
        // A raw connection: Kestrel answers as soon as it sees the announced length and stops reading, which an
        // HttpClient still sending the body reports as a broken pipe instead of the answer.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var head = "POST /api/v1/frameworks/papi/results/2024 HTTP/1.1\r\n" +
            $"Host: 127.0.0.1:{port}\r\nAuthorization: Bearer listen-test-token-0123456789abcdef\r\n" +
            $"Content-Type: text/csv\r\nContent-Length: {30 * 1024 * 1024}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[64 * 1024]);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("20 MB", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], DefaultUrls.Default)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5999" }, "http://127.0.0.1:5999")]
    [InlineData(new[] { "--Urls=http://0.0.0.0:8080" }, "http://0.0.0.0:8080")]
    [InlineData(new[] { "--http_ports=8081" }, null)]
    public void DefaultUrls_OnlyWhenNoneIsGiven(string[] args, string? urls)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.UseDefaultUrlsUnlessConfigured();

        Assert.Equal(urls, builder.Configuration["urls"]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChiSo.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChiSo.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The configuration these tests were built in, so the app is the one built with them.</summary>
    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string WebDll() => Path.Combine(RepositoryRoot(), "src", "ChiSo.Web", "bin", Configuration(), "net10.0", "ChiSo.Web.dll");

    /// <summary>The app as a child process on a throw-away SQLite file, killed with its children at the end.</summary>
    private sealed class RunningApp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;
        private readonly System.Text.StringBuilder _output = new();

        private RunningApp(Process process, string folder)
        {
            _process = process;
            _folder = folder;
        }

        public static Task<RunningApp> StartAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
        {
            var folder = Directory.CreateTempSubdirectory("chiso-listen-").FullName;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Remove("ASPNETCORE_URLS");
            start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "chiso.db")}";
            start.Environment["Database__Provider"] = "sqlite";
            start.Environment["ChiSo__SeedDemo"] = "false";
            start.Environment["CHISO_DATA_PROTECTION_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var app = new RunningApp(Process.Start(start)!, folder);
            app._process.OutputDataReceived += (_, e) => app.Record(e.Data);
            app._process.ErrorDataReceived += (_, e) => app.Record(e.Data);
            app._process.BeginOutputReadLine();
            app._process.BeginErrorReadLine();
            return Task.FromResult(app);
        }

        public async Task<HttpStatusCode> WaitForLiveAsync(int port)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < StartTimeout)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The app exited ({_process.ExitCode}): {Output}");
                }

                try
                {
                    return (await http.GetAsync($"http://127.0.0.1:{port}/health/live")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }

            throw new TimeoutException($"No answer on port {port} after {StartTimeout}: {Output}");
        }

        private string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        private void Record(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
