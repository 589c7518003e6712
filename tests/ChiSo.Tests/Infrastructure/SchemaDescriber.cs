using System.Data.Common;
using System.Globalization;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Infrastructure;

/// <summary>Describes a database's tables, columns, indexes and keys as sorted lines, to compare two schemas.</summary>
public static class SchemaDescriber
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(ChiSoDbContext db)
    {
        var queries = db.Database.IsNpgsql() ? PostgresQueries : SqliteQueries;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var lines = new List<string>();
            foreach (var query in queries)
            {
                lines.AddRange(await ReadLinesAsync(connection, query));
            }

            return lines.Where(l => !l.Contains("schema_versions", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly string[] SqliteQueries =
    [
        """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' pk=' || p.pk
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """,
        """
        SELECT 'index ' || m.name || ' ' || il.name || ' unique=' || il."unique" || ' ' || group_concat(ii.name, ',')
        FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        GROUP BY m.name, il.name
        """,
        """
        SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' on delete ' || f.on_delete
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """,
    ];

    private static readonly string[] PostgresQueries =
    [
        """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
            || coalesce(' p' || numeric_precision || ',' || numeric_scale, '') || ' nullable=' || is_nullable || ' identity=' || is_identity
        FROM information_schema.columns WHERE table_schema = 'public'
        """,
        "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'",
        """
        SELECT 'constraint ' || tc.table_name || ' ' || tc.constraint_name || ' ' || tc.constraint_type || coalesce(' on delete ' || rc.delete_rule, '')
        FROM information_schema.table_constraints tc
        LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
        WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
        """,
    ];

    private static async Task<List<string>> ReadLinesAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return lines;
    }
}
