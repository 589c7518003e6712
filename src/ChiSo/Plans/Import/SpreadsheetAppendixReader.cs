using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace ChiSo.Plans.Import;

/// <summary>
/// The first worksheet of an XLSX or XLS file. Merged ranges are expanded: the first cell keeps the text,
/// cells to its right are horizontal continuations, rows below are vertical continuations. Bold is not read.
/// </summary>
internal static class SpreadsheetAppendixReader
{
    // .xls files store text in Windows code pages that .NET Core does not ship by default.
    static SpreadsheetAppendixReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static AppendixTable Read(byte[] bytes, AppendixReadOptions options)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<(int, List<AppendixCell>)>();
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new List<AppendixCell>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(new AppendixCell(CellText.Normalize(Text(reader.GetValue(i)))));
            }

            rows.Add((number, cells));
        }

        foreach (var range in reader.MergeCells ?? [])
        {
            for (var r = range.FromRow; r <= range.ToRow && r < rows.Count; r++)
            {
                var cells = rows[r].Item2;
                for (var c = range.FromColumn; c <= range.ToColumn; c++)
                {
                    if (r == range.FromRow && c == range.FromColumn)
                    {
                        continue;
                    }

                    while (cells.Count <= c)
                    {
                        cells.Add(AppendixCell.Empty);
                    }

                    cells[c] = r == range.FromRow
                        ? new AppendixCell("", HorizontalContinuation: true)
                        : new AppendixCell("", VerticalContinuation: true, HorizontalContinuation: c != range.FromColumn);
                }
            }
        }

        return GridBuilder.Build(rows, options);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString(CultureInfo.InvariantCulture),
        // Deadlines typed as dates print the way Vietnamese readers write them.
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
