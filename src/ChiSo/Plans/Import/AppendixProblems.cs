using ChiSo.Common;

namespace ChiSo.Plans.Import;

/// <summary>
/// The appendix's problems as <see cref="Problem"/>s: at a row of the file (as the user sees it in Word or Excel) and
/// a column ("C (Đơn vị chủ trì)"), or of the whole file. Appendix problems are warnings unless said otherwise: the
/// user decides whether the draft is usable.
/// </summary>
internal static class AppendixProblems
{
    public static Problem At(int row, string column, string vietnamese, string english, ProblemSeverity severity = ProblemSeverity.Warning)
    {
        var problem = row > 0
            ? Problem.AtRow(row, column, vietnamese, english)
            : new Problem(ProblemCodes.Invalid, vietnamese, english) { Column = column.Length > 0 ? column : null };
        return problem with { Severity = severity };
    }

    public static Problem FileError(string vietnamese, string english) => Problem.File(vietnamese, english);
}
