using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChiSo.Bench.Http.Bare;

/// <summary>
/// Plain ADO.NET connections to the database ChiSo wrote (pooled, as any server would have them), and the few
/// reads that differ between SQLite and PostgreSQL. No ORM, no ChiSo code.
/// </summary>
internal sealed class BareDatabase
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    public BareDatabase(string provider, string connectionString)
    {
        if (string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
        else
        {
            _sqlite = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
        }
    }

    /// <summary>Whether the schema has the results scope of migration 0006 (so the bare server filters on it as ChiSo does).</summary>
    public bool HasScope { get; private set; }

    public async Task InitialiseAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = _postgres is not null
            ? "SELECT count(*) FROM information_schema.columns WHERE table_name = 'result_imports' AND column_name = 'Scope'"
            : "SELECT count(*) FROM pragma_table_info('result_imports') WHERE name = 'Scope'";
        HasScope = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<DbConnection> OpenAsync()
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync();
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync();
        return connection;
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static decimal? NullableDecimal(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    public static int? NullableInt(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
