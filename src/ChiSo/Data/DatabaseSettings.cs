using Microsoft.Extensions.Configuration;

namespace ChiSo.Data;

/// <summary>
/// Where the data lives: <c>ConnectionStrings__Default</c> and <c>Database__Provider</c> (<c>sqlite</c> or <c>postgres</c>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=./data/chiso.db";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = Parse(providerText);
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "Database__Provider=postgres cần ConnectionStrings__Default. / Database__Provider=postgres needs ConnectionStrings__Default.");
            }

            connectionString = DefaultSqliteConnectionString;
        }

        return new DatabaseSettings(provider, connectionString);
    }

    public static DatabaseProvider Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Database__Provider '{text}' không hợp lệ: dùng 'sqlite' hoặc 'postgres'. / Unknown Database__Provider '{text}': use 'sqlite' or 'postgres'."),
    };
}
