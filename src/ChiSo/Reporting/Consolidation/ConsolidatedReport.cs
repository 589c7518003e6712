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

    /// <summary>"Chủ trì", "Phối hợp", "Thực hiện".</summary>
    public static string RoleVi(ChiSo.Plans.AssignmentRole role) => role switch
    {
        ChiSo.Plans.AssignmentRole.Lead => "Chủ trì",
        ChiSo.Plans.AssignmentRole.Partner => "Phối hợp",
        _ => "Thực hiện",
    };
}
