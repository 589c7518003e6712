using System.Globalization;
using System.Text;
using ChiSo.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace ChiSo.Reporting.Obligations;

/// <summary>
/// Writes a plan's new obligations inside the issuing's transaction without change tracking, as the results import
/// writes its cells (<see cref="Results.ResultRowsWriter"/>, ADR 0010): a province-wide plan owes 135,030 of them for
/// 4,500 units and 30 tasks, and EF inserting each as a tracked entity took 14–38 s and 2.6 GB in one request. One COPY
/// on PostgreSQL, one prepared statement stepped through SQLite's own API on SQLite. The values stored are the ones EF
/// stores (enum names, dates as SQLite text or PostgreSQL date, instants as EF formats them), so reads cannot tell which
/// path wrote a row; nothing reads them from the change tracker (issuing only counts them).
/// </summary>
internal static class ObligationRowsWriter
{
    private const string Columns = "\"PlanId\", \"PeriodId\", \"TaskId\", \"TaskCode\", \"UnitId\", \"Role\", \"DueDate\", \"State\", \"CreatedAt\"";

    public static async Task WriteAsync(ChiSoDbContext db, IReadOnlyCollection<Obligation> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Obligations are written inside the issuing's unit of work.");
        if (transaction.Connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, rows, cancellationToken);
        }
        else
        {
            Insert((SqliteConnection)transaction.Connection!, rows);
        }
    }

    /// <summary>PostgreSQL: one COPY in the text format (dates ISO, the instant in UTC to the microsecond, as timestamptz reads it).</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<Obligation> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginTextImportAsync($"COPY obligations ({Columns}) FROM STDIN", cancellationToken);
        var line = new StringBuilder(128);
        foreach (var o in rows)
        {
            line.Clear();
            line.Append(o.PlanId).Append('\t').Append(o.PeriodId).Append('\t');
            BulkRows.AppendCopyInt(line, o.TaskId).Append('\t');
            BulkRows.AppendCopyText(line, o.TaskCode).Append('\t');
            line.Append(o.UnitId).Append('\t').Append(o.Role.ToString()).Append('\t');
            line.Append(o.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\t').Append(o.State.ToString()).Append('\t');
            // Six digits, truncated as Npgsql truncates an instant to PostgreSQL's microseconds: seven would be rounded by the
            // server (…56.9999996 stored as …57), a value EF never writes for the same "now".
            line.Append(o.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append("+00\n");
            writer.Write(line);
        }
    }

    /// <summary>
    /// SQLite: one prepared INSERT, bound by position and stepped for every row (Microsoft.Data.Sqlite rebinds each
    /// parameter by name on every execution). Dates and instants are bound as the text Microsoft.Data.Sqlite writes for
    /// them, which is what EF stores.
    /// </summary>
    private static void Insert(SqliteConnection connection, IReadOnlyCollection<Obligation> rows)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        BulkRows.CheckSqlite(handle, raw.sqlite3_prepare_v2(handle, $"INSERT INTO obligations ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", out var statement));
        try
        {
            foreach (var o in rows)
            {
                raw.sqlite3_bind_int(statement, 1, o.PlanId);
                raw.sqlite3_bind_int(statement, 2, o.PeriodId);
                if (o.TaskId is { } task)
                {
                    raw.sqlite3_bind_int(statement, 3, task);
                }
                else
                {
                    raw.sqlite3_bind_null(statement, 3);
                }

                raw.sqlite3_bind_text(statement, 4, o.TaskCode);
                raw.sqlite3_bind_int(statement, 5, o.UnitId);
                raw.sqlite3_bind_text(statement, 6, o.Role.ToString());
                raw.sqlite3_bind_text(statement, 7, o.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                raw.sqlite3_bind_text(statement, 8, o.State.ToString());
                raw.sqlite3_bind_text(statement, 9, o.CreatedAt.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
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
}
