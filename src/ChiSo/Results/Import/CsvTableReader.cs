using System.Globalization;
using System.Text;
using ChiSo.Text;

namespace ChiSo.Results.Import;

/// <summary>
/// Reads a CSV file into a <see cref="RawTable"/>. UTF-8 (with or without BOM) and UTF-16 with BOM are
/// accepted; anything else (a Windows-1258 or Latin-1 export) is refused rather than imported garbled.
/// The delimiter (',' ';' or tab — Vietnamese Excel often saves ';') is taken from the header line.
/// </summary>
internal static class CsvTableReader
{
    public static RawTable? Read(byte[] bytes, List<ImportError> errors)
    {
        var text = Decode(bytes);
        if (text is null)
        {
            errors.Add(new ImportError(0, "",
                "Tệp không phải mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi. Hãy lưu lại dưới dạng \"CSV UTF-8\" rồi tải lên lại.",
                "The file is not UTF-8, so Vietnamese letters would be garbled. Save it as \"CSV UTF-8\" and upload it again."));
            return null;
        }

        var firstLine = text.Split('\n', 2)[0];
        var records = Csv.Parse(text, DetectDelimiter(firstLine));
        if (records.Count == 0)
        {
            return new RawTable([], []);
        }

        var header = records[0].Select(VietnameseText.Normalize).ToList();
        var rows = new List<RawRow>();
        for (var i = 1; i < records.Count; i++)
        {
            var cells = records[i].Select(VietnameseText.Normalize).ToList();
            rows.Add(new RawRow(i + 1, cells, new int?[cells.Count]));
        }

        return new RawTable(header, rows);
    }

    private static string? Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static char DetectDelimiter(string headerLine)
    {
        var counts = new Dictionary<char, int> { [','] = 0, [';'] = 0, ['\t'] = 0 };
        var quoted = false;
        foreach (var ch in headerLine)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && counts.TryGetValue(ch, out var count))
            {
                counts[ch] = count + 1;
            }
        }

        var best = counts.OrderByDescending(c => c.Value).First();
        return best.Value == 0 ? ',' : best.Key;
    }
}
