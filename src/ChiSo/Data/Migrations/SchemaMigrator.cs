using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChiSo.Data.Migrations;

/// <summary>
/// Brings a database to the current schema at start-up. Each pending script runs in its own
/// transaction together with its row in <c>schema_versions</c>, so a failed upgrade leaves the
/// database at the last good version. A SQLite file is copied (online backup) before it is upgraded.
/// </summary>
public sealed class SchemaMigrator(ChiSoDbContext db, TimeProvider clock, ILogger<SchemaMigrator>? logger = null)
{
    private const string VersionTable = "schema_versions";
    private readonly ILogger _logger = logger ?? NullLogger<SchemaMigrator>.Instance;

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Applies every pending migration (or those up to <paramref name="targetVersion"/>); returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(int? targetVersion = null, CancellationToken cancellationToken = default)
    {
        var migrations = SchemaMigrations.For(Provider)
            .Where(m => targetVersion is null || m.Version <= targetVersion)
            .ToList();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, CreateVersionTableSql, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var pending = migrations.Where(m => !applied.Contains(m.Version)).ToList();
            if (pending.Count == 0)
            {
                return [];
            }

            if (applied.Count > 0 && connection is SqliteConnection sqlite)
            {
                BackUpSqlite(sqlite, applied.Max());
            }

            var done = new List<int>();
            foreach (var migration in pending)
            {
                await ApplyAsync(connection, migration, cancellationToken);
                done.Add(migration.Version);
                _logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
            }

            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, CreateVersionTableSql, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            return applied.Count == 0 ? 0 : applied.Max();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private string CreateVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {VersionTable} (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL);";

    private async Task ApplyAsync(DbConnection connection, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (Provider == DatabaseProvider.Postgres)
        {
            // Two app instances starting together must not both run the same script.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(727274);", cancellationToken);
            var again = await AppliedVersionsAsync(connection, cancellationToken, transaction);
            if (again.Contains(migration.Version))
            {
                return;
            }
        }

        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {VersionTable} (version, name, applied_at) VALUES (@v, @n, @a);";
        AddParameter(insert, "@v", migration.Version);
        AddParameter(insert, "@n", migration.Name);
        AddParameter(insert, "@a", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT version FROM {VersionTable};";
        var versions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private void BackUpSqlite(SqliteConnection connection, int fromVersion)
    {
        var source = connection.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || !File.Exists(source))
        {
            return;
        }

        var stamp = clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var target = $"{source}.v{fromVersion}-{stamp}.bak";
        using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        backup.Open();
        connection.BackupDatabase(backup);
        _logger.LogInformation("Backed up the SQLite database to {Target} before upgrading it", target);
    }
}
