using ChiSo.Data;
using ChiSo.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChiSo.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test (a temporary SQLite file, or a new PostgreSQL database that is
/// dropped afterwards), migrated to the current schema unless asked otherwise.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? sqliteFile, string? postgresAdmin, string? postgresName)
    {
        Settings = settings;
        _sqliteFile = sqliteFile;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }
    public DatabaseProvider Provider => Settings.Provider;
    public TimeProvider Clock { get; } = new FixedClock(new DateTimeOffset(2026, 3, 15, 8, 0, 0, TimeSpan.Zero));

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        if (migrate)
        {
            await using var db = database.CreateContext();
            await new SchemaMigrator(db, database.Clock).MigrateAsync();
        }

        return database;
    }

    public ChiSoDbContext CreateContext() => new(ChiSoDbContextOptions.Build(Settings));

    private static TestDatabase CreateSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chiso-test-{Guid.NewGuid():N}.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, connection), file, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = TestDatabases.PostgresConnectionString;
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"CI=true but {TestDatabases.PostgresVariable} is not set: PostgreSQL tests must run in CI (see .ci/run).");
        }

        var name = $"chiso_t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, builder.ToString()), null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        if (_postgresAdmin is not null && _postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
