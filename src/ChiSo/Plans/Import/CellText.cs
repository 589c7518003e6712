using ChiSo.Text;

namespace ChiSo.Plans.Import;

/// <summary>
/// Cell text as the appendix needs it: VietnameseText.Normalize collapses line breaks, but a cell's lines
/// ("- Sở Nội vụ" / "- Sở Tư pháp") carry meaning, so each line is normalised on its own.
/// </summary>
internal static class CellText
{
    public static string Normalize(string? text) => ChiSo.Intake.CellText.Normalize(text);

    /// <summary>Joins a continuation onto earlier text of the same cell.</summary>
    public static string Append(string? before, string more) =>
        string.IsNullOrEmpty(before) ? more : more.Length == 0 ? before : before + "\n" + more;

    /// <summary>"A", "B" … "Z", "AA" for a 0-based column index.</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
