namespace ChiSo.Plans.Timeframes;

/// <summary>
/// A task's reporting periods in words, as officials write them: "Quý I/2026, 6 tháng, 9 tháng, cả năm" (the year once
/// per year), "6 tháng năm 2026, cả năm", "Cả năm 2026"; in English "Q1 2026, 6 months, 9 months, full year". Never
/// the stored codes ("2026-Q1,2026-H1").
/// </summary>
public static class ReportingPeriodText
{
    public static string Vi(IEnumerable<ReportingPeriod> periods) => Join(periods, english: false);

    public static string En(IEnumerable<ReportingPeriod> periods) => Join(periods, english: true);

    /// <summary>The same from stored codes; codes ChiSo cannot read are left out.</summary>
    public static string FromCodes(IEnumerable<string> codes, bool english) =>
        Join(codes.Select(c => ReportingPeriod.TryParse(c, out var p) ? p : (ReportingPeriod?)null).OfType<ReportingPeriod>(), english);

    private static string Join(IEnumerable<ReportingPeriod> periods, bool english) =>
        string.Join("; ", periods.Distinct().OrderBy(p => p.Year).ThenBy(p => p.Kind).GroupBy(p => p.Year).Select(year =>
        {
            var kinds = year.Select(p => p.Kind).ToList();
            var y = year.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var words = kinds.Select((k, i) => Word(k, english, first: i == 0)).ToList();
            words[0] = english
                ? $"{words[0]} {y}"
                : kinds[0] switch
                {
                    ReportingPeriodKind.Quarter1 => $"{words[0]}/{y}",
                    ReportingPeriodKind.Year => $"{words[0]} {y}",
                    _ => $"{words[0]} năm {y}",
                };
            return string.Join(", ", words);
        }));

    private static string Word(ReportingPeriodKind kind, bool english, bool first) => (kind, english) switch
    {
        (ReportingPeriodKind.Quarter1, false) => "Quý I",
        (ReportingPeriodKind.HalfYear, false) => "6 tháng",
        (ReportingPeriodKind.NineMonths, false) => "9 tháng",
        (_, false) => first ? "Cả năm" : "cả năm",
        (ReportingPeriodKind.Quarter1, true) => "Q1",
        (ReportingPeriodKind.HalfYear, true) => "6 months",
        (ReportingPeriodKind.NineMonths, true) => "9 months",
        _ => first ? "Full year" : "full year",
    };
}
