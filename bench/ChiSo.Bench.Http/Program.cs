using ChiSo.Bench.Http;
using ChiSo.Bench.Http.Bare;

// `bare <provider> <connection> <url>`: the bare server, started by the run as a child process.
if (args.Length == 4 && args[0] == "bare")
{
    await BareServer.RunAsync(args[1], args[2], args[3]);
    return 0;
}

var options = BenchOptions.Parse(args);
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
        ok &= await new BenchRun(options, provider, connection, Console.Out).RunAsync();
    }
    finally
    {
        await drop();
    }
}

return ok ? 0 : 1;
