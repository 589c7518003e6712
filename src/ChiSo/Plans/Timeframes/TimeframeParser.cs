using System.Text.RegularExpressions;
using ChiSo.Text;

namespace ChiSo.Plans.Timeframes;

/// <summary>
/// Reads the time column of a plan task as drafters write it ("Quý II–IV/2018", "Thường xuyên",
/// "Trước ngày 30/6/2026") into a <see cref="Timeframe"/>. Case and diacritics are ignored, so text typed
/// without marks parses the same. Where a text says several things ("Thường xuyên; báo cáo trước 15/12"),
/// the one written first wins, because drafters lead with the main schedule.
/// </summary>
public static class TimeframeParser
{
    private delegate Timeframe? Rule(Match match, Context context);

    private sealed record Context(string Text, string Folded, int FromYear, int ToYear);

    // Order breaks ties between rules matching at the same place: the more specific rule first.
    private static readonly (Func<Regex> Pattern, Rule Build)[] Rules =
    [
        (TimeframePatterns.Ongoing, (_, c) => Whole(c, TimeframeKind.Ongoing, null)),
        (TimeframePatterns.Weekly, (_, c) => Whole(c, TimeframeKind.Periodic, Periodicity.Weekly)),
        (TimeframePatterns.Monthly, (_, c) => Whole(c, TimeframeKind.Periodic, Periodicity.Monthly)),
        (TimeframePatterns.Quarterly, (_, c) => Whole(c, TimeframeKind.Periodic, Periodicity.Quarterly)),
        (TimeframePatterns.HalfYear, (_, c) => Whole(c, TimeframeKind.Periodic, Periodicity.HalfYear)),
        (TimeframePatterns.Yearly, (_, c) => Whole(c, TimeframeKind.Periodic, Periodicity.Yearly)),
        (TimeframePatterns.DeadlineDate, ByDate),
        (TimeframePatterns.BareDate, ByDate),
        (TimeframePatterns.Quarters, ByQuarters),
        (TimeframePatterns.HalfOfYear, HalfOfYear),
        (TimeframePatterns.Month, ByMonth),
        (TimeframePatterns.Years, ByYears),
        (TimeframePatterns.Relative, Relative),
        (TimeframePatterns.PerOtherDocument, (_, c) => new Timeframe { Kind = TimeframeKind.PerOtherDocument, Text = c.Text }),
    ];

    /// <param name="text">The user's text; null or blank gives <see cref="TimeframeKind.Unspecified"/>.</param>
    /// <param name="planFromYear">First year of the plan: fills in a missing year ("Tháng 12", "Quý III và IV").</param>
    /// <param name="planToYear">Last year of the plan: ends the window of ongoing and periodic tasks.</param>
    public static Timeframe Parse(string? text, int planFromYear, int planToYear)
    {
        if (planFromYear is < 1 or > 9999 || planToYear < planFromYear || planToYear > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(planToYear), "The plan period must be 1 ≤ from-year ≤ to-year ≤ 9999.");
        }

        var normalized = VietnameseText.Normalize(text);
        var context = new Context(normalized, VietnameseText.Fold(normalized), planFromYear, planToYear);
        Timeframe? best = null;
        var bestAt = int.MaxValue;
        foreach (var (pattern, build) in Rules)
        {
            // A rule may match text it cannot use (30/02, month 13), so look further along before giving up.
            for (var match = pattern().Match(context.Folded); match.Success && match.Index < bestAt; match = match.NextMatch())
            {
                if (build(match, context) is { } result)
                {
                    best = result;
                    bestAt = match.Index;
                    break;
                }
            }
        }

        return best ?? new Timeframe { Kind = TimeframeKind.Unspecified, Text = normalized };
    }

    private static Timeframe Whole(Context c, TimeframeKind kind, Periodicity? period) => new()
    {
        Kind = kind,
        Text = c.Text,
        Period = period,
        From = new DateOnly(c.FromYear, 1, 1),
        To = new DateOnly(c.ToYear, 12, 31),
    };

    private static Timeframe? ByDate(Match m, Context c)
    {
        var year = m.Groups["y"].Success ? Number(m.Groups["y"]) : c.FromYear;
        int month = Number(m.Groups["m"]), day = Number(m.Groups["d"]);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new Timeframe { Kind = TimeframeKind.ByDate, Text = c.Text, Due = new DateOnly(year, month, day) };
    }

    private static Timeframe ByQuarters(Match m, Context c)
    {
        var quarters = m.Groups["q"].Captures.Select(q => Quarter(q.Value)).ToList();
        var year = m.Groups["y"].Success ? Number(m.Groups["y"]) : c.FromYear;
        int first = quarters.Min(), last = quarters.Max();
        var from = new DateOnly(year, (3 * first) - 2, 1);
        return new Timeframe
        {
            Kind = first == last ? TimeframeKind.ByQuarter : TimeframeKind.QuarterRange,
            Text = c.Text,
            From = from,
            To = new DateOnly(year, 3 * last, 1).AddMonths(1).AddDays(-1),
        };
    }

    private static Timeframe HalfOfYear(Match m, Context c)
    {
        var year = m.Groups["y"].Success ? Number(m.Groups["y"]) : c.FromYear;
        var firstHalf = m.Groups["h"].Value == "dau";
        return new Timeframe
        {
            Kind = TimeframeKind.QuarterRange,
            Text = c.Text,
            From = new DateOnly(year, firstHalf ? 1 : 7, 1),
            To = firstHalf ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31),
        };
    }

    private static Timeframe ByMonth(Match m, Context c)
    {
        var year = m.Groups["y"].Success ? Number(m.Groups["y"]) : c.FromYear;
        var from = new DateOnly(year, Number(m.Groups["m"]), 1);
        return new Timeframe { Kind = TimeframeKind.ByMonth, Text = c.Text, From = from, To = from.AddMonths(1).AddDays(-1) };
    }

    private static Timeframe ByYears(Match m, Context c)
    {
        var a = Number(m.Groups["a"]);
        var b = m.Groups["b"].Success ? Number(m.Groups["b"]) : a;
        return new Timeframe
        {
            Kind = TimeframeKind.YearRange,
            Text = c.Text,
            From = new DateOnly(Math.Min(a, b), 1, 1),
            To = new DateOnly(Math.Max(a, b), 12, 31),
        };
    }

    private static Timeframe Relative(Match m, Context c)
    {
        var offset = TimeframePatterns.Offset().Match(c.Folded);
        int? days = offset.Success
            ? Number(offset.Groups["n"]) * (offset.Groups["u"].Value == "tuan" ? 7 : 1)
            : null;
        return new Timeframe { Kind = TimeframeKind.Relative, Text = c.Text, OffsetDays = days, Event = EventOf(c.Folded) };
    }

    private static RelativeEvent EventOf(string folded)
    {
        bool Has(string words) => folded.Contains(words, StringComparison.Ordinal);
        return Has("ban hanh") ? RelativeEvent.PlanIssued
            : Has("phe duyet") ? RelativeEvent.Approval
            : Has("bau cu") ? RelativeEvent.Election
            : Has("yeu cau") ? RelativeEvent.OnRequest
            : RelativeEvent.Other;
    }

    private static int Quarter(string token) => token switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        _ => 4,
    };

    private static int Number(Group group) => int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);
}
