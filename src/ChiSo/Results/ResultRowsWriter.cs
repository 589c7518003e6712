using System.Data.Common;
using System.Globalization;
using System.Text;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace ChiSo.Results;

/// <summary>
/// Writes an import's unit rows and score cells inside the caller's transaction without change tracking: a finished
/// import is written once and never edited, so EF's per-entity bookkeeping (about 20 KB per cell) buys nothing.
/// Unit rows go in multi-row INSERTs returning their ids; cells by one COPY on PostgreSQL and through SQLite's
/// own prepared-statement API on SQLite. The values stored are the ones EF would store (decimals as SQLite text, numeric on
/// PostgreSQL), so reads cannot tell the two apart.
/// </summary>
internal static class ResultRowsWriter
{
    private const int UnitsPerStatement = 500;

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
            InsertCells((SqliteConnection)connection, cells);
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

    /// <summary>
    /// SQLite: one prepared single-row INSERT, bound by position and stepped for every cell through SQLite's own API
    /// (the connection's handle, inside its transaction). Microsoft.Data.Sqlite binds each parameter by name on
    /// every execution, which made row and multi-row INSERTs cost about 25 µs a cell; this costs about one. Text is
    /// bound as UTF-8 bytes encoded once (codes, sources) or formatted on the stack (decimals: the text
    /// Microsoft.Data.Sqlite binds for them, so the stored values are EF's), so a cell allocates nothing.
    /// </summary>
    private static void InsertCells(SqliteConnection connection, IEnumerable<(int UnitResultId, NodeResult Node)> cells)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        BulkRows.CheckSqlite(handle, raw.sqlite3_prepare_v2(handle, $"INSERT INTO node_results ({CellColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", out var statement));
        var codes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var file = Encoding.UTF8.GetBytes(nameof(ScoreSource.File));
        var computed = Encoding.UTF8.GetBytes(nameof(ScoreSource.Computed));
        Span<byte> number = stackalloc byte[64];
        try
        {
            foreach (var (unitResultId, node) in cells)
            {
                if (!codes.TryGetValue(node.NodeCode, out var code))
                {
                    codes[node.NodeCode] = code = Encoding.UTF8.GetBytes(node.NodeCode);
                }

                raw.sqlite3_bind_int(statement, 1, unitResultId);
                raw.sqlite3_bind_text(statement, 2, code);
                BindDecimal(statement, 3, node.Score, number);
                raw.sqlite3_bind_text(statement, 4, node.Source == ScoreSource.File ? file : computed);
                BindDecimal(statement, 5, node.ComputedValue, number);
                BindDecimal(statement, 6, node.SelfAssessed, number);
                BindInt(statement, 7, node.OfficialRank);
                BindInt(statement, 8, node.OfficialGroup);
                if (node.Warning is null)
                {
                    raw.sqlite3_bind_null(statement, 9);
                }
                else
                {
                    raw.sqlite3_bind_text(statement, 9, node.Warning);
                }

                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    BulkRows.CheckSqlite(handle, step);
                }

                raw.sqlite3_reset(statement);
            }
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }
    }

    /// <summary>The text Microsoft.Data.Sqlite binds for a decimal (and so what EF stores): "5.35", "8.0".</summary>
    private static void BindDecimal(sqlite3_stmt statement, int index, decimal? value, Span<byte> buffer)
    {
        if (value is { } v && v.TryFormat(buffer, out var written, "0.0###########################", CultureInfo.InvariantCulture))
        {
            // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free for the next value.
            raw.sqlite3_bind_text(statement, index, buffer[..written]);
        }
        else if (value is { } wide)
        {
            raw.sqlite3_bind_text(statement, index, wide.ToString("0.0###########################", CultureInfo.InvariantCulture));
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static void BindInt(sqlite3_stmt statement, int index, int? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int(statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    /// <summary>
    /// PostgreSQL: one COPY of every cell in the text format. Measured on 401,841 cells it costs the app a third less
    /// CPU than the binary format (Npgsql's numeric encoding was most of it) and the server the same. Lines are written
    /// with the writer's synchronous calls: they only fill its buffer (it flushes now and then), and 400,000 awaited
    /// calls cost more than the flushes. The decimals are formatted as EF sends them (invariant culture), so a
    /// stored value is the same whichever path wrote it.
    /// </summary>
    private static async Task CopyCellsAsync(NpgsqlConnection connection, IEnumerable<(int UnitResultId, NodeResult Node)> cells, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginTextImportAsync($"COPY node_results ({CellColumns}) FROM STDIN", cancellationToken);
        var line = new StringBuilder(128);
        foreach (var (unitResultId, node) in cells)
        {
            line.Clear();
            line.Append(unitResultId).Append('\t');
            BulkRows.AppendCopyText(line, node.NodeCode).Append('\t');
            AppendDecimal(line, node.Score).Append('\t');
            line.Append(node.Source == ScoreSource.File ? nameof(ScoreSource.File) : nameof(ScoreSource.Computed)).Append('\t');
            AppendDecimal(line, node.ComputedValue).Append('\t');
            AppendDecimal(line, node.SelfAssessed).Append('\t');
            BulkRows.AppendCopyInt(line, node.OfficialRank).Append('\t');
            BulkRows.AppendCopyInt(line, node.OfficialGroup).Append('\t');
            BulkRows.AppendCopyText(line, node.Warning).Append('\n');
            writer.Write(line);
        }
    }

    private static StringBuilder AppendDecimal(StringBuilder line, decimal? value) =>
        value is { } v ? line.Append(v.ToString(CultureInfo.InvariantCulture)) : line.Append("\\N");

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
