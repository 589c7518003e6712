using ChiSo.Plans.Targets;
using ChiSo.Plans.Timeframes;
using ChiSo.Reporting.Periods;

namespace ChiSo.Web.Pages.Plans;

/// <summary>ChiSo's reading of a task's time and target texts, shown beside the fields.</summary>
public sealed record TaskInterpretation(Timeframe? Timeframe, IReadOnlyList<ReportingPeriod> Periods, bool OutsidePlan, MeasurableTarget? Target)
{
    public static TaskInterpretation Of(string? timeframeText, string? targetText, int fromYear, int toYear)
    {
        var timeframe = string.IsNullOrWhiteSpace(timeframeText) ? null : TimeframeParser.Parse(timeframeText, fromYear, Math.Max(fromYear, toYear));
        var periods = timeframe is null ? [] : ReportingPeriods.For(timeframe, fromYear, toYear);
        var target = TargetParser.TryParse(targetText, out var parsed) ? parsed : null;
        return new TaskInterpretation(timeframe, periods, timeframe?.IsOutsidePlanPeriod(fromYear, toYear) ?? false, target);
    }
}
