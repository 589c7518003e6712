using System.Text;
using System.Text.RegularExpressions;
using ChiSo.Text;

namespace ChiSo.Plans.Import;

/// <summary>
/// Splits a lead/partner cell ("Sở Tư pháp, UBND cấp huyện; - Các sở, ban, ngành") into unit names.
/// Separators are ";", line breaks and ","; a comma inside parentheses or inside a fixed phrase that names
/// one group of units ("sở, ban, ngành", "xã, phường, thị trấn") does not split.
/// </summary>
public static partial class UnitListSplitter
{
    private const char Protected = '\u0001';

    // Word lists that read as one collective name; matched case-insensitively on NFC text.
    private static readonly string[][] Phrases =
    [
        // Names of one department that hold a comma ("Sở Lao động, Thương binh và Xã hội", "Sở VH, TT&DL").
        ["lao động", "thương binh và xã hội"],
        ["lđ", "tb&xh"],
        ["lđ", "tb và xh"],
        ["văn hóa", "thể thao và du lịch"],
        ["văn hoá", "thể thao và du lịch"], // spelling variant
        ["vh", "tt&dl"],
        ["vh", "tt và dl"],
        ["vh", "tt", "dl"],
        ["sở", "ban", "ngành"],
        ["sở", "ngành"],
        ["ban", "ngành"],
        ["xã", "phường", "thị trấn"],
        ["xã", "phường"],
        ["huyện", "thị xã", "thành phố"],
        ["huyện", "thị", "thành phố"],
        ["huyện", "thành phố"],
        ["huyện", "thị xã"],
        ["cơ quan", "đơn vị"],
        ["cơ quan", "tổ chức"],
        ["phòng", "ban"],
        ["tổ chức", "cá nhân"],
        ["đoàn thể", "tổ chức"],
    ];

    private static readonly Regex[] PhrasePatterns = [.. Phrases.Select(words => new Regex(
        @"(?<!\p{L})" + string.Join(@"\s*,\s*", words.Select(Regex.Escape)) + @"(?!\p{L})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase))];

    [GeneratedRegex(@"^([-–—+•*]\s*)+", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    public static IReadOnlyList<string> Split(string? cell)
    {
        var text = CellText.Normalize(cell);
        if (text.Length == 0)
        {
            return [];
        }

        foreach (var pattern in PhrasePatterns)
        {
            text = pattern.Replace(text, m => m.Value.Replace(',', Protected));
        }

        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        var depth = 0;
        foreach (var ch in text)
        {
            if (ch is '(' or '[')
            {
                depth++;
            }
            else if (ch is ')' or ']' && depth > 0)
            {
                depth--;
            }

            if (depth == 0 && ch is ';' or '\n' or ',')
            {
                Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(ch);
        }

        Add(current.ToString());
        return names;

        void Add(string raw)
        {
            var name = Bullet().Replace(raw.Replace(Protected, ',').Trim(), "").Trim().TrimEnd('.', ';', ',').Trim();
            name = VietnameseText.Normalize(name);
            if (name.Length > 0 && seen.Add(VietnameseText.Fold(name)))
            {
                names.Add(name);
            }
        }
    }
}
