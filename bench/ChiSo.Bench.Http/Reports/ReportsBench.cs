using System.Globalization;
using ChiSo.Bench.Http.Load;
using ChiSo.Data;
using Npgsql;

namespace ChiSo.Bench.Http.Reports;

/// <summary>
/// <c>reports</c>: 4,500 units × 30 tasks filing their reports for one period, on PostgreSQL. ChiSo (Release,
/// Production, demo seeded) starts on a fresh database; the workload is set up through ChiSo's services on that same
/// database (<see cref="ReportsSetup"/>: units, a 30-task plan issued so its 135,030 obligations are written, a focal
/// point and token per unit); the bare server starts on it too. Both file a few reports and the effects are compared
/// (<see cref="ReportEffects"/>); ChiSo's queries per step are counted from a third process logging EF Core's commands;
/// then each client count drives ChiSo and the bare server in turn for a bounded time, each (unit, task) filed once
/// across the whole run, and the tables are checked again at the end: every filing made is there, nothing else.
/// </summary>
internal sealed class ReportsBench(BenchOptions options, string connectionString, TextWriter report)
{
    private const string ChisoApplication = "chiso-bench-chiso";
    private const string BareApplication = "chiso-bench-bare";
    private const int CheckFilingsPerServer = 6;

    public async Task<bool> RunAsync()
    {
        var root = BenchRun.RepositoryRoot();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var chisoDll = Path.Combine(root, "src", "ChiSo.Web", "bin", configuration, "net10.0", "ChiSo.Web.dll");
        if (!string.Equals(configuration, "Release", StringComparison.Ordinal))
        {
            report.WriteLine($"warning: built in {configuration}; run with -c Release for numbers worth keeping");
        }

        var chisoUrl = $"http://127.0.0.1:{BenchRun.FreePort()}";
        report.WriteLine($"## postgres: starting ChiSo ({configuration}, Production, demo seeded on first start) …");
        await using var chiso = await StartChisoAsync(chisoDll, root, chisoUrl, ChisoApplication, logCommands: false);
        var workload = await ReportsSetup.RunAsync(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), accountWorkers: 4, report);

        var bareUrl = $"http://127.0.0.1:{BenchRun.FreePort()}";
        await using var bare = await ServerProcess.StartAsync("bare", "dotnet",
            [typeof(ReportsBench).Assembly.Location, "bare", "postgres", WithApplication(BareApplication), bareUrl], root,
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" }, bareUrl, "/health", TimeSpan.FromMinutes(1), new Dictionary<string, string>());

        await using var database = NpgsqlDataSource.Create(connectionString);
        // 135,030 obligations were just written: autovacuum analyses the table within a minute or so, and until then the
        // planner has no statistics for it (a first run measured ChiSo's database CPU at 36 ms a request, then 6). Both
        // servers are measured on settled statistics.
        await using (var analyse = database.CreateCommand("ANALYZE"))
        {
            await analyse.ExecuteNonQueryAsync();
        }

        // Two units' first tasks for the comparison and the query count; everything else goes to the load runs.
        var first = workload.Filings[0].UnitCode;
        var second = workload.Filings.First(f => f.UnitCode != first).UnitCode;
        var check = workload.Filings.Where(f => f.UnitCode == first || f.UnitCode == second).OrderBy(f => f.UnitCode, StringComparer.Ordinal)
            .ThenBy(f => f.TaskCode, StringComparer.Ordinal).ToList();
        var forChiso = check.Where((_, i) => i % 2 == 0).Take(CheckFilingsPerServer).ToList();
        var forBare = check.Where((_, i) => i % 2 == 1).Take(CheckFilingsPerServer).ToList();
        var counted = check.Except(forChiso).Except(forBare).Take(2).ToList();
        var queue = new FilingQueue(workload.Filings.Except(check).ToList());
        if (!await ReportEffects.SameAsync(chiso.BaseUrl, bare.BaseUrl, workload.PlanId, workload.Period, forChiso, forBare, database, report))
        {
            return false;
        }

        var queries = await CountQueriesAsync(chisoDll, root, workload, counted[0], counted[1]);
        var start = await TableCounts.ReadAsync(database);

        // Warm-up, then the measured cells, ChiSo and bare in turn so both see the same machine.
        await ReportDriver.RunAsync(chiso.BaseUrl, workload.PlanId, workload.Period, queue, 8, TimeSpan.FromSeconds(3));
        await ReportDriver.RunAsync(bare.BaseUrl, workload.PlanId, workload.Period, queue, 8, TimeSpan.FromSeconds(3));
        var rows = new List<string>();
        var ok = true;
        foreach (var clients in options.Clients)
        {
            var c = await MeasureAsync(chiso, ChisoApplication, database, workload, queue, clients);
            var b = await MeasureAsync(bare, BareApplication, database, workload, queue, clients);
            ok &= c.Result.Failed == 0 && b.Result.Failed == 0;
            rows.AddRange(Rows(clients, c, b));
        }

        var filed = queue.Taken;
        var end = (await TableCounts.ReadAsync(database)).Minus(start);
        var intact = end.Fits(filed);
        report.WriteLine(intact
            ? $"all {filed:N0} filings of the load runs are in the tables: {end}"
            : $"LOST OR EXTRA ROWS: {filed:N0} filings handed out, the tables gained {end}");
        ok &= intact;

        report.WriteLine();
        report.WriteLine($"### postgres — reports, {options.Seconds} s per cell, {workload.Filings.Count:N0} (unit, task) pairs owed, {filed:N0} filed in the load runs " +
            $"({queue.Left:N0} left)");
        report.WriteLine();
        foreach (var line in workload.Timings)
        {
            report.WriteLine("- " + line);
        }

        report.WriteLine($"- ChiSo's database commands (EF Core's log): {queries}; the bare server makes 8 round trips a step by construction");
        report.WriteLine();
        report.WriteLine("| step | clients | ChiSo req/s | bare req/s | ratio | ChiSo p50 / p95 ms | bare p50 / p95 ms | p95 ratio | ChiSo CPU ms/req | bare CPU ms/req | DB CPU ms/req ChiSo / bare |");
        report.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            report.WriteLine(row);
        }

        report.WriteLine();
        report.WriteLine($"Peak memory (VmHWM): ChiSo {chiso.PeakMemoryBytes() / 1048576.0:0} MB, bare {bare.PeakMemoryBytes() / 1048576.0:0} MB");
        return ok;
    }

    private sealed record Cell(DriveResult Result, double AppCpuMsPerRequest, double DbCpuMsPerRequest);

    private async Task<Cell> MeasureAsync(ServerProcess server, string application, NpgsqlDataSource database, ReportsWorkload workload, FilingQueue queue, int clients)
    {
        var appBefore = server.CpuTime();
        var dbBefore = await PostgresCpu.ReadAsync(database, application);
        var result = await ReportDriver.RunAsync(server.BaseUrl, workload.PlanId, workload.Period, queue, clients, TimeSpan.FromSeconds(options.Seconds));
        var requests = Math.Max(1, result.PutMs.Length + result.SubmitMs.Length);
        var app = (server.CpuTime() - appBefore).TotalMilliseconds / requests;
        var db = ((await PostgresCpu.ReadAsync(database, application)) - dbBefore).TotalMilliseconds / requests;
        report.WriteLine($"{server.Name} at {clients}: {result.Filed} filed, {result.Failed} failed in {result.Seconds:0.0} s; driver CPU {result.DriverCpu.TotalMilliseconds / requests:0.00} ms/req");
        if (result.FirstFailure is { } failure)
        {
            report.WriteLine("  first failure: " + (failure.Length > 600 ? failure[..600] + "…" : failure));
        }

        return new Cell(result, app, db);
    }

    private static IEnumerable<string> Rows(int clients, Cell chiso, Cell bare)
    {
        string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        string Row(string step, double cRate, double bRate, double[] c, double[] b, string cpu) =>
            $"| {step} | {clients} | {F(cRate, "0")} | {F(bRate, "0")} | {F(cRate / bRate, "0.00")}× " +
            $"| {F(ReportDriver.Percentile(c, 50))} / {F(ReportDriver.Percentile(c, 95))} | {F(ReportDriver.Percentile(b, 50))} / {F(ReportDriver.Percentile(b, 95))} " +
            $"| {F(ReportDriver.Percentile(c, 95) / ReportDriver.Percentile(b, 95), "0.00")}× {cpu}";
        var cpu = $"| {F(chiso.AppCpuMsPerRequest, "0.00")} | {F(bare.AppCpuMsPerRequest, "0.00")} | {F(chiso.DbCpuMsPerRequest, "0.00")} / {F(bare.DbCpuMsPerRequest, "0.00")} |";
        const string none = "| | | |";
        yield return Row("PUT + submit", chiso.Result.RequestsPerSecond, bare.Result.RequestsPerSecond, chiso.Result.AllMs, bare.Result.AllMs, cpu);
        yield return Row("  PUT (draft)", chiso.Result.FilingsPerSecond, bare.Result.FilingsPerSecond, chiso.Result.PutMs, bare.Result.PutMs, none);
        yield return Row("  POST submit", chiso.Result.FilingsPerSecond, bare.Result.FilingsPerSecond, chiso.Result.SubmitMs, bare.Result.SubmitMs, none);
    }

    /// <summary>
    /// A second ChiSo process on the same database with EF Core's command log on: one filing, the commands counted per
    /// step. Kept out of the measured server, whose log stays at the production level.
    /// </summary>
    private async Task<string> CountQueriesAsync(string chisoDll, string root, ReportsWorkload workload, Filing warmUp, Filing filing)
    {
        var url = $"http://127.0.0.1:{BenchRun.FreePort()}";
        await using var logging = await StartChisoAsync(chisoDll, root, url, "chiso-bench-logging", logCommands: true);
        using var client = ReportDriver.Client(url, 1);
        // A first filing compiles the queries; the counted one should find every query in EF's cache.
        await ReportDriver.FileAsync(client, workload.PlanId, workload.Period, warmUp, [], []);
        var path = ReportDriver.Url(workload.PlanId, workload.Period, filing);
        await Task.Delay(500);
        var before = logging.CountedLines;
        logging.StartCapture();
        var put = await ReportDriver.SendAsync(client, HttpMethod.Put, path, ReportDriver.DraftBody, filing.Token);
        await Task.Delay(500);
        var afterPut = logging.CountedLines;
        var putLog = logging.StopCapture();
        logging.StartCapture();
        var submit = await ReportDriver.SendAsync(client, HttpMethod.Post, path + "/submit", ReportDriver.SubmitBody, filing.Token);
        await Task.Delay(500);
        var afterSubmit = logging.CountedLines;
        var submitLog = logging.StopCapture();
        if (options.Verbose)
        {
            File.WriteAllLines(Path.Combine(Path.GetTempPath(), "chiso-bench-reports-put.log"), putLog);
            File.WriteAllLines(Path.Combine(Path.GetTempPath(), "chiso-bench-reports-submit.log"), submitLog);
        }

        if (put.Status != System.Net.HttpStatusCode.OK || submit.Status != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The counted filing failed: {(int)put.Status}, {(int)submit.Status}");
        }

        // Inside a unit of work's transaction EF also sets and releases a savepoint around each save: statements, not commands.
        static int Savepoints(IReadOnlyList<string> log) =>
            log.Count(l => l.Contains("Created transaction savepoint", StringComparison.Ordinal) || l.Contains("Released transaction savepoint", StringComparison.Ordinal));
        static int Compiled(IReadOnlyList<string> log) => log.Count(l => l.Contains("Compiling query expression", StringComparison.Ordinal));
        return $"PUT {afterPut - before}, submit {afterSubmit - afterPut} (and, inside each step's transaction, {Savepoints(putLog)} and {Savepoints(submitLog)} " +
            $"savepoint statements besides BEGIN and COMMIT); queries compiled again on the second filing: {Compiled(putLog)} and {Compiled(submitLog)}";
    }

    private Task<ServerProcess> StartChisoAsync(string chisoDll, string root, string url, string application, bool logCommands) =>
        ChisoServer.StartAsync(chisoDll, root, url, WithApplication(application), logCommands);

    private string WithApplication(string application) => new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = application }.ToString();
}
