using ChiSo.Data;
using ChiSo.Data.Backup;

namespace ChiSo.Web.Cli;

/// <summary>
/// Maintenance commands run as <c>dotnet run --project src/ChiSo.Web -- db …</c> instead of serving.
/// </summary>
internal static class DbCommands
{
    public static bool TryRun(string[] args, TextWriter output)
    {
        if (args is not ["db", ..])
        {
            return false;
        }

        switch (args)
        {
            case ["db", "script", var provider]:
                output.WriteLine(SchemaScript.Generate(DatabaseSettings.Parse(provider)));
                return true;
            case ["db", "backup", var file, ..]:
                DatabaseBackup.BackupAsync(Settings(args), file).GetAwaiter().GetResult();
                output.WriteLine($"Đã sao lưu vào / Backed up to {Path.GetFullPath(file)}");
                return true;
            case ["db", "restore", var file, ..]:
                DatabaseBackup.RestoreAsync(Settings(args), file).GetAwaiter().GetResult();
                output.WriteLine($"Đã khôi phục từ / Restored from {Path.GetFullPath(file)}");
                return true;
            default:
                output.WriteLine("Usage: db script sqlite|postgres | db backup FILE | db restore FILE");
                return true;
        }
    }

    /// <summary>The same settings the app would use: appsettings.json, environment variables, then --key=value arguments.</summary>
    private static DatabaseSettings Settings(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(3).ToArray())
            .Build();
        return DatabaseSettings.FromConfiguration(configuration);
    }
}
