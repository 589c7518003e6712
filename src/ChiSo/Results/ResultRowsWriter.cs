using System.Data.Common;
using System.Globalization;
using System.Text;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ChiSo.Results;

/// <summary>
/// Writes an import's unit rows and score cells inside the caller's transaction without change tracking: a finished
/// import is written once and never edited, so EF's per-entity bookkeeping (about 20 KB per cell) buys nothing.
/// Unit rows go in multi-row INSERTs returning their ids; cells by binary COPY on PostgreSQL and by prepared
/// multi-row INSERTs on SQLite. The values stored are the ones EF would store (decimals as SQLite text, numeric on
/// PostgreSQL), so reads cannot tell the two apart.
/// </summary>
internal static class ResultRowsWriter
{
    private const int UnitsPerStatement = 500;
    private const int CellsPerStatement = 200;

    private const string CellColumns =
        "\"UnitResultId\", \"NodeCode\", \"Score\", \"Source\", \"ComputedValue\", \"SelfAssessed\", \"OfficialRank\", \"OfficialGroup\", \"Warning\"";

    public static async Task WriteAsync(ChiSoDbContext db, int importId, IReadOnlyList<UnitResult> units, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Result rows are written inside the import's unit of work.");
        var connection = transaction.Connection!;
        var ids = await InsertUnitsAsync(connection, transaction, importId, units, cancellationToken);
        var cells = units.SelectMany(u => u.Nodes.Select(n => (UnitResultId: ids[u.UnitId], Node: n)));
        if (connection is NpgsqlConnection postgres)
        {
            await CopyCellsAsync(postgres, cells, cancellationToken);
        }
        else
        {
            await InsertCellsAsync(connection, transaction, cells.ToList(), cancellationToken);
        }
    }

    /// <summary>unit_results in batches; returns each unit's new row id (a unit appears once per import).</summary>
    private static async Task<Dictionary<int, int>> InsertUnitsAsync(DbConnection connection, DbTransaction transaction, int importId,
        IReadOnlyList<UnitResult> units, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<int, int>(units.Count);
        foreach (var batch in units.Chunk(UnitsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO unit_results (\"ResultImportId\", \"UnitId\", \"RowNumber\", \"Scored\") VALUES ");
            for (var i = 0; i < batch.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@i, @u{i}, @r{i}, @s{i})");
                Add(command, $"@u{i}", batch[i].UnitId);
                Add(command, $"@r{i}", batch[i].RowNumber);
                Add(command, $"@s{i}", batch[i].Scored);
            }

            Add(command, "@i", importId);
            command.CommandText = sql.Append(" RETURNING \"Id\", \"UnitId\"").ToString();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetInt32(1)] = reader.GetInt32(0);
            }
        }

        return ids;
    }

    /// <summary>SQLite: one prepared statement of <see cref="CellsPerStatement"/> rows reused for every full batch.</summary>
    private static async Task InsertCellsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(int UnitResultId, NodeResult Node)> cells,
        CancellationToken cancellationToken)
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < cells.Count; start += CellsPerStatement)
            {
                var count = Math.Min(CellsPerStatement, cells.Count - start);
                var command = count == CellsPerStatement ? full ??= CellCommand(connection, transaction, count) : CellCommand(connection, transaction, count);
                for (var i = 0; i < count; i++)
                {
                    var (unitResultId, node) = cells[start + i];
                    var p = i * 9;
                    command.Parameters[p].Value = unitResultId;
                    command.Parameters[p + 1].Value = node.NodeCode;
                    command.Parameters[p + 2].Value = (object?)node.Score ?? DBNull.Value;
                    command.Parameters[p + 3].Value = node.Source.ToString();
                    command.Parameters[p + 4].Value = (object?)node.ComputedValue ?? DBNull.Value;
                    command.Parameters[p + 5].Value = (object?)node.SelfAssessed ?? DBNull.Value;
                    command.Parameters[p + 6].Value = (object?)node.OfficialRank ?? DBNull.Value;
                    command.Parameters[p + 7].Value = (object?)node.OfficialGroup ?? DBNull.Value;
                    command.Parameters[p + 8].Value = (object?)node.Warning ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static DbCommand CellCommand(DbConnection connection, DbTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO node_results ({CellColumns}) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < 9; c++)
            {
                var name = $"@p{(i * 9) + c}";
                sql.Append(c == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>PostgreSQL: one binary COPY of every cell.</summary>
    private static async Task CopyCellsAsync(NpgsqlConnection connection, IEnumerable<(int UnitResultId, NodeResult Node)> cells, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY node_results ({CellColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (unitResultId, node) in cells)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(unitResultId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(node.NodeCode, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(writer, node.Score, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(node.Source.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(writer, node.ComputedValue, NpgsqlDbType.Numeric, cancellationToken);
            await WriteAsync(writer, node.SelfAssessed, NpgsqlDbType.Numeric, cancellationToken);
            await WriteAsync(writer, node.OfficialRank, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(writer, node.OfficialGroup, NpgsqlDbType.Integer, cancellationToken);
            if (node.Warning is null)
            {
                await writer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await writer.WriteAsync(node.Warning, NpgsqlDbType.Varchar, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, type, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
