using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChiSo.Data.Backup;

/// <summary>
/// Backs up and restores the whole database. SQLite uses its online backup API (consistent while the app runs);
/// PostgreSQL uses pg_dump's custom format and pg_restore, from the PostgreSQL client tools on the PATH.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>
    /// Writes a backup to <paramref name="file"/>. An existing file is refused unless <paramref name="overwrite"/>:
    /// a mistyped name must not silently destroy last week's backup.
    /// </summary>
    public static async Task BackupAsync(DatabaseSettings settings, string file, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            if (!overwrite)
            {
                throw new BackupFileExistsException(target);
            }

            File.Delete(target);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(settings.ConnectionString);
            await source.OpenAsync(cancellationToken);
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
            return;
        }

        var pg = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        await RunAsync("pg_dump", ["--format=custom", "--no-owner", $"--file={target}", Uri(pg)], pg.Password, cancellationToken);
    }

    /// <summary>Restores a backup into the configured database, which must be empty (a new file or a new database).</summary>
    public static async Task RestoreAsync(DatabaseSettings settings, string file, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"Không có tệp sao lưu {source}. / No backup file {source}.", source);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await from.OpenAsync(cancellationToken);
            await using var to = new SqliteConnection(settings.ConnectionString);
            await to.OpenAsync(cancellationToken);
            await EnsureEmptyAsync(to, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", cancellationToken);
            from.BackupDatabase(to);
            return;
        }

        var pg = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        await using (var connection = new NpgsqlConnection(settings.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await EnsureEmptyAsync(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", cancellationToken);
        }

        await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", $"--dbname={Uri(pg)}", source], pg.Password, cancellationToken);
    }

    private static async Task EnsureEmptyAsync(System.Data.Common.DbConnection connection, string countTables, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = countTables;
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            throw new InvalidOperationException(
                "Chỉ khôi phục vào cơ sở dữ liệu trống, để không ghi đè dữ liệu đang có. / Restore only into an empty database, so no data is overwritten.");
        }
    }

    /// <summary>A libpq URI without the password (it goes through PGPASSWORD, not the command line).</summary>
    private static string Uri(NpgsqlConnectionStringBuilder pg) =>
        $"postgresql://{System.Uri.EscapeDataString(pg.Username ?? "postgres")}@{pg.Host ?? "localhost"}:{pg.Port}/{System.Uri.EscapeDataString(pg.Database ?? "postgres")}";

    private static async Task RunAsync(string tool, IEnumerable<string> arguments, string? password, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(password))
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
        }
    }
}

/// <summary>The backup file already exists and overwriting was not asked for (<c>--force</c>).</summary>
public sealed class BackupFileExistsException(string path) : IOException(
    $"Tệp {path} đã có; không ghi đè. Chọn tên khác, hoặc thêm --force để ghi đè. / {path} already exists and was not overwritten. Choose another name, or add --force to overwrite it.")
{
    public string Path { get; } = path;
}
