namespace ChiSo.Results.Import;

/// <summary>A file's cells as text, before any meaning is given to them.</summary>
public sealed record RawTable(IReadOnlyList<string> Header, IReadOnlyList<RawRow> Rows);

/// <summary>
/// One data row with its spreadsheet row number, each cell's text and, for numeric cells, how many
/// decimals the file printed (the precision a parent-sum check may rely on).
/// </summary>
public sealed record RawRow(int Number, IReadOnlyList<string> Cells, IReadOnlyList<int?> Decimals)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index] : "";

    public int? DecimalsAt(int index) => index < Decimals.Count ? Decimals[index] : null;
}
