using ChiSo.Reporting.Periods;

namespace ChiSo.Plans.Timeframes;

/// <summary>
/// A task's reporting periods in words, as officials write them: "Quý I/2026, 6 tháng, 9 tháng, cả năm" (the year once
/// per year), "6 tháng năm 2026, cả năm", "Cả năm 2026"; in English "Q1 2026, 6 months, 9 months, full year". Never
/// the stored ids ("2026-Q1,2026-6M").
/// </summary>
public static class ReportingPeriodText
{
    public static string Vi(IEnumerable<ReportingPeriod> periods) => Join(periods, english: false);

    public static string En(IEnumerable<ReportingPeriod> periods) => Join(periods, english: true);

    /// <summary>The same from stored codes; codes ChiSo cannot read are left out.</summary>
    public static string FromCodes(IEnumerable<string> codes, bool english) =>
        Join(codes.Select(c => ReportingPeriod.TryParse(c, out var p) ? p : (ReportingPeriod?)null).OfType<ReportingPeriod>(), english);

    private static string Join(IEnumerable<ReportingPeriod> periods, bool english) =>
        string.Join("; ", periods.Distinct().Order().GroupBy(p => p.Year).Select(year =>
        {
            var list = year.ToList();
            var y = year.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var words = list.Select((p, i) => Word(p, english, first: i == 0)).ToList();
            words[0] = english
                ? $"{words[0]} {y}"
                : list[0].Kind switch
                {
                    ReportingPeriodKind.Quarter or ReportingPeriodKind.Month => $"{words[0]}/{y}",
                    ReportingPeriodKind.Year => $"{words[0]} {y}",
                    _ => $"{words[0]} năm {y}",
                };
            return string.Join(", ", words);
        }));

    private static string Word(ReportingPeriod period, bool english, bool first) => (period.Kind, english) switch
    {
        (ReportingPeriodKind.Month, false) => $"{(first ? "Tháng" : "tháng")} {period.Number}",
        (ReportingPeriodKind.Quarter, false) => $"{(first ? "Quý" : "quý")} {ReportingPeriod.Roman(period.Number)}",
        (ReportingPeriodKind.SixMonths, false) => "6 tháng",
        (ReportingPeriodKind.NineMonths, false) => "9 tháng",
        (_, false) => first ? "Cả năm" : "cả năm",
        (ReportingPeriodKind.Month, true) => System.Globalization.CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetMonthName(period.Number),
        (ReportingPeriodKind.Quarter, true) => $"Q{period.Number}",
        (ReportingPeriodKind.SixMonths, true) => "6 months",
        (ReportingPeriodKind.NineMonths, true) => "9 months",
        _ => first ? "Full year" : "full year",
    };
}
