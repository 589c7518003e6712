using ChiSo.Text;

namespace ChiSo.Units;

/// <summary>
/// The registry entries closest to a name nobody could match, for the user to pick from: token overlap on folded
/// names (abbreviations spelled out), ignoring the words every body's name shares ("Sở", "Ủy ban nhân dân", "tỉnh").
/// Suggestions only: ChiSo never takes one without the user choosing it. Build once per list of entries (the words of
/// each entry are worked out once), then ask for as many names as needed.
/// </summary>
public sealed class UnitCandidates
{
    public const int DefaultLimit = 5;

    // Words too common in unit names to say which unit is meant.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "va", "cac", "tinh", "so", "ban", "nganh", "cua", "co", "quan", "don", "vi", "uy", "nhan", "dan", "ubnd", "lien", "thuoc", "truc",
        "tren", "dia", "cap", "huyen", "xa", "phuong", "thi", "tran", "thanh", "pho", "nha", "nuoc", "tp", "dac", "khu", "duoc",
    };

    private readonly IReadOnlyList<(AssigneeChoice Entry, HashSet<string> Words)> _entries;

    public UnitCandidates(IEnumerable<AssigneeChoice> entries) =>
        _entries = entries.Select(e => (e, Words(e.Label))).Where(x => x.Item2.Count > 0).ToList();

    /// <summary>Up to <paramref name="limit"/> entries sharing the most telling words with <paramref name="text"/>, best first.</summary>
    public IReadOnlyList<AssigneeChoice> Closest(string text, int limit = DefaultLimit)
    {
        var wanted = Words(text);
        if (wanted.Count == 0)
        {
            return [];
        }

        return _entries
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
        VietnameseText.Fold(UnitAbbreviations.Expand(text) ?? text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Common.Contains(w)).ToHashSet(StringComparer.Ordinal);
}
