namespace ChiSo.Plans.Import;

/// <summary>A row of the grid; <paramref name="Number"/> is what the user sees (sheet row, CSV line, Word table row).</summary>
public sealed record AppendixRow(int Number, IReadOnlyList<AppendixCell> Cells)
{
    public AppendixCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : AppendixCell.Empty;

    public bool IsBlank => Cells.All(c => c.IsEmpty);
}
