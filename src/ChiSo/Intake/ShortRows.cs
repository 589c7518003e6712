using System.Globalization;
using ChiSo.Common;

namespace ChiSo.Intake;

/// <summary>
/// A CSV row with fewer cells than its header lost a value somewhere — often a missing delimiter that shifts every
/// later value one column left — so imports where every column matters (results, frameworks, organisations) refuse it
/// instead of padding it with empty cells. Spreadsheet rows are always as wide as the sheet, so only CSV can be short.
/// </summary>
public static class ShortRows
{
    /// <summary>Whether <paramref name="row"/> has fewer cells than the header's used width; adds the problem if so.</summary>
    public static bool Check(IntakeRow header, IntakeRow row, ProblemCollector problems)
    {
        var expected = header.UsedWidth;
        if (row.Cells.Count >= expected || row.IsBlank)
        {
            return false;
        }

        var have = row.Cells.Count.ToString(CultureInfo.InvariantCulture);
        var want = expected.ToString(CultureInfo.InvariantCulture);
        problems.Add(Problem.AtRow(row.Number, null,
            $"Dòng có ít ô hơn dòng tiêu đề ({have} ô, tiêu đề có {want} ô); có thể thiếu dấu phân cách nên các giá trị sau bị lệch cột.",
            $"The row has fewer cells than the header ({have}, the header has {want}); a delimiter may be missing, shifting the values after it.",
            ProblemCodes.Invalid));
        return true;
    }
}
