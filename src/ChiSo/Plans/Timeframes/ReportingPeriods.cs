using ChiSo.Reporting.Periods;

namespace ChiSo.Plans.Timeframes;

/// <summary>Which reports should ask about a task, so a report form lists only the tasks it is answerable for.</summary>
public static class ReportingPeriods
{
    /// <summary>
    /// Ongoing/periodic tasks: every report of every plan year. Year ranges: every report of those years.
    /// A due date: the reports of its year that end on or after it (earlier reports cannot judge it yet).
    /// A month or quarter (range): the reports of its year from the one that closes its first month/quarter on,
    /// since each report after that can say whether the work due so far was done.
    /// Undated tasks (relative, per another document, unspecified): the year report of every plan year.
    /// Years outside the plan give no periods; <see cref="Timeframe.IsOutsidePlanPeriod"/> flags those.
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> For(Timeframe timeframe, int planFromYear, int planToYear)
    {
        ArgumentNullException.ThrowIfNull(timeframe);
        var periods = new List<ReportingPeriod>();
        switch (timeframe.Kind)
        {
            case TimeframeKind.Ongoing or TimeframeKind.Periodic:
                AddYears(periods, planFromYear, planToYear, _ => true);
                break;
            case TimeframeKind.YearRange when timeframe.From is { } from && timeframe.To is { } to:
                AddYears(periods, Math.Max(from.Year, planFromYear), Math.Min(to.Year, planToYear), _ => true);
                break;
            case TimeframeKind.ByDate when timeframe.Due is { } due:
                AddYears(periods, Math.Max(due.Year, planFromYear), Math.Min(due.Year, planToYear), p => p.End >= due);
                break;
            case TimeframeKind.ByMonth or TimeframeKind.ByQuarter or TimeframeKind.QuarterRange
                when timeframe.From is { } from && timeframe.To is { } to:
                var firstClose = new DateOnly(from.Year, 3 * Timeframe.QuarterOf(from), 1).AddMonths(1).AddDays(-1);
                AddYears(periods, Math.Max(from.Year, planFromYear), Math.Min(to.Year, planToYear), p => p.End >= firstClose);
                break;
            default:
                for (var year = planFromYear; year <= planToYear; year++)
                {
                    periods.Add(ReportingPeriod.WholeYear(year));
                }

                break;
        }

        return periods;
    }

    private static void AddYears(List<ReportingPeriod> periods, int fromYear, int toYear, Func<ReportingPeriod, bool> keep)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            periods.AddRange(ReportingPeriod.Usual(year).Where(keep));
        }
    }
}
