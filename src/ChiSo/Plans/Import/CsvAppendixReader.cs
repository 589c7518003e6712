using System.Text;
using ChiSo.Text;

namespace ChiSo.Plans.Import;

/// <summary>
/// CSV saved by Excel: UTF-8 with or without BOM, "," ";" or tab (Vietnamese Excel saves ";"), and
/// sometimes a first line "sep=;" naming the delimiter. Non-UTF-8 files are refused, not imported garbled.
/// </summary>
internal static class CsvAppendixReader
{
    public static AppendixTable Read(byte[] bytes)
    {
        var text = Decode(bytes);
        if (text is null)
        {
            return AppendixTable.Failed(AppendixProblem.FileError(
                "Tệp không phải mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi. Hãy lưu lại dưới dạng \"CSV UTF-8\" rồi tải lên lại.",
                "The file is not UTF-8, so Vietnamese letters would be garbled. Save it as \"CSV UTF-8\" and upload it again."));
        }

        var firstRow = 1;
        char delimiter;
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = (firstLineEnd < 0 ? text : text[..firstLineEnd]).TrimEnd('\r');
        if (firstLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && firstLine.Length >= 5)
        {
            delimiter = firstLine[4];
            text = firstLineEnd < 0 ? "" : text[(firstLineEnd + 1)..];
            firstRow = 2;
        }
        else
        {
            delimiter = DetectDelimiter(text);
        }

        var records = Csv.Parse(text, delimiter);
        var rows = new List<(int, List<AppendixCell>)>(records.Count);
        var number = firstRow;
        foreach (var record in records)
        {
            rows.Add((number, record.Select(f => new AppendixCell(CellText.Normalize(f))).ToList()));
            // A quoted field with line breaks spans several lines in a text editor; Excel shows one row.
            number++;
        }

        return GridBuilder.Build(rows, AppendixReadOptions.Default);
    }

    private static string? Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
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

    /// <summary>
    /// The delimiter most used outside quotes over the first lines: the first line alone may be a title
    /// ("PHỤ LỤC") with no delimiter at all.
    /// </summary>
    private static char DetectDelimiter(string text)
    {
        var counts = new Dictionary<char, int> { [','] = 0, [';'] = 0, ['\t'] = 0 };
        var quoted = false;
        var lines = 0;
        foreach (var ch in text)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == '\n' && ++lines >= 10)
            {
                break;
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
