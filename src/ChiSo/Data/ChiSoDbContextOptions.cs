using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Data;

/// <summary>Configures EF Core for the chosen provider; used by the app, the tests and the benchmarks alike.</summary>
public static class ChiSoDbContextOptions
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(settings.ConnectionString);
                builder.UseSqlite(settings.ConnectionString, o => o.CommandTimeout(60))
                    .AddInterceptors(new SqlitePragmaInterceptor());
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(settings.ConnectionString, o => o.CommandTimeout(60));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(settings));
        }

        return builder;
    }

    public static DbContextOptions<ChiSoDbContext> Build(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<ChiSoDbContext>();
        Configure(builder, settings);
        return builder.Options;
    }

    /// <summary>SQLite creates the file but not its folder; "./data/" may not exist on a clean clone.</summary>
    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
