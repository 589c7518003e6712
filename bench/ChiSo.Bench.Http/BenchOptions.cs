using System.Globalization;

namespace ChiSo.Bench.Http;

/// <summary>Command-line options of a run; every one has a default so the plain command is the documented one.</summary>
internal sealed record BenchOptions(int Seconds, IReadOnlyList<int> Clients, IReadOnlyList<string> Only, int ExtraYears, bool SkipSqlite, bool Verbose = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var seconds = 10;
        IReadOnlyList<int> clients = [1, 8, 32];
        IReadOnlyList<string> only = [];
        var years = 0;
        var skipSqlite = false;
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds":
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--clients":
                    clients = args[++i].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
                    break;
                case "--only":
                    only = args[++i].Split(',');
                    break;
                case "--years":
                    years = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--postgres-only":
                    skipSqlite = true;
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --seconds N, --clients 1,8,32, --only results,profile,page,auth,public,public-fresh,public-page, --years N, --postgres-only, --verbose");
            }
        }

        return new BenchOptions(seconds, clients, only, years, skipSqlite, verbose);
    }

    public bool Runs(string endpoint) => Only.Count == 0 || Only.Contains(endpoint, StringComparer.OrdinalIgnoreCase);
}
