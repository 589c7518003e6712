using System.Text;

namespace ChiSo.Text;

/// <summary>
/// RFC 4180 CSV: quoted fields with doubled quotes, embedded delimiters and line breaks. Small on purpose:
/// the CsvHelper on our package mirror (34.x) is a different, record-mapping API; see docs/adr/0003.
/// Uploaded files are read through <see cref="CsvRecords"/>, which stops a field or a record at a bound
/// instead of building it whole; <see cref="Parse"/> is for text ChiSo wrote itself.
/// </summary>
public static partial class Csv
{
    /// <summary>Splits CSV text into records of fields; a line break inside quotes stays in its field.</summary>
    public static IReadOnlyList<string[]> Parse(string text, char delimiter = ',')
    {
        var records = new List<string[]>();
        var reader = new CsvRecords(text, delimiter);
        while (reader.Read())
        {
            records.Add([.. reader.Fields]);
        }

        return records;
    }

    /// <summary>
    /// Writes one record, quoting fields that need it; ends with "\n". A text field that a spreadsheet would run as a
    /// formula (starting with = + - @, tab or CR: "=HYPERLINK(…)" typed into a task or a unit name) is written with
    /// a leading apostrophe, so Excel and LibreOffice show it as text; numbers such as "-0,5" stay numbers.
    /// </summary>
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
            var text = Defuse(value ?? "");
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

    /// <summary>The cell as a spreadsheet must read it: formula-looking text gets a leading apostrophe.</summary>
    public static string Defuse(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0], StringComparison.Ordinal) && !NumberLike().IsMatch(text) ? "'" + text : text;

    /// <summary>Reads back what <see cref="Defuse"/> wrote, so an exported file imports unchanged.</summary>
    public static string Undefuse(string text) =>
        text.Length > 1 && text[0] == '\'' && FormulaStarts.Contains(text[1], StringComparison.Ordinal) ? text[1..] : text;

    private const string FormulaStarts = "=+-@\t\r";

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?\d+([.,]\d+)?([eE][+-]?\d+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NumberLike();
}

/// <summary>
/// Reads CSV records one at a time. With <see cref="MaxFieldLength"/> and <see cref="MaxFields"/> set, a field
/// stops growing at the bound and a record stops collecting fields one past it, so a hostile file (one quoted
/// field of 20 MB, a line of a million commas) costs no more memory than the bound; the caller sees
/// <see cref="OverlongField"/> or <see cref="Fields"/> past the bound and refuses the file.
/// </summary>
public sealed class CsvRecords(string text, char delimiter)
{
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();
    private int _position;

    public int MaxFieldLength { get; init; } = int.MaxValue;

    public int MaxFields { get; init; } = int.MaxValue;

    /// <summary>The fields of the record just read (at most <see cref="MaxFields"/> + 1).</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>0-based index of the first field of the current record longer than <see cref="MaxFieldLength"/>, if any.</summary>
    public int? OverlongField { get; private set; }

    public bool Read()
    {
        _fields.Clear();
        _field.Clear();
        OverlongField = null;
        if (_position >= text.Length)
        {
            return false;
        }

        var quoted = false;
        var atFieldStart = true;
        for (; _position < text.Length; _position++)
        {
            var ch = text[_position];
            if (quoted)
            {
                if (ch == '"' && _position + 1 < text.Length && text[_position + 1] == '"')
                {
                    Append('"');
                    _position++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    Append(ch);
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
                EndField();
                atFieldStart = true;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && _position + 1 < text.Length && text[_position + 1] == '\n')
                {
                    _position++;
                }

                _position++;
                EndField();
                return true;
            }
            else
            {
                Append(ch);
                atFieldStart = false;
            }
        }

        EndField();
        return true;
    }

    private void Append(char ch)
    {
        if (_field.Length < MaxFieldLength)
        {
            _field.Append(ch);
        }
        else
        {
            OverlongField ??= _fields.Count;
        }
    }

    private void EndField()
    {
        if (_fields.Count <= MaxFields)
        {
            _fields.Add(Csv.Undefuse(_field.ToString()));
        }

        _field.Clear();
    }
}
