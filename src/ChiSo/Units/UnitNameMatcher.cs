using ChiSo.Text;

namespace ChiSo.Units;

/// <summary>
/// Finds the unit a file means by a code or a name in any common spelling: with or without diacritics,
/// old or new tone-mark placement, with or without "Tỉnh"/"Thành phố"/"TP."/"Xã"/"Phường" (or "X.", "P.", "TT.",
/// "Ward"), English names and known historic aliases. Only units valid on the reference date are candidates, so "Đắk Nông" matches in
/// 2019 and not after the 2025 merger. Two candidates are reported as ambiguous, never guessed between.
/// </summary>
public sealed class UnitNameMatcher
{
    private static readonly string[] Prefixes =
        ["thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp", "tt", "t", "thi tran", "thi xa", "phuong", "xa", "p", "x", "dac khu", "quan", "huyen",
            "uy ban nhan dan", "ubnd", "ward", "commune"];

    private static readonly string[] Suffixes = ["province", "city", "municipality", "ward", "commune", "town"];

    private static readonly string[] SpelledPrefixes =
        new[] { "Thành phố", "Tỉnh", "TP", "Thị trấn", "Thị xã", "Phường", "Xã", "Đặc khu", "Quận", "Huyện", "TT", "X", "P" }
            .Select(p => VietnameseText.SpellingKey(p) + " ").ToArray();

    private readonly Dictionary<string, List<Unit>> _byKey = new(StringComparer.Ordinal);

    /// <summary>Names with their marks: tried first, so an exact spelling never becomes ambiguous by folding.</summary>
    private readonly Dictionary<string, List<Unit>> _bySpelling = new(StringComparer.Ordinal);

    public UnitNameMatcher(IEnumerable<Unit> units, IEnumerable<(string Code, string Alias)>? aliases = null)
    {
        var aliasesByCode = (aliases ?? ProvinceReference.Aliases)
            .GroupBy(a => a.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Alias).ToList(), StringComparer.Ordinal);
        foreach (var unit in units)
        {
            Add(_byKey, CodeKey(unit.Code), unit);
            foreach (var name in new[] { unit.Name, unit.FullName, unit.NameEn })
            {
                Add(_byKey, NameKey(name), unit);
            }

            // Vietnamese spellings only: the English "Thanh An" of Xã Thạnh An must not meet Xã Thanh An exactly.
            foreach (var name in new[] { unit.Name, unit.FullName })
            {
                Add(_bySpelling, SpelledKey(name), unit);
            }

            if (unit.Kind == UnitKind.Province && aliasesByCode.TryGetValue(unit.Code, out var names))
            {
                foreach (var alias in names)
                {
                    Add(_byKey, NameKey(alias), unit);
                    Add(_bySpelling, SpelledKey(alias), unit);
                }
            }
        }
    }

    /// <summary>Matches among the units valid on <paramref name="referenceDate"/>.</summary>
    public UnitMatch Match(string text, DateOnly referenceDate) => Match(text, u => u.IsValidOn(referenceDate));

    /// <summary>Matches among all units, preferring those still valid today over historic ones.</summary>
    public UnitMatch MatchAnyEra(string text)
    {
        var current = Match(text, u => u.ValidTo is null);
        return current.IsFound || current.IsAmbiguous ? current : Match(text, _ => true);
    }

    private UnitMatch Match(string text, Func<Unit, bool> valid)
    {
        if (!IsCode(text) && VietnameseText.HasMarks(text) && _bySpelling.TryGetValue(SpelledKey(text), out var spelled))
        {
            var exact = spelled.Where(valid).DistinctBy(u => u.Id).ToList();
            if (exact.Count > 0)
            {
                return exact.Count == 1 ? UnitMatch.Found(exact[0]) : UnitMatch.Ambiguous(exact);
            }
        }

        var key = IsCode(text) ? CodeKey(text) : NameKey(text);
        if (key.Length == 0 || !_byKey.TryGetValue(key, out var found))
        {
            return UnitMatch.NotFound;
        }

        var candidates = found.Where(valid).DistinctBy(u => u.Id).ToList();
        return candidates.Count switch
        {
            0 => UnitMatch.NotFound,
            1 => UnitMatch.Found(candidates[0]),
            _ => UnitMatch.Ambiguous(candidates),
        };
    }

    private static void Add(Dictionary<string, List<Unit>> index, string key, Unit unit)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(unit))
        {
            list.Add(unit);
        }
    }

    private static bool IsCode(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit);
    }

    private static string CodeKey(string code)
    {
        var trimmed = code.Trim();
        return trimmed.All(char.IsAsciiDigit) ? "#" + (trimmed.TrimStart('0') is { Length: > 0 } t ? t : "0") : "#" + VietnameseText.Fold(trimmed);
    }

    /// <summary>Spelling key without a leading unit-type word: "Xã Sơn Hạ" → "sơn hạ" (marks kept, tone position ignored).</summary>
    private static string SpelledKey(string? name)
    {
        var key = VietnameseText.SpellingKey(name);
        foreach (var spelled in SpelledPrefixes)
        {
            if (key.StartsWith(spelled, StringComparison.Ordinal) && key.Length > spelled.Length)
            {
                return key[spelled.Length..];
            }
        }

        return key;
    }

    /// <summary>Folded name without unit-type words and without spaces: "TP. Hồ Chí Minh" → "hochiminh".</summary>
    internal static string NameKey(string? name)
    {
        var folded = VietnameseText.Fold(name);
        if (folded.Length == 0)
        {
            return string.Empty;
        }

        foreach (var prefix in Prefixes)
        {
            if (folded.StartsWith(prefix + " ", StringComparison.Ordinal) && folded.Length > prefix.Length + 1)
            {
                folded = folded[(prefix.Length + 1)..];
                break;
            }
        }

        foreach (var suffix in Suffixes)
        {
            if (folded.EndsWith(" " + suffix, StringComparison.Ordinal) && folded.Length > suffix.Length + 1)
            {
                folded = folded[..^(suffix.Length + 1)];
                break;
            }
        }

        return folded.Replace(" ", "", StringComparison.Ordinal);
    }
}
