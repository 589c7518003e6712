using ChiSo.Common;
using ChiSo.Text;

namespace ChiSo.Intake;

/// <summary>
/// A CSV upload as a table. Decoding by <see cref="TextDecoder"/>; the delimiter is named by a first line "sep=;"
/// (Excel writes it, and then shows the next line as row 1 — ChiSo counts the sep line, as a text editor would),
/// otherwise it is the one of ',' ';' or tab used most outside quotes on the header line: the first line holding any of
/// them, since a title line ("PHỤ LỤC") may come first. Only the header line decides, because data lines of a
/// ';' file are full of decimal commas ("5,35") and unquoted partner lists ("Sở A; Sở B") fill a ',' file with ';'.
/// </summary>
internal static class CsvTableReader
{
    private const int LinesToFindHeader = 10;

    public static IntakeTable? Read(byte[] bytes, TableBounds bounds, ProblemCollector problems)
    {
        var text = TextDecoder.Decode(bytes);
        if (text is null)
        {
            problems.Add(IntakeProblems.NotUtf8());
            return null;
        }

        var number = 1;
        char delimiter;
        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = (firstLineEnd < 0 ? text : text[..firstLineEnd]).TrimEnd('\r');
        if (firstLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && firstLine.Length >= 5)
        {
            delimiter = firstLine[4];
            text = firstLineEnd < 0 ? "" : text[(firstLineEnd + 1)..];
            number = 2;
        }
        else
        {
            delimiter = DetectDelimiter(text);
        }

        var records = new CsvRecords(text, delimiter) { MaxFieldLength = bounds.Limits.MaxCellLength, MaxFields = bounds.Limits.MaxColumns };
        var rows = new List<IntakeRow>();
        for (; records.Read(); number++)
        {
            if (!bounds.AllowRow(number, rows.Count + 1, records.Fields.Count)
                || (records.OverlongField is { } column && !bounds.AllowCell(number, column, bounds.Limits.MaxCellLength + 1)))
            {
                return null;
            }

            var cells = new IntakeCell[records.Fields.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                var value = CellText.Normalize(records.Fields[i]);
                cells[i] = value.Length == 0 ? IntakeCell.Empty : new IntakeCell(value);
            }

            rows.Add(new IntakeRow(number, cells));
        }

        return new IntakeTable(rows);
    }

    /// <summary>The delimiter most used outside quotes on the first line that has one; ',' when none has.</summary>
    internal static char DetectDelimiter(string text)
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
            else if (!quoted && ch == '\n')
            {
                if (counts.Values.Any(c => c > 0) || ++lines >= LinesToFindHeader)
                {
                    break;
                }
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
