using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChiSo.Data;

/// <summary>
/// What the bulk writers share (ADR 0010: the results import's cells, a plan's obligations): PostgreSQL COPY's text
/// format, and SQLite's own API's result codes turned into the exception Microsoft.Data.Sqlite would throw (so a unit
/// of work recognises a unique-key clash as a race either way).
/// </summary>
internal static class BulkRows
{
    /// <summary>COPY's text format: backslash, tab and line ends escaped; null as \N.</summary>
    public static StringBuilder AppendCopyText(StringBuilder line, string? value)
    {
        if (value is null)
        {
            return line.Append("\\N");
        }

        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => line.Append("\\\\"),
                '\t' => line.Append("\\t"),
                '\n' => line.Append("\\n"),
                '\r' => line.Append("\\r"),
                _ => line.Append(c),
            };
        }

        return line;
    }

    public static StringBuilder AppendCopyInt(StringBuilder line, int? value) =>
        value is { } v ? line.Append(v) : line.Append("\\N");

    public static void CheckSqlite(sqlite3 handle, int code)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), code, raw.sqlite3_extended_errcode(handle));
        }
    }
}
