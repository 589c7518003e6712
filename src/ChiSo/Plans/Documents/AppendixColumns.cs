namespace ChiSo.Plans.Documents;

/// <summary>
/// One column of the appendix table, shared by the DOCX and the XLSX so both print the same columns in the same
/// order. <paramref name="Weight"/> shares out the DOCX table width; <paramref name="ExcelWidth"/> is in characters.
/// </summary>
internal sealed record AppendixColumn(string Header, int Weight, double ExcelWidth, bool Centered, Func<AppendixTask, string> Value);

internal static class AppendixColumns
{
    /// <summary>The columns for this appendix: "Đơn vị thực hiện" only when some task names executing units.</summary>
    public static IReadOnlyList<AppendixColumn> For(PlanAppendix appendix)
    {
        var columns = new List<AppendixColumn>
        {
            new("STT", 5, 7, true, t => t.Code),
            new("Nhiệm vụ, giải pháp", 28, 45, false, t => t.Content),
            new("Chỉ tiêu", 14, 22, false, t => t.Target),
            new("Đơn vị chủ trì", 12, 20, false, t => t.LeadUnits),
            new("Đơn vị phối hợp", 14, 24, false, t => t.PartnerUnits),
        };
        if (appendix.HasExecutingUnits)
        {
            columns.Add(new("Đơn vị thực hiện", 12, 20, false, t => t.ExecutingUnits));
        }

        columns.Add(new("Thời gian thực hiện", 9, 14, true, t => t.Time));
        columns.Add(new("Kết quả, sản phẩm", 16, 28, false, t => t.ExpectedOutput));
        return columns;
    }
}
