using System.Globalization;
using ChiSo.Plans.Documents;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// One column of a consolidation table, shared by the DOCX and the XLSX so both print the same columns in the same order.
/// <paramref name="Weight"/> shares out the DOCX table width; <paramref name="ExcelWidth"/> is in characters.
/// </summary>
internal sealed record ReportColumn<T>(string Header, int Weight, double ExcelWidth, bool Centered, Func<T, string> Value)
{
    /// <summary>The same column as the plan appendix's writer measures it (for the XLSX row heights).</summary>
    public AppendixColumn Measured => new(Header, Weight, ExcelWidth, Centered, _ => "");
}

/// <summary>The columns of the two appendices: task results, and the late and missing reports.</summary>
internal static class ReportColumns
{
    public static IReadOnlyList<ReportColumn<TaskResultRow>> Tasks { get; } =
    [
        new("STT", 5, 7, true, t => t.Code),
        new("Nhiệm vụ", 30, 45, false, t => t.Content),
        new("Đơn vị chủ trì", 13, 20, false, t => t.Lead),
        new("Tình trạng", 12, 18, true, t => t.Status),
        new("Đơn vị hoàn thành / phải thực hiện", 9, 14, true, t => t.Units),
        new("Kết quả chỉ tiêu", 16, 26, false, t => t.Target),
        new("Ghi chú", 15, 24, false, t => t.Remarks),
    ];

    /// <summary>A late or missing report: the task, the unit's role, why it is listed, the due date, when it was sent.</summary>
    public static IReadOnlyList<ReportColumn<OutstandingItem>> Outstanding { get; } =
    [
        new("STT", 5, 7, true, _ => ""),
        new("Nhiệm vụ", 45, 60, false, i => $"{i.TaskCode}. {i.TaskContent}"),
        new("Vai trò", 9, 12, true, i => ConsolidatedReport.RoleVi(i.Role)),
        new("Tình trạng báo cáo", 13, 20, true, i => ConsolidatedReport.KindVi(i.Kind)),
        new("Hạn gửi", 10, 13, true, i => Short(i.DueDate)),
        new("Ngày gửi", 10, 13, true, i => i.SubmittedAt is { } at ? Short(DateOnly.FromDateTime(ChiSo.Common.VietNamClock.ToVietNam(at).DateTime)) : ""),
    ];

    /// <summary>Phụ lục II of the document: a row per unit (its number is written by the table).</summary>
    public static IReadOnlyList<ReportColumn<OutstandingUnit>> OutstandingUnits { get; } =
    [
        new("STT", 5, 7, true, _ => ""),
        new("Cơ quan, đơn vị", 28, 30, false, u => u.Name),
        new("Báo cáo chậm, chưa gửi (mã nhiệm vụ)", 57, 70, false, u => string.Join("\n", ConsolidatedReport.OwedLines(u))),
        new("Số báo cáo", 10, 10, true, u => u.Items.Count.ToString(CultureInfo.InvariantCulture)),
    ];

    public static string Short(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Shares <paramref name="total"/> twips by the columns' weights; the last column takes the rounding rest.</summary>
    public static int[] Widths<T>(IReadOnlyList<ReportColumn<T>> columns, int total)
    {
        var weights = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => total * c.Weight / weights).ToArray();
        widths[^1] += total - widths.Sum();
        return widths;
    }
}
