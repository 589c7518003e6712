using ChiSo.Plans.Documents;
using ChiSo.Reporting.Rollup;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// Everything a period's consolidated report prints, decided: the header, title, recipients and signature (carried in
/// <see cref="Document"/>, the shape every plan document's header takes), the coordinator's text, the roll-up it reports,
/// the appendix rows and the late and missing units. The DOCX and the XLSX only lay it out.
/// </summary>
/// <param name="Closing">The last line of the body, ending "./." as Decree 30 ends a text.</param>
public sealed record ConsolidatedReport(PlanDocumentContent Document, NarrativeText Text, string Closing, PeriodRollup Rollup, IReadOnlyList<TaskResultGroup> Tasks,
    IReadOnlyList<OutstandingUnit> Outstanding)
{
    public const string TasksAppendixTitle = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ";

    public const string OutstandingAppendixTitle = "DANH SÁCH CƠ QUAN, ĐƠN VỊ CHẬM, CHƯA GỬI BÁO CÁO";

    /// <summary>"quý I năm 2026".</summary>
    public string PeriodWords => Consolidation.PeriodWords.Vi(Rollup.Period);

    /// <summary>"(Kèm theo Báo cáo số      /BC-UBND ngày … của Ủy ban nhân dân tỉnh …)".</summary>
    public string AttachedTo => PlanDocumentLines.AttachedTo(Document);

    /// <summary>"Chưa gửi", "Trả lại, chưa gửi lại", "Gửi chậm".</summary>
    public static string KindVi(OutstandingKind kind) => kind switch
    {
        OutstandingKind.Missing => "Chưa gửi",
        OutstandingKind.Returned => "Trả lại, chưa gửi lại",
        _ => "Gửi chậm",
    };

    /// <summary>
    /// A unit's late and missing reports in a few lines, one per reason and due date, by task code: "Chưa gửi (hạn
    /// 01/04/2026): 1.1, 2.2", "Gửi chậm (hạn 01/04/2026): 1.1 (gửi 04/04/2026)". The document's appendix lists units, so
    /// it stays a few pages for a whole province (a row per report made it dozens); the workbook keeps a row per report.
    /// </summary>
    public static IReadOnlyList<string> OwedLines(OutstandingUnit unit) =>
        [.. unit.Items.GroupBy(i => (i.Kind, i.DueDate)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.DueDate)
            .Select(g => $"{KindVi(g.Key.Kind)} (hạn {ReportColumns.Short(g.Key.DueDate)}): " + string.Join(", ", g.Select(i => i is { Kind: OutstandingKind.SubmittedLate, SubmittedAt: { } at }
                ? $"{i.TaskCode} (gửi {ReportColumns.Short(DateOnly.FromDateTime(ChiSo.Common.VietNamClock.ToVietNam(at).DateTime))})"
                : i.TaskCode)))];

    /// <summary>"Chủ trì", "Phối hợp", "Thực hiện".</summary>
    public static string RoleVi(ChiSo.Plans.AssignmentRole role) => role switch
    {
        ChiSo.Plans.AssignmentRole.Lead => "Chủ trì",
        ChiSo.Plans.AssignmentRole.Partner => "Phối hợp",
        _ => "Thực hiện",
    };
}
