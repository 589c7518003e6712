using ChiSo.Bench.Http;
using ChiSo.Bench.Http.Bare;
using ChiSo.Bench.Http.Import;

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
var options = BenchOptions.Parse(importOnly ? args[1..] : args);
var ok = true;
var providers = new List<string>();
if (!options.SkipSqlite)
{
    providers.Add("sqlite");
}

var postgres = Environment.GetEnvironmentVariable("CHISO_BENCH_POSTGRES");
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
