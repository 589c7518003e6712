using System.Globalization;

namespace ChiSo.Plans.Timeframes;

/// <summary>
/// A plan task's time: the user's own words (<see cref="Text"/>, kept as typed, NFC) plus what they mean.
/// The text stays authoritative for display; the derived fields drive validation and reporting.
/// </summary>
public sealed record Timeframe
{
    public required TimeframeKind Kind { get; init; }

    /// <summary>The text as the user typed it, NFC, whitespace collapsed.</summary>
    public required string Text { get; init; }

    /// <summary>Only for <see cref="TimeframeKind.Periodic"/>.</summary>
    public Periodicity? Period { get; init; }

    /// <summary>First day of the derived window (for Ongoing/Periodic: 1 January of the plan's first year).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of the derived window (for Ongoing/Periodic: 31 December of the plan's last year).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only for <see cref="TimeframeKind.ByDate"/>.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>For <see cref="TimeframeKind.Relative"/> texts that give a number of days ("Trong vòng 30 ngày …").</summary>
    public int? OffsetDays { get; init; }

    /// <summary>For <see cref="TimeframeKind.Relative"/>: what the time counts from.</summary>
    public RelativeEvent? Event { get; init; }

    /// <summary>True when the timeframe names calendar dates that can be checked against the plan period.</summary>
    public bool IsDated => Due is not null || From is not null || To is not null;

    /// <summary>Last day by which the task must be done, when there is one (the due date or the window's end).</summary>
    public DateOnly? Deadline => Due ?? To;

    /// <summary>
    /// True when every date the timeframe names lies inside 1 January <paramref name="fromYear"/> ..
    /// 31 December <paramref name="toYear"/>. Undated timeframes (relative, per other document) are within by definition.
    /// </summary>
    public bool IsWithin(int fromYear, int toYear)
    {
        var start = new DateOnly(fromYear, 1, 1);
        var end = new DateOnly(toYear, 12, 31);
        return Inside(From) && Inside(To) && Inside(Due);

        bool Inside(DateOnly? date) => date is not { } d || (d >= start && d <= end);
    }

    /// <summary>
    /// True when a dated timeframe falls (partly) outside the plan period; the caller reports
    /// <see cref="TimeframeMessages.OutsidePlanPeriod"/>.
    /// </summary>
    public bool IsOutsidePlanPeriod(int fromYear, int toYear) => IsDated && !IsWithin(fromYear, toYear);

    /// <summary>A short, normalised Vietnamese rendering ("Quý II–IV/2018", "Trước ngày 30/06/2026").</summary>
    public string DescribeVi() => TimeframeDescriber.Vi(this);

    /// <summary>The English gloss of <see cref="DescribeVi"/>.</summary>
    public string DescribeEn() => TimeframeDescriber.En(this);

    public override string ToString() => DescribeVi();

    internal static int QuarterOf(DateOnly date) => ((date.Month - 1) / 3) + 1;

    internal static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Bilingual validation messages about timeframes.</summary>
public static class TimeframeMessages
{
    public const string OutsidePlanPeriodVi = "Thời gian ngoài kỳ kế hoạch";
    public const string OutsidePlanPeriodEn = "Timeframe outside the plan period";
    public const string OutsidePlanPeriod = OutsidePlanPeriodVi + " / " + OutsidePlanPeriodEn;
}
