using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ChiSo.EndToEndTests.Documents;

/// <summary>One page of a PDF as a reader sees it: its orientation and its text.</summary>
public sealed record PdfPage(int Number, double Width, double Height, string Text)
{
    public bool Landscape => Width > Height;

    /// <summary>Whether the page shows <paramref name="text"/>, ignoring how the PDF splits words and lines.</summary>
    public bool Shows(string text) => PdfPages.Squeeze(Text).Contains(PdfPages.Squeeze(text), StringComparison.Ordinal);
}

/// <summary>
/// Reads the pages of a PDF that LibreOffice wrote, in page order, with the text of each: enough to tell which part of a
/// document landed on which page. It follows the page tree, inflates the content streams and maps the shown glyph codes
/// back to text through each font's ToUnicode table, as a PDF reader's copy and paste does. (The machine has no PDF
/// tools and LibreOffice's own PDF import is not installed.)
/// </summary>
public static partial class PdfPages
{
    public static IReadOnlyList<PdfPage> Read(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var objects = ObjectPattern().Matches(text).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        var root = objects.First(o => TypePages().IsMatch(Dictionary(o.Value)) && !o.Value.Contains("/Parent", StringComparison.Ordinal));
        var pages = new List<PdfPage>();
        foreach (var id in Leaves(objects, root.Key))
        {
            var page = Dictionary(objects[id]);
            // LibreOffice gives each page its box; a box on the page tree is inherited.
            var box = MediaBox().Match(page) is { Success: true } own ? own : MediaBox().Match(Dictionary(root.Value));
            var fonts = Fonts(objects, page);
            var content = new StringBuilder();
            foreach (var stream in References(Value(page, "Contents") ?? "").Select(r => Stream(objects[r])))
            {
                content.Append(ShownText(stream, fonts));
            }

            pages.Add(new PdfPage(pages.Count + 1, Number(box.Groups[1].Value), Number(box.Groups[2].Value), content.ToString().Normalize(NormalizationForm.FormC)));
        }

        return pages;
    }

    /// <summary>Text without any whitespace, composed: what two renderings of the same words share.</summary>
    public static string Squeeze(string text) => Whitespace().Replace(text.Normalize(NormalizationForm.FormC), "");

    private static IEnumerable<int> Leaves(Dictionary<int, string> objects, int node)
    {
        var dictionary = Dictionary(objects[node]);
        if (!TypePages().IsMatch(dictionary))
        {
            yield return node;
            yield break;
        }

        foreach (var kid in References(Value(dictionary, "Kids") ?? ""))
        {
            foreach (var leaf in Leaves(objects, kid))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>The page's fonts by resource name ("F1"), each with its code length and its code → text table.</summary>
    private static Dictionary<string, (int Bytes, Dictionary<int, string> Map)> Fonts(Dictionary<int, string> objects, string page)
    {
        var resources = Value(page, "Resources") ?? "";
        if (SingleReference().Match(resources) is { Success: true } r)
        {
            resources = Dictionary(objects[int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture)]);
        }

        var fontDictionary = Value(resources, "Font") ?? "";
        if (SingleReference().Match(fontDictionary) is { Success: true } f)
        {
            fontDictionary = Dictionary(objects[int.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture)]);
        }

        var fonts = new Dictionary<string, (int, Dictionary<int, string>)>(StringComparer.Ordinal);
        foreach (Match font in NamedReference().Matches(fontDictionary))
        {
            var definition = Dictionary(objects[int.Parse(font.Groups[2].Value, CultureInfo.InvariantCulture)]);
            var toUnicode = Value(definition, "ToUnicode");
            fonts[font.Groups[1].Value] = toUnicode is null ? (1, []) : CMap(Encoding.Latin1.GetString(Stream(objects[References(toUnicode)[0]])));
        }

        return fonts;
    }

    private static (int Bytes, Dictionary<int, string> Map) CMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        var bytes = CodeSpace().Match(cmap) is { Success: true } space ? space.Groups[1].Value.Length / 2 : 1;
        foreach (Match block in BfChar().Matches(cmap))
        {
            foreach (Match pair in HexPair().Matches(block.Groups[1].Value))
            {
                map[Convert.ToInt32(pair.Groups[1].Value, 16)] = Utf16(pair.Groups[2].Value);
            }
        }

        foreach (Match block in BfRange().Matches(cmap))
        {
            foreach (Match range in HexTriple().Matches(block.Groups[1].Value))
            {
                var low = Convert.ToInt32(range.Groups[1].Value, 16);
                var high = Convert.ToInt32(range.Groups[2].Value, 16);
                var first = Convert.ToInt32(range.Groups[3].Value, 16);
                for (var code = low; code <= high; code++)
                {
                    map[code] = char.ConvertFromUtf32(first + code - low);
                }
            }
        }

        return (bytes, map);
    }

    /// <summary>The text of Tj/TJ operators, a line break at each text block's end or move, in the order the page draws it.</summary>
    private static string ShownText(byte[] content, Dictionary<string, (int Bytes, Dictionary<int, string> Map)> fonts)
    {
        var ops = Encoding.Latin1.GetString(content);
        var text = new StringBuilder();
        (int Bytes, Dictionary<int, string> Map) font = (1, []);
        foreach (Match token in Operator().Matches(ops))
        {
            if (token.Groups["font"].Success)
            {
                font = fonts.GetValueOrDefault(token.Groups["font"].Value, (1, []));
            }
            else if (token.Groups["show"].Success)
            {
                foreach (Match hex in HexString().Matches(token.Groups["show"].Value))
                {
                    var digits = hex.Groups[1].Value;
                    for (var i = 0; i + (font.Bytes * 2) <= digits.Length; i += font.Bytes * 2)
                    {
                        text.Append(font.Map.GetValueOrDefault(Convert.ToInt32(digits.Substring(i, font.Bytes * 2), 16), "?"));
                    }
                }
            }
            else
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static byte[] Stream(string obj)
    {
        var start = obj.IndexOf("stream", StringComparison.Ordinal) + "stream".Length;
        start += obj[start] == '\r' ? 2 : 1;
        var end = obj.LastIndexOf("endstream", StringComparison.Ordinal);
        var raw = Encoding.Latin1.GetBytes(obj[start..end]);
        if (!obj[..start].Contains("/FlateDecode", StringComparison.Ordinal))
        {
            return raw;
        }

        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return inflated.ToArray();
    }

    /// <summary>The object's dictionary (before any stream), nested dictionaries included.</summary>
    private static string Dictionary(string obj)
    {
        var stream = obj.IndexOf("stream", StringComparison.Ordinal);
        return stream < 0 ? obj : obj[..stream];
    }

    /// <summary>The value of /Key in a dictionary: a reference, an array or a nested dictionary, as text.</summary>
    private static string? Value(string dictionary, string key)
    {
        var at = Regex.Match(dictionary, $"/{key}(?![A-Za-z])\\s*");
        if (!at.Success)
        {
            return null;
        }

        var rest = dictionary[(at.Index + at.Length)..];
        if (rest.StartsWith("<<", StringComparison.Ordinal) || rest.StartsWith('['))
        {
            var (open, close) = rest[0] == '[' ? ("[", "]") : ("<<", ">>");
            var depth = 0;
            for (var i = 0; i < rest.Length; i++)
            {
                if (string.CompareOrdinal(rest, i, open, 0, open.Length) == 0)
                {
                    depth++;
                    i += open.Length - 1;
                }
                else if (string.CompareOrdinal(rest, i, close, 0, close.Length) == 0)
                {
                    depth--;
                    i += close.Length - 1;
                    if (depth == 0)
                    {
                        return rest[..(i + 1)];
                    }
                }
            }
        }

        return SingleReference().Match(rest) is { Success: true } reference && reference.Index == 0 ? reference.Value : rest.Split('/', 2)[0];
    }

    private static List<int> References(string text) =>
        [.. AnyReference().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static string Utf16(string hex)
    {
        var units = Enumerable.Range(0, hex.Length / 4).Select(i => (char)Convert.ToInt32(hex.Substring(i * 4, 4), 16)).ToArray();
        return new string(units);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d+)\s+0\s+obj(.*?)endobj", RegexOptions.Singleline)]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"/Type\s*/Pages\b")]
    private static partial Regex TypePages();

    [GeneratedRegex(@"/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"^\s*(\d+)\s+0\s+R")]
    private static partial Regex SingleReference();

    [GeneratedRegex(@"(\d+)\s+0\s+R")]
    private static partial Regex AnyReference();

    [GeneratedRegex(@"/([A-Za-z0-9_.+-]+)\s+(\d+)\s+0\s+R")]
    private static partial Regex NamedReference();

    [GeneratedRegex(@"begincodespacerange\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex CodeSpace();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexTriple();

    [GeneratedRegex(@"/(?<font>[A-Za-z0-9_.+-]+)\s+[\d.]+\s+Tf|(?<show>\[(?:[^\]]*)\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)|(?<break>\bET\b|\bT\*|\bT[dD]\b|\bTm\b)")]
    private static partial Regex Operator();

    [GeneratedRegex(@"<([0-9A-Fa-f]*)>")]
    private static partial Regex HexString();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
