using System.Globalization;
using ChiSo.Reporting.Periods;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// A period as a report's sentence names it, in lower case: "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng năm
/// 2026", "năm 2026", "tháng 3 năm 2026" — where <see cref="ReportingPeriod.NameVi"/> is the short label of lists ("Quý I/2026").
/// </summary>
public static class PeriodWords
{
    public static string Vi(ReportingPeriod period) => period.Kind switch
    {
        ReportingPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"tháng {period.Number} năm {period.Year}"),
        ReportingPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"quý {ReportingPeriod.Roman(period.Number)} năm {period.Year}"),
        ReportingPeriodKind.SixMonths => string.Create(CultureInfo.InvariantCulture, $"6 tháng đầu năm {period.Year}"),
        ReportingPeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"9 tháng năm {period.Year}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"năm {period.Year}"),
    };
}
