using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace ChiSo.Intake;

/// <summary>
/// The first worksheet of an XLSX or XLS file (or every worksheet, <see cref="ReadAll"/>). For each numeric cell it keeps the decimals its number format prints
/// ("0.00" → 2), so a results check uses the printed precision. Merged ranges are expanded: the first cell keeps the
/// text, cells to its right are horizontal continuations, rows below are vertical continuations. Bold is not read.
/// Rows, the sheet's width and cell lengths are bounded as ExcelDataReader yields them (an .xls is no zip, so this is its
/// only bound; an .xlsx was bounded by <see cref="PackageGuard"/> before).
/// </summary>
internal static class SpreadsheetTableReader
{
    // .xls files store text in Windows code pages that .NET does not ship by default.
    static SpreadsheetTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IntakeTable? Read(byte[] bytes, TableBounds bounds)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        return ReadSheet(reader, bounds);
    }

    /// <summary>
    /// Every worksheet in the workbook's order, hidden ones included, each named (<see cref="IntakeTable.Name"/>): for an
    /// import that reads a sheet besides the first (a ChiSo template's hidden identification sheet). The bounds count
    /// over the whole workbook.
    /// </summary>
    public static IReadOnlyList<IntakeTable>? ReadAll(byte[] bytes, TableBounds bounds)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<IntakeTable>();
        do
        {
            if (ReadSheet(reader, bounds) is not { } sheet)
            {
                return null;
            }

            sheets.Add(sheet with { Name = reader.Name, Hidden = reader.VisibleState is "hidden" or "veryhidden" });
        }
        while (reader.NextResult());

        return sheets;
    }

    private static IntakeTable? ReadSheet(IExcelDataReader reader, TableBounds bounds)
    {
        var rows = new List<IntakeCell[]>();
        while (reader.Read())
        {
            var number = rows.Count + 1;
            if (!bounds.AllowRow(number, number, reader.FieldCount))
            {
                return null;
            }

            var cells = new IntakeCell[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = Cell(reader, i);
                if (!bounds.AllowCell(number, i, cell.Text.Length))
                {
                    return null;
                }

                cells[i] = cell;
            }

            rows.Add(cells);
        }

        foreach (var range in reader.MergeCells ?? [])
        {
            if (!Expand(rows, range, bounds))
            {
                return null;
            }
        }

        return new IntakeTable(rows.Select((cells, i) => new IntakeRow(i + 1, cells)).ToList());
    }

    /// <summary>Expands one merged range; false (the bound's problem recorded) when it would pass <see cref="IntakeLimits.MaxCells"/>.</summary>
    private static bool Expand(List<IntakeCell[]> rows, CellRange range, TableBounds bounds)
    {
        var maxColumns = bounds.Limits.MaxColumns;
        var (lastRow, lastColumn) = (Math.Min(range.ToRow, rows.Count - 1), Math.Min(range.ToColumn, maxColumns - 1));
        if (range.FromRow < 0 || range.FromColumn < 0 || lastRow < range.FromRow || lastColumn < range.FromColumn)
        {
            return true;
        }

        long added = 0;
        for (var r = range.FromRow; r <= lastRow && range.ToColumn < maxColumns; r++)
        {
            added += Math.Max(0, range.ToColumn + 1 - rows[r].Length);
        }

        if (!bounds.AllowMerge(range.FromRow + 1, added, (long)(lastRow - range.FromRow + 1) * (lastColumn - range.FromColumn + 1)))
        {
            return false;
        }

        for (var r = range.FromRow; r <= range.ToRow && r < rows.Count; r++)
        {
            if (range.ToColumn >= rows[r].Length && range.ToColumn < maxColumns)
            {
                var wider = rows[r];
                var from = wider.Length;
                Array.Resize(ref wider, range.ToColumn + 1);
                Array.Fill(wider, IntakeCell.Empty, from, wider.Length - from);
                rows[r] = wider;
            }

            var cells = rows[r];
            for (var c = range.FromColumn; c <= range.ToColumn && c < cells.Length; c++)
            {
                if (r == range.FromRow && c == range.FromColumn)
                {
                    continue;
                }

                cells[c] = r == range.FromRow
                    ? new IntakeCell("", HorizontalContinuation: true)
                    : new IntakeCell("", VerticalContinuation: true, HorizontalContinuation: c != range.FromColumn);
            }
        }

        return true;
    }

    private static IntakeCell Cell(IExcelDataReader reader, int index)
    {
        var value = reader.GetValue(index);
        switch (value)
        {
            case null:
                return IntakeCell.Empty;
            case double d:
                var shortest = Shortest(d);
                var natural = shortest.Contains('.', StringComparison.Ordinal) ? shortest.Length - shortest.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                return new IntakeCell(shortest, DecimalsOf(reader.GetNumberFormatString(index)) ?? natural);
            case string s:
                var text = CellText.Normalize(s);
                return text.Length == 0 ? IntakeCell.Empty : new IntakeCell(text);
            // Deadlines typed as dates print the way Vietnamese readers write them.
            case DateTime date:
                return new IntakeCell(date.ToString(date.TimeOfDay == TimeSpan.Zero ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
            case IFormattable f:
                return new IntakeCell(f.ToString(null, CultureInfo.InvariantCulture));
            default:
                return new IntakeCell(CellText.Normalize(value.ToString()));
        }
    }

    /// <summary>The number as decimal digits ("5.35", never "5.3499999999999996" or "1E+20") while a decimal can hold it.</summary>
    private static string Shortest(double d) =>
        Math.Abs(d) < 7.9e27 ? ((decimal)d).ToString(CultureInfo.InvariantCulture) : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>"0.00" → 2, "#,##0.0" → 1, "0" → 0, "General" → null (use the value's own digits).</summary>
    private static int? DecimalsOf(string? format)
    {
        if (string.IsNullOrEmpty(format) || format.Equals("General", StringComparison.OrdinalIgnoreCase) || format == "@")
        {
            return null;
        }

        var section = format.Split(';')[0];
        var dot = section.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return section.Any(c => c is '0' or '#') ? 0 : null;
        }

        return section[(dot + 1)..].TakeWhile(c => c is '0' or '#').Count();
    }
}
