using ChiSo.Bench.Http;
using ChiSo.Bench.Http.Bare;
using ChiSo.Bench.Http.Import;
using ChiSo.Bench.Http.Reports;
using ChiSo.Bench.Http.Rollup;

// `bare <provider> <connection> <url>`: the bare server, started by the run as a child process.
if (args.Length == 4 && args[0] == "bare")
{
    await BareServer.RunAsync(args[1], args[2], args[3]);
    return 0;
}

// `import-once <provider> <connection> <file>`: one measured import, started by `import` as a child process.
if (args.Length == 4 && args[0] == "import-once")
{
    return await ImportBench.OnceAsync(args[1], args[2], args[3]);
}

var importOnly = args.Length > 0 && args[0] == "import";
var postgres = Environment.GetEnvironmentVariable("CHISO_BENCH_POSTGRES");

// `reports [--seconds N] [--clients 8,32]`: 4,500 units × 30 tasks filing reports, PostgreSQL only (its own defaults first, so options override them).
if (args.Length > 0 && args[0] == "reports")
{
    if (string.IsNullOrWhiteSpace(postgres))
    {
        Console.Error.WriteLine("reports runs on PostgreSQL: set CHISO_BENCH_POSTGRES to a connection string of a server where it may create and drop a database.");
        return 2;
    }

    var reportOptions = BenchOptions.Parse(["--seconds", "15", "--clients", "8,32", .. args[1..]]);
    var (reportsDb, dropReports) = await BenchRun.CreateDatabaseAsync("postgres", postgres);
    try
    {
        return await new ReportsBench(reportOptions, reportsDb, Console.Out).RunAsync() ? 0 : 1;
    }
    finally
    {
        await dropReports();
    }
}

// `rollup`: the national roll-up of one period (4,500 units × 30 tasks), PostgreSQL only.
if (args.Length > 0 && args[0] == "rollup")
{
    if (string.IsNullOrWhiteSpace(postgres))
    {
        Console.Error.WriteLine("rollup runs on PostgreSQL: set CHISO_BENCH_POSTGRES to a connection string of a server where it may create and drop a database.");
        return 2;
    }

    var (rollupDb, dropRollup) = await BenchRun.CreateDatabaseAsync("postgres", postgres);
    try
    {
        return await new RollupBench(rollupDb, Console.Out).RunAsync() ? 0 : 1;
    }
    finally
    {
        await dropRollup();
    }
}

var options = BenchOptions.Parse(importOnly ? args[1..] : args);
var ok = true;
var providers = new List<string>();
if (!options.SkipSqlite)
{
    providers.Add("sqlite");
}

if (!string.IsNullOrWhiteSpace(postgres))
{
    providers.Add("postgres");
}

foreach (var provider in providers)
{
    var (connection, drop) = await BenchRun.CreateDatabaseAsync(provider, postgres);
    try
    {
        ok &= importOnly
            ? await ImportBench.RunAsync(provider, connection, Console.Out)
            : await new BenchRun(options, provider, connection, Console.Out).RunAsync();
    }
    finally
    {
        await drop();
    }
}

return ok ? 0 : 1;
