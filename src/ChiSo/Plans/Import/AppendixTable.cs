using ChiSo.Common;

namespace ChiSo.Plans.Import;

/// <summary>
/// The appendix as a rectangular grid (every row has <see cref="ColumnCount"/> cells), plus the problems met
/// while reading it. A file that cannot be opened gives an empty grid and an error, never an exception.
/// </summary>
public sealed record AppendixTable(IReadOnlyList<AppendixRow> Rows, int ColumnCount, IReadOnlyList<Problem> Problems)
{
    public static AppendixTable Failed(Problem problem) => new([], 0, [problem]);

    public bool HasErrors => Problems.Any(p => !p.IsWarning);
}
