using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Text;

namespace ChiSo.Results.Import;

/// <summary>
/// A results file as the parser reads it: the header and the data rows of the intake table, each cell on one line
/// (a unit name typed over two lines is one name).
/// </summary>
public sealed record RawTable(IReadOnlyList<string> Header, IReadOnlyList<RawRow> Rows)
{
    /// <summary>The intake table as header and rows; a CSV row shorter than the header is a problem, not padded.</summary>
    public static RawTable From(IntakeTable table, ProblemCollector problems)
    {
        var header = table.Header;
        var rows = new List<RawRow>(Math.Max(0, table.Rows.Count - 1));
        foreach (var row in table.DataRows)
        {
            ShortRows.Check(header, row, problems);
            rows.Add(new RawRow(row.Number, row.Cells.Select(c => VietnameseText.Normalize(c.Text)).ToList(), row.Cells.Select(c => c.Decimals).ToList()));
        }

        return new RawTable(header.Cells.Select(c => VietnameseText.Normalize(c.Text)).ToList(), rows);
    }
}

/// <summary>
/// One data row with its spreadsheet row number, each cell's text and, for numeric cells, how many
/// decimals the file printed (the precision a parent-sum check may rely on).
/// </summary>
public sealed record RawRow(int Number, IReadOnlyList<string> Cells, IReadOnlyList<int?> Decimals)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index] : "";

    public int? DecimalsAt(int index) => index < Decimals.Count ? Decimals[index] : null;
}
