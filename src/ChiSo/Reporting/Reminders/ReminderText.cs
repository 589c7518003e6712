using System.Globalization;
using ChiSo.Reporting.Periods;
using ChiSo.Text;

namespace ChiSo.Reporting.Reminders;

/// <summary>
/// What a notification says and asks, in Vietnamese and English: the same words on <c>/my/notifications</c> and in
/// the e-mail digest. The days left or overdue are counted from the digest's day, in calendar days.
/// </summary>
public static class ReminderText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The order items are listed in: what needs correcting first, what others must chase last.</summary>
    public static IReadOnlyList<NotificationKind> Order { get; } = [NotificationKind.Returned, NotificationKind.Overdue, NotificationKind.DueSoon, NotificationKind.Escalation];

    public static (string Vi, string En) Heading(NotificationKind kind) => kind switch
    {
        NotificationKind.Returned => ("Báo cáo bị trả lại", "Reports returned"),
        NotificationKind.Overdue => ("Báo cáo đã quá hạn", "Reports overdue"),
        NotificationKind.DueSoon => ("Báo cáo sắp đến hạn", "Reports due soon"),
        _ => ("Đơn vị chưa gửi báo cáo (quá hạn)", "Units that have not reported (overdue)"),
    };

    /// <summary>What the reader is asked to do.</summary>
    public static (string Vi, string En) WhatToDo(NotificationKind kind) => kind switch
    {
        NotificationKind.Returned => ("Sửa báo cáo theo nhận xét và gửi lại.", "Correct the report as commented and submit it again."),
        NotificationKind.Overdue => ("Hoàn thành và gửi báo cáo ngay.", "Complete and submit the report now."),
        NotificationKind.DueSoon => ("Hoàn thành và gửi báo cáo trước hạn.", "Complete and submit the report before it is due."),
        _ => ("Đôn đốc đơn vị gửi báo cáo.", "Follow the unit up until it submits its report."),
    };

    /// <summary>"Báo cáo Quý I/2026 của Sở Tư pháp về nhiệm vụ 1.1, Kế hoạch 12/KH-UBND: hạn ngày 01 tháng 04 năm 2026 — còn 3 ngày."</summary>
    public static (string Vi, string En) Describe(Notification n)
    {
        var (periodVi, periodEn) = ReportingPeriod.TryParse(n.PeriodKey, out var period) ? (period.NameVi, period.NameEn) : (n.PeriodKey, n.PeriodKey);
        var vi = $"Báo cáo {periodVi} của {n.UnitName} về nhiệm vụ {n.TaskCode}, Kế hoạch {n.PlanNumber}: hạn {VietnameseFormat.Date(n.DueDate)}";
        var en = $"The {periodEn} report of {n.UnitName} on task {n.TaskCode}, plan {n.PlanNumber}: due {n.DueDate.ToString("d MMMM yyyy", English)}";
        var days = n.Day.DayNumber - n.DueDate.DayNumber;
        var (whenVi, whenEn) = n.Kind switch
        {
            NotificationKind.DueSoon when days == 0 => (" — hạn là hôm nay.", " — due today."),
            NotificationKind.DueSoon => (Invariant($" — còn {-days} ngày."), Invariant($" — {-days} {(days == -1 ? "day" : "days")} left.")),
            _ when days > 0 => (Invariant($" — đã quá hạn {days} ngày."), Invariant($" — {days} {(days == 1 ? "day" : "days")} overdue.")),
            _ => (".", "."),
        };
        vi += whenVi;
        en += whenEn;
        if (n.Kind == NotificationKind.Returned && !string.IsNullOrWhiteSpace(n.Comment))
        {
            vi += $" Nhận xét: “{n.Comment}”";
            en += $" Comment: “{n.Comment}”";
        }

        return (vi, en);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
