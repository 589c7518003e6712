using System.Text;

namespace ChiSo.Text;

/// <summary>
/// RFC 4180 CSV: quoted fields with doubled quotes, embedded delimiters and line breaks. Small on purpose:
/// the CsvHelper on our package mirror (34.x) is a different, record-mapping API; see docs/adr/0003.
/// </summary>
public static class Csv
{
    /// <summary>Splits CSV text into records of fields; a line break inside quotes stays in its field.</summary>
    public static IReadOnlyList<string[]> Parse(string text, char delimiter = ',')
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            if (ch == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                atFieldStart = true;
            }
            else
            {
                field.Append(ch);
                atFieldStart = false;
            }
        }

        if (field.Length > 0 || fields.Count > 0 || !atFieldStart)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }

    /// <summary>Writes one record, quoting fields that need it; ends with "\n".</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields, char delimiter = ',')
    {
        var first = true;
        foreach (var value in fields)
        {
            if (!first)
            {
                writer.Write(delimiter);
            }

            first = false;
            var text = value ?? "";
            if (text.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0)
            {
                writer.Write('"');
                writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(text);
            }
        }

        writer.Write('\n');
    }
}
