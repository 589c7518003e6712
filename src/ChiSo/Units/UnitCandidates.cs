using ChiSo.Text;

namespace ChiSo.Units;

/// <summary>
/// The registry entries closest to a name nobody could match, for the user to pick from: token overlap on folded
/// names (abbreviations spelled out), ignoring the words every body's name shares ("Sở", "Ủy ban nhân dân", "tỉnh").
/// Suggestions only: ChiSo never takes one without the user choosing it.
/// </summary>
public static class UnitCandidates
{
    public const int DefaultLimit = 5;

    // Words too common in unit names to say which unit is meant.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "va", "cac", "tinh", "so", "ban", "nganh", "cua", "co", "quan", "don", "vi", "uy", "nhan", "dan", "ubnd", "lien", "thuoc", "truc",
        "tren", "dia", "cap", "huyen", "xa", "phuong", "thi", "tran", "thanh", "pho", "nha", "nuoc", "tp", "dac", "khu", "duoc",
    };

    /// <summary>Up to <paramref name="limit"/> entries sharing the most telling words with <paramref name="text"/>, best first.</summary>
    public static IReadOnlyList<AssigneeChoice> Closest(string text, IEnumerable<AssigneeChoice> entries, int limit = DefaultLimit)
    {
        var wanted = Words(UnitAbbreviations.Expand(text) ?? text);
        if (wanted.Count == 0)
        {
            return [];
        }

        return entries
            .Select(e => (Entry: e, Words: Words(UnitAbbreviations.Expand(e.Label) ?? e.Label)))
            .Select(x => (x.Entry, Shared: x.Words.Count(wanted.Contains), Union: x.Words.Union(wanted).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => (double)x.Shared / x.Union)
            .ThenByDescending(x => x.Shared)
            .ThenBy(x => x.Entry.Label.Length)
            .ThenBy(x => x.Entry.Label, VietnameseText.Comparer)
            .Take(limit)
            .Select(x => x.Entry)
            .ToList();
    }

    private static HashSet<string> Words(string text) =>
        VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Common.Contains(w)).ToHashSet(StringComparer.Ordinal);
}
