using ChiSo.Reporting.Calendar;

namespace ChiSo.Reporting.Periods;

/// <summary>
/// The default schedule of a period, from the seeds and Decree 09/2019/NĐ-CP: data from the 15th of the month before
/// the period (15 December of the year before for the cumulative reports) to the 14th of its last month; each unit's
/// report due on the 1st of the month after the period ("định kỳ vào ngày 01 hằng quý"); the consolidated report to the
/// People's Committee before the 20th of that month, i.e. by the 19th. A due date on a weekend or a holiday moves to
/// the next working day. Every date stays editable per plan.
/// </summary>
public static class ReportingDeadlines
{
    public const int UnitDueDay = 1;

    /// <summary>"Trước ngày 20": the last day before the 20th.</summary>
    public const int ConsolidatedDueDay = 19;

    public static PlanReportingPeriod Default(int planId, ReportingPeriod period, WorkingCalendar calendar)
    {
        var (from, to) = period.DefaultDataWindow;
        var nextMonth = new DateOnly(period.Year, period.LastMonth, 1).AddMonths(1);
        return new PlanReportingPeriod
        {
            PlanId = planId,
            Key = period.Id,
            Kind = period.Kind,
            Year = period.Year,
            Number = period.Number,
            DataFrom = from,
            DataTo = to,
            UnitDue = calendar.OnOrNextWorkingDay(nextMonth.AddDays(UnitDueDay - 1)),
            ConsolidatedDue = calendar.OnOrNextWorkingDay(nextMonth.AddDays(ConsolidatedDueDay - 1)),
        };
    }
}
