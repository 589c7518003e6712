using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChiSo.Bench.Http.Load;
using ChiSo.Bench.Http.Public;
using Npgsql;

namespace ChiSo.Bench.Http;

/// <summary>
/// One measured endpoint: its path on both servers (<see cref="BarePath"/> null: ChiSo only — the pages, and the cost of
/// authentication alone); <c>{plan}</c> in a path is the demo's public plan. <see cref="Uncached"/>: the run checks that
/// ChiSo computes every answer (none comes from its output cache). <see cref="Figures"/>: the bare server answers a
/// subset of ChiSo's JSON (the public plan's figures), compared as such rather than byte for byte.
/// </summary>
internal sealed record Endpoint(string Name, string Path, string? BarePath, Access Access = Access.Bearer, bool Uncached = false, bool Figures = false);

/// <summary>What a request carries: the bench's API token, a sign-in cookie, or nothing (the public site).</summary>
internal enum Access
{
    Bearer,
    Cookie,
    Anonymous,
}

/// <summary>
/// One run on one database: ChiSo (Release, Production, demo data) and the bare server on the same database, both
/// as child processes; the bodies compared byte for byte; then each endpoint at each client count, ChiSo and bare
/// interleaved so both see the same machine.
/// </summary>
internal sealed class BenchRun(BenchOptions options, string provider, string connectionString, TextWriter report)
{
    public const string Token = "chiso-bench-token-0123456789abcdef0123456789";

    private readonly Endpoint[] _endpoints = EndpointsFor(options.ExtraYears > 0 ? ExtraYears.Family : "papi");

    /// <summary>
    /// PAPI 2024 (63 provinces, compared with 2023), Hà Nội's profile (a province with the whole demo history) as JSON
    /// and as the page, and "auth": one framework version from the cached catalogue, no query of its own — what
    /// authenticating a call costs.
    /// </summary>
    private static Endpoint[] EndpointsFor(string profileFamily) =>
    [
        new("results", "/api/v1/frameworks/papi/results/2024", "/api/v1/frameworks/papi/results/2024"),
        new("profile", $"/api/v1/units/01/profile?framework={profileFamily}&year=2024", $"/api/v1/units/01/profile?framework={profileFamily}&year=2024"),
        new("page", $"/units/01?framework={profileFamily}&year=2024", null, Access.Cookie),
        new("auth", "/api/v1/frameworks/papi-2021", null),
        // The public plan's open data as anyone gets it (ChiSo's output cache, 5 minutes); the same computed on every request
        // (a request carrying credentials is never answered from the output cache: what ChiSo does when the cache cannot
        // answer — the first visitor after 5 minutes or after a change); and the public plan page (cached), anonymous.
        new("public", "/cong-khai/ke-hoach/{plan}.json", "/cong-khai/ke-hoach/{plan}.json", Access.Anonymous, Figures: true),
        new("public-fresh", "/cong-khai/ke-hoach/{plan}.json", "/cong-khai/ke-hoach/{plan}.json", Access.Bearer, Uncached: true, Figures: true),
        new("public-page", "/cong-khai/ke-hoach/{plan}", null, Access.Anonymous),
    ];

    public async Task<bool> RunAsync()
    {
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var chisoDll = Path.Combine(root, "src", "ChiSo.Web", "bin", configuration, "net10.0", "ChiSo.Web.dll");
        if (!string.Equals(configuration, "Release", StringComparison.Ordinal))
        {
            report.WriteLine($"warning: built in {configuration}; run with -c Release for numbers worth keeping");
        }

        var chisoUrl = $"http://127.0.0.1:{FreePort()}";
        var bareUrl = $"http://127.0.0.1:{FreePort()}";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Default"] = connectionString,
            ["Database__Provider"] = provider,
            ["ChiSo__SeedDemo"] = "true",
            ["CHISO_BOOTSTRAP_API_TOKEN"] = Token,
            // The bench is one client address: the limiter must not be what is measured.
            ["RateLimits__ApiPerMinute"] = "1000000000",
            ["RateLimits__LoginPerMinute"] = "1000",
            ["DOTNET_gcServer"] = "0",
        };
        report.WriteLine($"## {provider}: starting ChiSo ({configuration}, Production, demo seeded on first start) …");
        await using var chiso = await ServerProcess.StartAsync("ChiSo", "dotnet", [chisoDll, "--urls", chisoUrl], Path.Combine(root, "src", "ChiSo.Web"),
            environment, chisoUrl, _endpoints[0].Path, TimeSpan.FromMinutes(5), BearerHeaders());
        if (options.ExtraYears > 0)
        {
            await ExtraYears.ImportAsync(chisoUrl, Token, options.ExtraYears, report);
        }

        await using var bare = await ServerProcess.StartAsync("bare", "dotnet",
            [typeof(BenchRun).Assembly.Location, "bare", provider, connectionString, bareUrl], root,
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" }, bareUrl, "/health", TimeSpan.FromMinutes(1), new Dictionary<string, string>());

        var cookie = options.Runs("page") ? await SignIn.CookieAsync(chisoUrl) : null;
        var plan = _endpoints.Any(e => e.Path.Contains("{plan}", StringComparison.Ordinal) && options.Runs(e.Name))
            ? await PublicPlan.FindAsync(chisoUrl, report)
            : null;
        var rows = new List<string>();
        var ok = true;
        foreach (var endpoint in _endpoints.Where(e => options.Runs(e.Name)).Select(e => plan is null ? e : e with
                 {
                     Path = e.Path.Replace("{plan}", plan, StringComparison.Ordinal),
                     BarePath = e.BarePath?.Replace("{plan}", plan, StringComparison.Ordinal),
                 }))
        {
            var headers = endpoint.Access switch
            {
                Access.Cookie => new Dictionary<string, string> { ["Cookie"] = cookie! },
                Access.Anonymous => [],
                _ => BearerHeaders(),
            };
            var same = endpoint.BarePath is null
                || (endpoint.Figures
                    ? await PublicPlan.SameFiguresAsync(chiso.BaseUrl + endpoint.Path, bare.BaseUrl + endpoint.BarePath, report)
                    : await SameBodiesAsync(chiso.BaseUrl + endpoint.Path, bare.BaseUrl + endpoint.BarePath, headers));
            if (!same || (endpoint.Uncached && !await NotCachedAsync(chiso.BaseUrl + endpoint.Path, headers)))
            {
                ok = false;
                continue;
            }

            await Wrk.RunAsync(chiso.BaseUrl + endpoint.Path, 8, TimeSpan.FromSeconds(3), headers);
            if (endpoint.BarePath is not null)
            {
                await Wrk.RunAsync(bare.BaseUrl + endpoint.BarePath, 8, TimeSpan.FromSeconds(3), headers);
            }

            foreach (var clients in options.Clients)
            {
                var (c, cCpu) = await MeasureAsync(chiso, chiso.BaseUrl + endpoint.Path, clients, headers);
                if (endpoint.BarePath is null)
                {
                    rows.Add(Row(endpoint.Name, clients, c, cCpu, null, 0));
                    continue;
                }

                var (b, bCpu) = await MeasureAsync(bare, bare.BaseUrl + endpoint.BarePath, clients, headers);
                rows.Add(Row(endpoint.Name, clients, c, cCpu, b, bCpu));
                ok &= c.BadStatus == 0 && b.BadStatus == 0;
            }
        }

        report.WriteLine();
        report.WriteLine($"### {provider} — {options.Seconds} s per cell, wrk 1 thread");
        report.WriteLine();
        report.WriteLine("| endpoint | clients | ChiSo req/s | bare req/s | ratio | ChiSo p50 / p95 ms | bare p50 / p95 ms | p95 ratio | ChiSo CPU ms/req | bare CPU ms/req |");
        report.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            report.WriteLine(row);
        }

        report.WriteLine();
        report.WriteLine($"Peak memory (VmHWM): ChiSo {chiso.PeakMemoryBytes() / 1048576.0:0} MB, bare {bare.PeakMemoryBytes() / 1048576.0:0} MB");
        return ok;
    }

    private Dictionary<string, string> BearerHeaders() => new() { ["Authorization"] = "Bearer " + Token };

    private async Task<(LoadResult Result, double CpuMsPerRequest)> MeasureAsync(ServerProcess server, string url, int clients,
        IReadOnlyDictionary<string, string> headers)
    {
        var before = server.CpuTime();
        var result = await Wrk.RunAsync(url, clients, TimeSpan.FromSeconds(options.Seconds), headers);
        var cpu = (server.CpuTime() - before).TotalMilliseconds / Math.Max(1, result.Requests);
        if (result.BadStatus > 0 || result.SocketErrors > 0)
        {
            report.WriteLine($"warning: {server.Name} {url} at {clients}: {result.BadStatus} non-2xx answers, {result.SocketErrors} socket errors");
        }

        return (result, cpu);
    }

    private static string Row(string name, int clients, LoadResult chiso, double chisoCpu, LoadResult? bare, double bareCpu)
    {
        string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        return bare is null
            ? $"| {name} | {clients} | {F(chiso.Throughput, "0")} | — | — | {F(chiso.P50Ms)} / {F(chiso.P95Ms)} | — | — | {F(chisoCpu, "0.00")} | — |"
            : $"| {name} | {clients} | {F(chiso.Throughput, "0")} | {F(bare.Throughput, "0")} | {F(chiso.Throughput / bare.Throughput, "0.00")}× " +
              $"| {F(chiso.P50Ms)} / {F(chiso.P95Ms)} | {F(bare.P50Ms)} / {F(bare.P95Ms)} | {F(chiso.P95Ms / bare.P95Ms, "0.00")}× " +
              $"| {F(chisoCpu, "0.00")} | {F(bareCpu, "0.00")} |";
    }

    /// <summary>An uncached cell is only that if ChiSo's output cache never answers it: a second request must not carry an <c>Age</c>.</summary>
    private async Task<bool> NotCachedAsync(string url, IReadOnlyDictionary<string, string> headers)
    {
        using var client = new HttpClient();
        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        var computed = first.IsSuccessStatusCode && second.IsSuccessStatusCode && first.Headers.Age is null && second.Headers.Age is null;
        report.WriteLine(computed
            ? $"computed on every request (no Age on a second answer): {new Uri(url).PathAndQuery}"
            : $"CACHED where it should not be: {new Uri(url).PathAndQuery} answered {(int)second.StatusCode} with Age {second.Headers.Age}");
        return computed;
    }

    /// <summary>The comparison is only fair if both servers did the same work: same status, same bytes.</summary>
    private async Task<bool> SameBodiesAsync(string chisoUrl, string bareUrl, IReadOnlyDictionary<string, string> headers)
    {
        using var client = new HttpClient();
        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        using var a = await client.GetAsync(chisoUrl);
        using var b = await client.GetAsync(bareUrl);
        var x = await a.Content.ReadAsByteArrayAsync();
        var y = await b.Content.ReadAsByteArrayAsync();
        if (a.StatusCode == HttpStatusCode.OK && b.StatusCode == HttpStatusCode.OK && x.AsSpan().SequenceEqual(y))
        {
            report.WriteLine($"same {x.Length:N0} bytes from both: {new Uri(chisoUrl).PathAndQuery}");
            return true;
        }

        // Today's ChiSo lists a unit's nodes in whatever order the database returns them (PostgreSQL: insertion order):
        // the same work and the same JSON value, so the run goes on, and says so.
        if (a.StatusCode == HttpStatusCode.OK && b.StatusCode == HttpStatusCode.OK
            && System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(x), System.Text.Json.Nodes.JsonNode.Parse(y)))
        {
            report.WriteLine($"same JSON value ({x.Length:N0} bytes) from both, object keys in another order: {new Uri(chisoUrl).PathAndQuery}");
            return true;
        }

        var at = 0;
        while (at < Math.Min(x.Length, y.Length) && x[at] == y[at])
        {
            at++;
        }

        string Around(byte[] body) => System.Text.Encoding.UTF8.GetString(body, Math.Max(0, at - 80), Math.Min(body.Length - Math.Max(0, at - 80), 240));
        report.WriteLine($"DIFFERENT answers for {new Uri(chisoUrl).PathAndQuery}: ChiSo {(int)a.StatusCode} {x.Length} bytes, bare {(int)b.StatusCode} {y.Length} bytes, first difference at byte {at}");
        report.WriteLine("  ChiSo: …" + Around(x));
        report.WriteLine("  bare:  …" + Around(y));
        return false;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChiSo.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the ChiSo repository (ChiSo.slnx not found above the program).");
    }

    /// <summary>A fresh SQLite file or PostgreSQL database for one run, removed afterwards.</summary>
    public static async Task<(string ConnectionString, Func<Task> Drop)> CreateDatabaseAsync(string provider, string? postgresAdmin)
    {
        if (provider == "sqlite")
        {
            var directory = Directory.CreateTempSubdirectory("chiso-bench-");
            var file = Path.Combine(directory.FullName, "chiso.db");
            return ($"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                directory.Delete(recursive: true);
                return Task.CompletedTask;
            });
        }

        var name = $"chiso_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(postgresAdmin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name };
        return (builder.ToString(), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        });
    }
}
