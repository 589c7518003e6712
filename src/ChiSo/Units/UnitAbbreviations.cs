using System.Globalization;
using System.Text;
using ChiSo.Text;

namespace ChiSo.Units;

/// <summary>
/// The abbreviations plans use for bodies ("Sở KH&amp;ĐT", "VP UBND tỉnh", "UBMTTQ tỉnh", "BCH Quân sự tỉnh"), in one table.
/// An abbreviation is a run of capitalised tokens, joined by nothing, spaces, "&amp;", "-", "," or "và", with or without
/// diacritics: "KH&amp;ĐT", "KH &amp; ĐT", "KH và ĐT", "KHĐT" and "KH-DT" are one key, <c>khdt</c>. Only capitalised tokens
/// are read as abbreviations, so ordinary words ("Sở Tài chính") never are.
/// </summary>
public static class UnitAbbreviations
{
    /// <summary>Key (folded letters of the abbreviation) → the words it stands for, folded.</summary>
    public static IReadOnlyDictionary<string, string> Table { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Departments before and after Decree 45/2025/NĐ-CP.
        ["khdt"] = "ke hoach va dau tu",
        ["tttt"] = "thong tin va truyen thong",
        ["tnmt"] = "tai nguyen va moi truong",
        ["nnptnt"] = "nong nghiep va phat trien nong thon",
        ["ptnt"] = "phat trien nong thon",
        ["ldtbxh"] = "lao dong thuong binh va xa hoi",
        ["tbxh"] = "thuong binh va xa hoi",
        ["gtvt"] = "giao thong van tai",
        ["gddt"] = "giao duc va dao tao",
        ["vhttdl"] = "van hoa the thao va du lich",
        ["khcn"] = "khoa hoc va cong nghe",
        ["nnmt"] = "nong nghiep va moi truong",
        ["dttg"] = "dan toc va ton giao",
        ["tc"] = "tai chinh",
        ["nv"] = "noi vu",
        ["xd"] = "xay dung",
        ["yt"] = "y te",
        // Offices, councils and mass organisations.
        ["vpubnd"] = "van phong uy ban nhan dan",
        ["vp"] = "van phong",
        ["ubnd"] = "uy ban nhan dan",
        ["hdnd"] = "hoi dong nhan dan",
        ["mttq"] = "uy ban mat tran to quoc viet nam",
        ["mttqvn"] = "uy ban mat tran to quoc viet nam",
        ["ubmttq"] = "uy ban mat tran to quoc viet nam",
        ["ubmttqvn"] = "uy ban mat tran to quoc viet nam",
        // Central agencies and public service units in the province.
        ["bchqs"] = "bo chi huy quan su",
        ["bch"] = "bo chi huy",
        ["chqs"] = "chi huy quan su",
        ["ca"] = "cong an",
        ["bhxh"] = "bao hiem xa hoi",
        ["vksnd"] = "vien kiem sat nhan dan",
        ["tand"] = "toa an nhan dan",
        ["ptth"] = "phat thanh va truyen hinh",
        ["tthcc"] = "trung tam hanh chinh cong",
        ["ttpvhcc"] = "trung tam phuc vu hanh chinh cong",
    };

    /// <summary>
    /// The text with its abbreviations spelled out, folded ("Sở LĐ-TB&amp;XH tỉnh" → "so lao dong thuong binh va xa hoi
    /// tinh"), or null when it holds none.
    /// </summary>
    public static string? Expand(string? text)
    {
        var tokens = Tokens(text);
        var output = new List<string>();
        var expanded = false;
        for (var i = 0; i < tokens.Count;)
        {
            if (!tokens[i].Abbreviation || tokens[i].Connector)
            {
                output.Add(tokens[i].Folded);
                i++;
                continue;
            }

            // The longest run of abbreviation tokens (and connectors between them) that is one key, from the left.
            var end = RunEnd(tokens, i);
            var matched = false;
            for (var j = end; j >= i; j--)
            {
                if (!tokens[j].Abbreviation)
                {
                    continue;
                }

                var key = string.Concat(tokens.Skip(i).Take(j - i + 1).Where(t => t.Abbreviation && !t.Connector).Select(t => t.Folded));
                if (Table.TryGetValue(key, out var words))
                {
                    output.Add(words);
                    i = j + 1;
                    matched = expanded = true;
                    break;
                }
            }

            if (!matched)
            {
                output.Add(tokens[i].Folded);
                i++;
            }
        }

        return expanded ? WithoutRepeats(string.Join(' ', output)) : null;
    }

    private sealed record Token(string Folded, bool Abbreviation, bool Connector);

    /// <summary>Words of the text; "&amp;" and "và" between capitalised tokens are connectors, other punctuation is dropped.</summary>
    private static List<Token> Tokens(string? text)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }

            var raw = word.ToString();
            var letters = raw.Where(char.IsLetter).ToList();
            var capitals = letters.Count is >= 1 and <= 8 && letters.All(char.IsUpper) && (letters.Count > 1 || tokens.LastOrDefault() is { Abbreviation: true } or { Connector: true });
            var folded = VietnameseText.Fold(raw);
            tokens.Add(new Token(folded, capitals, folded == "va"));
            word.Clear();
        }

        foreach (var ch in VietnameseText.Normalize(text))
        {
            if (char.IsLetterOrDigit(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(ch);
                continue;
            }

            Flush();
            if (ch == '&')
            {
                tokens.Add(new Token("&", false, true));
            }
        }

        Flush();
        return tokens.Where(t => t.Folded.Length > 0).ToList();
    }

    /// <summary>The last index of the run that starts at <paramref name="start"/>: abbreviations with connectors between them.</summary>
    private static int RunEnd(List<Token> tokens, int start)
    {
        var end = start;
        for (var k = start + 1; k < tokens.Count; k++)
        {
            if (tokens[k].Abbreviation && !tokens[k].Connector)
            {
                end = k;
            }
            else if (!tokens[k].Connector)
            {
                break;
            }
        }

        return end;
    }

    /// <summary>"Ủy ban MTTQ Việt Nam" spells "ủy ban" and "việt nam" twice once expanded: keep each once.</summary>
    private static string WithoutRepeats(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "&").ToList();
        for (var n = 3; n >= 1; n--)
        {
            for (var k = 0; k + 2 * n <= words.Count; k++)
            {
                if (words.Skip(k).Take(n).SequenceEqual(words.Skip(k + n).Take(n), StringComparer.Ordinal))
                {
                    words.RemoveRange(k + n, n);
                    k--;
                }
            }
        }

        return string.Join(' ', words);
    }
}
