namespace ChiSo.Reporting.Periods;

/// <summary>
/// What a report covers. Quarters and months are each their own stretch; 6 months, 9 months and the year are
/// cumulative from the start of the year (Decree 09/2019/NĐ-CP), so quarter III and the 9-month report are two
/// different periods that end on the same day.
/// </summary>
public enum ReportingPeriodKind
{
    Month,
    Quarter,
    SixMonths,
    NineMonths,
    Year,
}
