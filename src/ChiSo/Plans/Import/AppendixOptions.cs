namespace ChiSo.Plans.Import;

/// <summary>How to read the grid.</summary>
/// <param name="FillVerticalMerges">
/// Copy the text of a vertical merge's first cell into the cells under it (they stay marked). Off by default:
/// the parser inherits merged values itself and must see which cells were really typed.
/// </param>
public sealed record AppendixReadOptions(bool FillVerticalMerges = false)
{
    public static AppendixReadOptions Default { get; } = new();
}

/// <summary>How to turn the grid into a draft.</summary>
/// <param name="StripTitlePrefixes">Group titles without "I." / "1." / "Chỉ số nội dung" / "Chỉ số:" (the original is kept by default).</param>
public sealed record AppendixParseOptions(bool StripTitlePrefixes = false)
{
    public static AppendixParseOptions Default { get; } = new();
}
