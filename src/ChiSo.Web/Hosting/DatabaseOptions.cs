using ChiSo.Data;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>Where the data lives: <c>Database__Provider</c> (<c>sqlite</c>, the default, or <c>postgres</c>) and <c>ConnectionStrings__Default</c>.</summary>
internal sealed class DatabaseOptions
{
    public string? Provider { get; set; }
    public string? ConnectionString { get; set; }

    public DatabaseSettings ToSettings()
    {
        var provider = DatabaseSettings.Parse(Provider);
        return new DatabaseSettings(provider, string.IsNullOrWhiteSpace(ConnectionString) ? DatabaseSettings.DefaultSqliteConnectionString : ConnectionString);
    }
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        DatabaseProvider provider;
        try
        {
            provider = DatabaseSettings.Parse(options.Provider);
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }

        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Database__Provider=postgres cần ConnectionStrings__Default. / Database__Provider=postgres needs ConnectionStrings__Default.");
        }

        try
        {
            _ = provider == DatabaseProvider.Postgres
                ? new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString)
                : (System.Data.Common.DbConnectionStringBuilder)new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString ?? DatabaseSettings.DefaultSqliteConnectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings__Default không đọc được ({e.Message}). / ConnectionStrings__Default cannot be read ({e.Message}).");
        }

        return ValidateOptionsResult.Success;
    }
}
