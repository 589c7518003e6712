namespace ChiSo.Plans.Import;

/// <summary>
/// One cell of an appendix grid. Merged cells are expanded so columns line up across rows: the cells a
/// horizontal merge covers are empty and marked, and the cells under a vertical merge are marked so the
/// parser can tell "same value as above" (a merged lead unit) from "really empty".
/// </summary>
/// <param name="Text">NFC, trimmed per line, lines joined with "\n".</param>
/// <param name="Bold">Every non-empty run is bold (DOCX only; spreadsheets report false).</param>
/// <param name="VerticalContinuation">The cell continues a vertical merge from the row above.</param>
/// <param name="HorizontalContinuation">The cell is covered by a horizontal merge starting to its left.</param>
public sealed record AppendixCell(string Text, bool Bold = false, bool VerticalContinuation = false, bool HorizontalContinuation = false)
{
    public static AppendixCell Empty { get; } = new("");

    public bool IsEmpty => Text.Length == 0;
}
