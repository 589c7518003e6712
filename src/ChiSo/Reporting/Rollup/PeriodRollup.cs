using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Units;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// One period of one plan, consolidated: the tasks counted as the Government Office counts them, and the reports owed,
/// per task, per dimension (the plan's headings), per unit and per level, as of <see cref="AsOf"/> (Viet Nam date).
/// <see cref="Reports"/> counts every open obligation, partners' included; a task's <see cref="TaskRollup.Units"/>
/// counts the units that carry it out (its lead and executing units), its partners apart.
/// </summary>
public sealed record PeriodRollup(int PlanId, string PlanName, string PlanTitle, PlanStatus PlanStatus, ReportingPeriod Period, DateOnly DataFrom,
    DateOnly DataTo, DateOnly UnitDue, DateOnly ConsolidatedDue, DateOnly AsOf, StatusCounts Counts, UnitTally Reports, IReadOnlyList<TaskRollup> Tasks,
    IReadOnlyList<DimensionRollup> Dimensions, IReadOnlyList<UnitRollup> Units, IReadOnlyList<LevelRollup> Levels, IReadOnlyList<AreaRollup> Areas)
{
    public IEnumerable<TaskRollup> AtRisk => Tasks.Where(t => t.AtRisk);
}

/// <summary>
/// A task in the period. <see cref="Status"/> is the lead unit's report once it is in (the lead speaks for the task); a
/// task without a lead is done when every executing unit reported it done; otherwise it is derived from the task's
/// deadline on <see cref="PeriodRollup.AsOf"/>. <see cref="Executing"/> is the executing units alone ("57/71 xã"), null
/// when the task has none.
/// </summary>
public sealed record TaskRollup(int TaskId, string Code, string Content, int? GroupId, string? TargetText, string? TimeframeText, DateOnly? Deadline,
    ReportTaskStatus Status, IReadOnlyList<string> LeadUnits, UnitTally Units, UnitTally? Executing, UnitTally Partners, TargetResult? Target)
{
    /// <summary>At risk: not done and overdue, or a measurable target behind its pro-rata path.</summary>
    public bool AtRisk => Status == ReportTaskStatus.NotDoneOverdue || Target is { Behind: true };
}

/// <summary>One heading of the plan's appendix (an index dimension, as the plans group their tasks), or the tasks under none.</summary>
public sealed record DimensionRollup(int? GroupId, string Code, string Title, IReadOnlyList<string> TaskCodes, StatusCounts Counts, UnitTally Reports);

/// <summary>One unit's reports of the period (every role).</summary>
public sealed record UnitRollup(int UnitId, string Code, string Name, UnitKind Kind, int? ParentId, UnitTally Reports);

/// <summary>The units of one level: province-level agencies, districts (where they still existed), communes.</summary>
public sealed record LevelRollup(UnitLevel Level, int Units, UnitTally Reports);

/// <summary>A district (or the province): its own reports and those of the units under it.</summary>
public sealed record AreaRollup(int UnitId, string Code, string Name, UnitKind Kind, int Units, UnitTally Reports);

/// <summary>The level a unit reports from.</summary>
public enum UnitLevel
{
    Province,
    District,
    Commune,
}
