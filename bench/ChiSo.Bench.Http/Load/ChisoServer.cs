namespace ChiSo.Bench.Http.Load;

/// <summary>ChiSo started for a PostgreSQL bench: Release build, Production, the demo seeded on first start, the bench's admin token, no rate limit.</summary>
internal static class ChisoServer
{
    public static async Task<ServerProcess> StartAsync(string chisoDll, string root, string url, string connectionString, bool logCommands)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Default"] = connectionString,
            ["Database__Provider"] = "postgres",
            ["ChiSo__SeedDemo"] = "true",
            ["CHISO_BOOTSTRAP_API_TOKEN"] = BenchRun.Token,
            // The bench is one client address: the limiter must not be what is measured.
            ["RateLimits__ApiPerMinute"] = "1000000000",
            ["RateLimits__LoginPerMinute"] = "1000",
            ["DOTNET_gcServer"] = "0",
        };
        if (logCommands)
        {
            environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Transaction"] = "Debug";
            environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Query"] = "Debug";
        }

        var server = await ServerProcess.StartAsync(logCommands ? "ChiSo (logging)" : "ChiSo", "dotnet", [chisoDll, "--urls", url], Path.Combine(root, "src", "ChiSo.Web"),
            environment, url, "/api/v1/frameworks/papi/results/2024", TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["Authorization"] = "Bearer " + BenchRun.Token });
        if (logCommands)
        {
            server.CountLinesContaining("Executed DbCommand");
        }

        return server;
    }

    /// <summary>The ChiSo.Web.dll of the configuration the bench was built in, and that configuration's name.</summary>
    public static (string Dll, string Configuration) Dll(string root)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return (Path.Combine(root, "src", "ChiSo.Web", "bin", configuration, "net10.0", "ChiSo.Web.dll"), configuration);
    }
}
