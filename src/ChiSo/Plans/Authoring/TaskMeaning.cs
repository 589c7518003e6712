using ChiSo.Common;
using ChiSo.Plans.Timeframes;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// Derives what ChiSo tracks from what the user wrote: the timeframe's meaning and the reporting periods the
/// task is tracked in, and the target value as a number (decimal comma accepted).
/// </summary>
internal static class TaskMeaning
{
    /// <summary>Fills the timeframe fields and reporting periods; returns an error when a dated timeframe lies outside the plan.</summary>
    public static Problem? ApplyTimeframe(PlanTask task, int fromYear, int toYear, string field)
    {
        var timeframe = TimeframeParser.Parse(task.TimeframeText, fromYear, Math.Max(fromYear, toYear));
        task.TimeframeKind = timeframe.Kind.ToString();
        task.TimeframePeriod = timeframe.Period?.ToString();
        task.TimeframeFrom = timeframe.From;
        task.TimeframeTo = timeframe.To;
        task.TimeframeDue = timeframe.Due;
        task.ReportingPeriods = string.Join(',', ReportingPeriods.For(timeframe, fromYear, toYear).Select(Code));
        if (timeframe.IsOutsidePlanPeriod(fromYear, toYear))
        {
            return Problem.Invalid(field, $"Nhiệm vụ {task.Code}: {TimeframeMessages.OutsidePlanPeriodVi.ToLower(Text.VietnameseFormat.Culture)} ({task.TimeframeText}; kỳ {fromYear}–{toYear}).",
                $"Task {task.Code}: {TimeframeMessages.OutsidePlanPeriodEn.ToLowerInvariant()} ({task.TimeframeText}; plan {fromYear}–{toYear}).");
        }

        return null;
    }

    /// <summary>The stored id of a period: "2026-Q1", "2026-6M", "2026-9M", "2026-Y".</summary>
    public static string Code(ChiSo.Reporting.Periods.ReportingPeriod period) => period.Id;
}
