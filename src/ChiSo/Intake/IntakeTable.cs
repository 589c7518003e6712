namespace ChiSo.Intake;

/// <summary>
/// One cell of an uploaded table as the file has it. Merged cells are expanded so columns line up: the cells a
/// horizontal merge covers are empty and marked, the cells under a vertical merge are marked, so a reader can tell
/// "same value as above" (a merged lead unit) from "really empty".
/// </summary>
/// <param name="Text">NFC, each line trimmed with inner whitespace collapsed, blank lines dropped, lines joined with "\n".</param>
/// <param name="Decimals">For a numeric spreadsheet cell, the decimals its number format prints ("0.00" → 2), else the
/// value's own; null for text and CSV cells. Sum checks rely on the printed precision.</param>
/// <param name="Bold">Every non-empty run is bold (Word only; spreadsheets and CSV report false).</param>
public sealed record IntakeCell(string Text, int? Decimals = null, bool Bold = false, bool VerticalContinuation = false, bool HorizontalContinuation = false)
{
    public static IntakeCell Empty { get; } = new("");

    public bool IsEmpty => Text.Length == 0;
}

/// <summary>
/// A row with its number as the user sees it (sheet row, CSV record with the header as 1, Word table row). CSV rows keep
/// the cells the line really had, so a short row can be told from one with empty cells; spreadsheet rows are as wide
/// as the sheet.
/// </summary>
public sealed record IntakeRow(int Number, IReadOnlyList<IntakeCell> Cells)
{
    public IntakeCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : IntakeCell.Empty;

    /// <summary>The text of a cell, "" past the row's end.</summary>
    public string Cell(int column) => this[column].Text;

    public int? DecimalsAt(int column) => this[column].Decimals;

    public bool IsBlank => Cells.All(c => c.IsEmpty);

    /// <summary>Cells up to the last non-empty one.</summary>
    public int UsedWidth
    {
        get
        {
            var width = Cells.Count;
            while (width > 0 && Cells[width - 1].IsEmpty)
            {
                width--;
            }

            return width;
        }
    }
}

/// <summary>
/// A table read from an upload: a CSV file, a workbook's first sheet, or one top-level Word table.
/// <see cref="AfterAppendixHeading"/> says a "PHỤ LỤC" paragraph came before it in the document (Word only), which is
/// how a plan's appendix is told from the other tables of the plan.
/// </summary>
public sealed record IntakeTable(IReadOnlyList<IntakeRow> Rows, bool AfterAppendixHeading = false)
{
    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);

    /// <summary>The first row when it is the header (results, frameworks, organisations); empty for an empty table.</summary>
    public IntakeRow Header => Rows.Count > 0 ? Rows[0] : new IntakeRow(1, []);

    public IEnumerable<IntakeRow> DataRows => Rows.Skip(1);

    /// <summary>The worksheet's name when the table was read as one sheet of a workbook (<see cref="IntakeReader.ReadSheets"/>).</summary>
    public string? Name { get; init; }

    /// <summary>Whether that worksheet is hidden in the workbook.</summary>
    public bool Hidden { get; init; }
}
