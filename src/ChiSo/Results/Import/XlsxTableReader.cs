using System.Globalization;
using System.Text;
using ChiSo.Text;
using ExcelDataReader;

namespace ChiSo.Results.Import;

/// <summary>
/// Reads the first worksheet of an XLSX (or XLS) file into a <see cref="RawTable"/>, keeping for each
/// numeric cell the decimals its number format prints ("0.00" → 2), so checks use the printed precision.
/// </summary>
internal static class XlsxTableReader
{
    static XlsxTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static RawTable? Read(byte[] bytes, List<ImportError> errors)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var rows = new List<RawRow>();
            List<string>? header = null;
            var number = 0;
            while (reader.Read())
            {
                number++;
                var cells = new List<string>(reader.FieldCount);
                var decimals = new int?[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var (text, places) = CellText(reader, i);
                    cells.Add(text);
                    decimals[i] = places;
                }

                if (header is null)
                {
                    header = cells;
                    continue;
                }

                rows.Add(new RawRow(number, cells, decimals));
            }

            return new RawTable(header ?? [], rows);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add(new ImportError(0, "",
                "Không mở được tệp Excel (tệp hỏng hoặc không phải .xlsx). Hãy mở lại bằng Excel/LibreOffice và lưu dưới dạng .xlsx.",
                "The Excel file cannot be opened (corrupt or not .xlsx). Open it in Excel/LibreOffice and save it as .xlsx."));
            return null;
        }
    }

    private static (string Text, int? Decimals) CellText(IExcelDataReader reader, int index)
    {
        var value = reader.GetValue(index);
        switch (value)
        {
            case null:
                return ("", null);
            case double d:
                var asDecimal = (decimal)d;
                var printed = DecimalsOf(reader.GetNumberFormatString(index));
                var shortest = asDecimal.ToString(CultureInfo.InvariantCulture);
                var natural = shortest.Contains('.', StringComparison.Ordinal) ? shortest.Length - shortest.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                return (shortest, printed ?? natural);
            case string s:
                return (VietnameseText.Normalize(s), null);
            case IFormattable f:
                return (f.ToString(null, CultureInfo.InvariantCulture), null);
            default:
                return (VietnameseText.Normalize(value.ToString()), null);
        }
    }

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
