namespace ChiSo.Plans.Timeframes;

/// <summary>The cumulative reports a province files each year: Q1, 6 months, 9 months, whole year.</summary>
public enum ReportingPeriodKind
{
    Quarter1,
    HalfYear,
    NineMonths,
    Year,
}

/// <summary>One report of one year, e.g. the 6-month report of 2026.</summary>
public readonly record struct ReportingPeriod(int Year, ReportingPeriodKind Kind)
{
    /// <summary>The last day the report covers (31/3, 30/6, 30/9, 31/12).</summary>
    public DateOnly End => Kind switch
    {
        ReportingPeriodKind.Quarter1 => new DateOnly(Year, 3, 31),
        ReportingPeriodKind.HalfYear => new DateOnly(Year, 6, 30),
        ReportingPeriodKind.NineMonths => new DateOnly(Year, 9, 30),
        _ => new DateOnly(Year, 12, 31),
    };

    public string DescribeVi() => Kind switch
    {
        ReportingPeriodKind.Quarter1 => FormattableString.Invariant($"Quý I/{Year}"),
        ReportingPeriodKind.HalfYear => FormattableString.Invariant($"6 tháng/{Year}"),
        ReportingPeriodKind.NineMonths => FormattableString.Invariant($"9 tháng/{Year}"),
        _ => FormattableString.Invariant($"Năm {Year}"),
    };

    /// <summary>Reads the stored code of a period ("2026-Q1", "2026-H1", "2026-Q3" for nine months, "2026-Y").</summary>
    public static bool TryParse(string? code, out ReportingPeriod period)
    {
        period = default;
        if (code is not { Length: > 5 } || code[4] != '-'
            || !int.TryParse(code.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        ReportingPeriodKind? kind = code[5..] switch { "Q1" => ReportingPeriodKind.Quarter1, "H1" => ReportingPeriodKind.HalfYear, "Q3" => ReportingPeriodKind.NineMonths, "Y" => ReportingPeriodKind.Year, _ => null };
        if (kind is null)
        {
            return false;
        }

        period = new ReportingPeriod(year, kind.Value);
        return true;
    }

    public string DescribeEn() => Kind switch
    {
        ReportingPeriodKind.Quarter1 => FormattableString.Invariant($"Q1 {Year}"),
        ReportingPeriodKind.HalfYear => FormattableString.Invariant($"H1 {Year}"),
        ReportingPeriodKind.NineMonths => FormattableString.Invariant($"9 months {Year}"),
        _ => FormattableString.Invariant($"Year {Year}"),
    };
}

/// <summary>Which reports should ask about a task, so a report form lists only the tasks it is answerable for.</summary>
public static class ReportingPeriods
{
    private static readonly ReportingPeriodKind[] All =
        [ReportingPeriodKind.Quarter1, ReportingPeriodKind.HalfYear, ReportingPeriodKind.NineMonths, ReportingPeriodKind.Year];

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
                    periods.Add(new ReportingPeriod(year, ReportingPeriodKind.Year));
                }

                break;
        }

        return periods;
    }

    private static void AddYears(List<ReportingPeriod> periods, int fromYear, int toYear, Func<ReportingPeriod, bool> keep)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            periods.AddRange(All.Select(kind => new ReportingPeriod(year, kind)).Where(keep));
        }
    }
}
