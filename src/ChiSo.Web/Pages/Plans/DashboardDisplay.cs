using System.Globalization;
using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;
using ChiSo.Web.Shared;

namespace ChiSo.Web.Pages.Plans;

/// <summary>The dashboard's words for the roll-up's numbers and the filters behind them, in both languages.</summary>
public static class DashboardDisplay
{
    public static (string Vi, string En) Field(TallyField field) => field switch
    {
        TallyField.Expected => ("Phải gửi", "Expected"),
        TallyField.Reported => ("Đã gửi", "Received"),
        TallyField.Accepted => ("Đã tiếp nhận", "Accepted"),
        TallyField.Awaiting => ("Chờ tiếp nhận", "Awaiting acceptance"),
        TallyField.Returned => ("Bị trả lại", "Returned"),
        TallyField.Missing => ("Chưa gửi, quá hạn", "Missing"),
        TallyField.Pending => ("Chưa đến hạn", "Not due yet"),
        TallyField.OnTime => ("Gửi đúng hạn", "On time"),
        TallyField.LateReported => ("Gửi trễ hạn", "Sent late"),
        TallyField.Late => ("Trễ hạn (gồm chưa gửi)", "Late (incl. missing)"),
        _ => ("Báo cáo đã hoàn thành", "Reported done"),
    };

    /// <summary>A table column's heading: short, so a phone's table scrolls rather than breaking words.</summary>
    public static (string Vi, string En) Column(TallyField field) => field switch
    {
        TallyField.Expected => ("Phải gửi", "Owed"),
        TallyField.Reported => ("Đã gửi", "Received"),
        TallyField.Accepted => ("Tiếp nhận", "Accepted"),
        TallyField.Returned => ("Trả lại", "Returned"),
        TallyField.Missing => ("Chưa gửi", "Missing"),
        TallyField.Late => ("Trễ hạn", "Late"),
        _ => Field(field),
    };

    public static (string Vi, string En) Count(TaskCount count) => count switch
    {
        TaskCount.Total => ("Nhiệm vụ đến hạn", "Tasks due"),
        TaskCount.Done => ("Đã hoàn thành", "Done"),
        TaskCount.DoneOnTime => ("Hoàn thành đúng hạn", "Done on time"),
        TaskCount.DoneLate => ("Hoàn thành quá hạn", "Done late"),
        TaskCount.NotDone => ("Chưa hoàn thành", "Not done"),
        TaskCount.NotDoneWithin => ("Chưa hoàn thành, còn trong hạn", "Not done, within its deadline"),
        TaskCount.NotDoneOverdue => ("Chưa hoàn thành, quá hạn", "Not done, overdue"),
        TaskCount.Ongoing => ("Thường xuyên, đang thực hiện", "Ongoing"),
        _ => ("Nhiệm vụ có nguy cơ chậm", "Tasks at risk"),
    };

    public static (string Vi, string En) Status(ReportTaskStatus status) => status switch
    {
        ReportTaskStatus.DoneOnTime => Count(TaskCount.DoneOnTime),
        ReportTaskStatus.DoneLate => Count(TaskCount.DoneLate),
        ReportTaskStatus.NotDoneWithin => Count(TaskCount.NotDoneWithin),
        ReportTaskStatus.NotDoneOverdue => Count(TaskCount.NotDoneOverdue),
        _ => ("Đang thực hiện", "Ongoing"),
    };

    public static (string Vi, string En) Level(UnitLevel level) => level switch
    {
        UnitLevel.Province => ("Cấp tỉnh (sở, ban, ngành)", "Province (departments)"),
        UnitLevel.District => ("Cấp huyện", "Districts"),
        _ => ("Cấp xã", "Communes"),
    };

    public static (string Vi, string En) Role(AssignmentRole role) => role switch
    {
        AssignmentRole.Lead => ("Chủ trì", "Lead"),
        AssignmentRole.Partner => ("Phối hợp", "Partner"),
        _ => ("Thực hiện", "Executing"),
    };

    public static (string Vi, string En) Role(RoleFilter role) => role switch
    {
        RoleFilter.Lead => ("chủ trì", "lead"),
        RoleFilter.Partner => ("phối hợp", "partners"),
        RoleFilter.Executing => ("đơn vị thực hiện", "executing units"),
        _ => ("chủ trì và thực hiện", "lead and executing units"),
    };

    /// <summary>Where one obligation's report stands, in words: its report's state once sent, else missing or not due (with a draft said).</summary>
    public static (string Vi, string En) Standing(ListedObligation item) => (item.Standing, item.ReportState) switch
    {
        (Reporting.Rollup.Standing.Reported or Reporting.Rollup.Standing.Returned, { } state) => (ReportService.StateVi(state), StateEn(state)),
        (Reporting.Rollup.Standing.Missing, ReportState.Draft) => ("chưa gửi, quá hạn (đang soạn nháp)", "missing (a draft exists)"),
        (Reporting.Rollup.Standing.Missing, _) => ("chưa gửi, quá hạn", "missing"),
        (_, ReportState.Draft) => ("chưa đến hạn (đang soạn nháp)", "not due yet (a draft exists)"),
        _ => ("chưa đến hạn", "not due yet"),
    };

    private static string StateEn(ReportState state) => state switch
    {
        ReportState.Submitted => "submitted",
        ReportState.Approved => "approved by the unit head",
        ReportState.Returned => "returned",
        ReportState.Accepted => "accepted",
        _ => "draft",
    };

    /// <summary>"Q1", "6T", "9T", "Năm", "T3": a period in a narrow history cell (the full name goes in its title).</summary>
    public static string Short(ReportingPeriod period, UiText t) => period.Kind switch
    {
        ReportingPeriodKind.Quarter => "Q" + period.Number.ToString(CultureInfo.InvariantCulture),
        ReportingPeriodKind.SixMonths => t["6T", "6M"],
        ReportingPeriodKind.NineMonths => t["9T", "9M"],
        ReportingPeriodKind.Month => t["T", "M"] + period.Number.ToString(CultureInfo.InvariantCulture),
        _ => t["Năm", "Y"],
    };

    /// <summary>What a share or count target counts, as the plan's own target text calls them ("≥ 30% số xã": communes).</summary>
    public static string Members(string? targetText, UiText t) =>
        targetText is { } text && VietnameseText.ContainsFolded(text, "xa") ? t["xã", "communes"] : t["đơn vị", "units"];

    /// <summary>
    /// What a target needs, after its count ("12/71 xã" is drawn by the page with links): ", cần 22" for a share of the
    /// units carrying it out, the value against the requirement for any other target, then the pro-rata path at the
    /// period's end while it is not met ("; theo tiến độ cần 13,56% (đạt 9,5%)").
    /// </summary>
    public static string Needs(TargetResult target, UiText t)
    {
        var needs = t["cần", "needs"];
        var main = target.Basis switch
        {
            TargetBasis.ShareOfMembers => string.Create(CultureInfo.InvariantCulture, $", {needs} {target.RequiredCount}"),
            TargetBasis.CountOfMembers => $", {needs} {VietnameseFormat.Number(target.Required)}",
            _ => target.Value is { } value
                ? $"{t["đạt", "reached"]} {VietnameseFormat.Number(value)}, {needs} {VietnameseFormat.Number(target.Required)}"
                : $"{t["chưa có số liệu", "no figure yet"]}, {needs} {VietnameseFormat.Number(target.Required)}",
        };
        if (target.RequiredNow is not { } now || target.Met == true)
        {
            return main;
        }

        var share = target.Basis == TargetBasis.ShareOfMembers;
        return $"{main}; {t["theo tiến độ cần", "on the pro-rata path needs"]} {VietnameseFormat.Number(now)}{(share ? "%" : "")}"
            + (share && target.Value is { } reached ? $" ({t["đạt", "at"]} {VietnameseFormat.Number(reached)}%)" : "");
    }
}
