using System.Globalization;

namespace ChiSo.Plans.Timeframes;

/// <summary>Renders a timeframe in one house style, so plans read the same whatever the drafters typed.</summary>
internal static class TimeframeDescriber
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static string Vi(Timeframe t) => t.Kind switch
    {
        TimeframeKind.Ongoing => "Thường xuyên",
        TimeframeKind.Periodic => t.Period switch
        {
            Periodicity.Weekly => "Hằng tuần",
            Periodicity.Monthly => "Hằng tháng",
            Periodicity.Quarterly => "Hằng quý",
            Periodicity.HalfYear => "Định kỳ 6 tháng",
            _ => "Hằng năm",
        },
        TimeframeKind.ByDate when t.Due is { } due => "Trước ngày " + Timeframe.Format(due),
        TimeframeKind.ByMonth when t.From is { } from => Invariant($"Tháng {from.Month}/{from.Year}"),
        TimeframeKind.ByQuarter or TimeframeKind.QuarterRange when t.From is { } from && t.To is { } to => "Quý " + Quarters(from, to),
        TimeframeKind.YearRange when t.From is { } from && t.To is { } to => from.Year == to.Year
            ? Invariant($"Năm {from.Year}")
            : Invariant($"{from.Year}–{to.Year}"),
        TimeframeKind.Unspecified when t.Text.Length == 0 => "Chưa xác định",
        _ => t.Text,
    };

    public static string En(Timeframe t) => t.Kind switch
    {
        TimeframeKind.Ongoing => "Ongoing",
        TimeframeKind.Periodic => t.Period switch
        {
            Periodicity.Weekly => "Weekly",
            Periodicity.Monthly => "Monthly",
            Periodicity.Quarterly => "Quarterly",
            Periodicity.HalfYear => "Every 6 months",
            _ => "Yearly",
        },
        TimeframeKind.ByDate when t.Due is { } due => "By " + due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        TimeframeKind.ByMonth when t.From is { } from => from.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        TimeframeKind.ByQuarter or TimeframeKind.QuarterRange when t.From is { } from && t.To is { } to => "Q" + QuartersArabic(from, to),
        TimeframeKind.YearRange when t.From is { } from && t.To is { } to => from.Year == to.Year
            ? Invariant($"Year {from.Year}")
            : Invariant($"{from.Year}–{to.Year}"),
        TimeframeKind.Relative => RelativeEn(t),
        TimeframeKind.PerOtherDocument => "As scheduled by another document: " + t.Text,
        _ => t.Text.Length == 0 ? "Unspecified" : "Unspecified: " + t.Text,
    };

    private static string RelativeEn(Timeframe t)
    {
        var anchor = t.Event switch
        {
            RelativeEvent.PlanIssued => "the plan is issued",
            RelativeEvent.Approval => "approval",
            RelativeEvent.Election => "the election",
            RelativeEvent.OnRequest => null,
            _ => "the triggering event",
        };
        if (anchor is null)
        {
            return "On request";
        }

        if (t.OffsetDays is { } days)
        {
            return Invariant($"Within {days} days after {anchor}");
        }

        return t.Event == RelativeEvent.Election ? "Before and during the election" : "After " + anchor;
    }

    private static string Quarters(DateOnly from, DateOnly to)
    {
        int first = Timeframe.QuarterOf(from), last = Timeframe.QuarterOf(to);
        if (from.Year != to.Year)
        {
            return Invariant($"{Roman[first - 1]}/{from.Year}–Quý {Roman[last - 1]}/{to.Year}");
        }

        return first == last
            ? Invariant($"{Roman[first - 1]}/{from.Year}")
            : Invariant($"{Roman[first - 1]}–{Roman[last - 1]}/{from.Year}");
    }

    private static string QuartersArabic(DateOnly from, DateOnly to)
    {
        int first = Timeframe.QuarterOf(from), last = Timeframe.QuarterOf(to);
        if (from.Year != to.Year)
        {
            return Invariant($"{first} {from.Year} – Q{last} {to.Year}");
        }

        return first == last ? Invariant($"{first} {from.Year}") : Invariant($"{first}–Q{last} {from.Year}");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
