using ChiSo.Common;

namespace ChiSo.Intake;

/// <summary>
/// Counts rows, cells and cell lengths while a table is read, whatever the format, and records the first bound hit.
/// Readers ask before keeping each row and cell, so a hostile file stops at the bound instead of after it is all in
/// memory.
/// </summary>
internal sealed class TableBounds(IntakeLimits limits, ProblemCollector problems)
{
    private long _cells;
    private long _merged;

    public IntakeLimits Limits => limits;

    public bool Exceeded { get; private set; }

    /// <summary>Room for row <paramref name="rowNumber"/> (the <paramref name="count"/>-th row read) of <paramref name="width"/> cells.</summary>
    public bool AllowRow(int rowNumber, int count, int width)
    {
        if (count > limits.MaxRows)
        {
            return Fail(IntakeProblems.TooManyRows(rowNumber, limits.MaxRows));
        }

        if (width > limits.MaxColumns)
        {
            return Fail(IntakeProblems.TooManyColumns(rowNumber, limits.MaxColumns));
        }

        _cells += width;
        return _cells <= limits.MaxCells || Fail(IntakeProblems.TooManyCells(rowNumber, limits.MaxCells));
    }

    /// <summary>
    /// Room for expanding a merged range that starts on row <paramref name="rowNumber"/>: the cells it adds to rows
    /// narrower than the range count like read cells, and the cells all merges cover together may not pass the cell
    /// bound either (a real sheet's merges do not overlap), so a few bytes of merge ranges cannot grow the table or
    /// the work past what the bound allows.
    /// </summary>
    public bool AllowMerge(int rowNumber, long added, long covered)
    {
        _cells += added;
        _merged += covered;
        return (_cells <= limits.MaxCells && _merged <= limits.MaxCells) || Fail(IntakeProblems.TooManyCells(rowNumber, limits.MaxCells));
    }

    /// <summary>Whether a cell of <paramref name="length"/> characters fits.</summary>
    public bool AllowCell(int rowNumber, int column, int length) =>
        length <= limits.MaxCellLength || Fail(IntakeProblems.CellTooLong(rowNumber, column, limits.MaxCellLength));

    private bool Fail(Problem problem)
    {
        if (!Exceeded)
        {
            problems.Add(problem);
        }

        Exceeded = true;
        return false;
    }
}
