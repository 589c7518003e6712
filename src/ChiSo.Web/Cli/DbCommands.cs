using ChiSo.Data;
using ChiSo.Data.Backup;

namespace ChiSo.Web.Cli;

/// <summary>
/// Maintenance commands run as <c>dotnet run --project src/ChiSo.Web -- db …</c> instead of serving. A refusal or
/// failure is printed (Vietnamese / English) on standard error with exit code 1.
/// </summary>
internal static class DbCommands
{
    public const string Force = "--force";

    /// <summary>The exit code of a <c>db …</c> command; null when the arguments are not one (then the app serves).</summary>
    public static int? Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["db", ..])
        {
            return null;
        }

        try
        {
            switch (args)
            {
                case ["db", "script", var provider]:
                    output.WriteLine(SchemaScript.Generate(DatabaseSettings.Parse(provider)));
                    return 0;
                case ["db", "backup", var file, .. var rest] when file != Force:
                    DatabaseBackup.BackupAsync(Settings(rest), file, overwrite: rest.Contains(Force)).GetAwaiter().GetResult();
                    output.WriteLine($"Đã sao lưu vào / Backed up to {Path.GetFullPath(file)}");
                    return 0;
                case ["db", "restore", var file, .. var rest]:
                    DatabaseBackup.RestoreAsync(Settings(rest), file).GetAwaiter().GetResult();
                    output.WriteLine($"Đã khôi phục từ / Restored from {Path.GetFullPath(file)}");
                    return 0;
                default:
                    errors.WriteLine("Usage: db script sqlite|postgres | db backup FILE [--force] | db restore FILE");
                    return 2;
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>The same settings the app would use: appsettings.json, environment variables, then --key=value arguments.</summary>
    private static DatabaseSettings Settings(string[] rest)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(rest.Where(a => a != Force).ToArray())
            .Build();
        return DatabaseSettings.FromConfiguration(configuration);
    }
}
