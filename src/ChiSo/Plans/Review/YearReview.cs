using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;

namespace ChiSo.Plans.Review;

/// <summary>Whether the year under review can be compared yet.</summary>
public enum ReviewState
{
    /// <summary>Results of both years are in for at least one of the plan's indices.</summary>
    Ready,

    /// <summary>The plan's result year has results but the year under review has none yet (the usual state during the year).</summary>
    NotYetImported,

    /// <summary>The plan's result year itself has no results of its indices: nothing to compare against.</summary>
    NoBaseline,
}

/// <summary>
/// A plan's year in review: for the year after the results it answered (a plan drawn from 2025 results, running in
/// 2026, against the 2026 results), each task's status for that year beside the change of the index nodes it is linked
/// to, against the national change of the same node; the dimensions the plan left without a task that fell against the
/// nation; the tasks done whose nodes still fell; the tasks not done. Every comparison is an association, never proof
/// that the plan caused it (<see cref="ChangeWords.AssociationVi"/>).
/// </summary>
/// <param name="ResultYearStated">False when the plan names no result year and the year before its first year was assumed.</param>
/// <param name="Illustrative">Some figures compared are the demo's synthetic results ("dữ liệu minh họa").</param>
public sealed record YearReview(
    int PlanId, string PlanName, string PlanTitle, PlanStatus PlanStatus, string ProvinceName, int ResultYear, bool ResultYearStated, int ReviewYear,
    ReviewState State, bool Illustrative, IReadOnlyList<FamilyReview> Families, ReviewPeriod? Period, IReadOnlyList<TaskReview> Tasks)
{
    /// <summary>Dimensions no task is linked to (neither the dimension nor any node under it) that fell against the nation.</summary>
    public IEnumerable<DimensionReview> NeglectedAndFell => Families.SelectMany(f => f.Dimensions).Where(d => !d.Covered && d.Change.Movement == Movement.Worse);

    /// <summary>Tasks done in the year while a node they are linked to fell against the nation.</summary>
    public IEnumerable<TaskReview> DoneButFell => Tasks.Where(t => t.Done && t.Fell);

    public IEnumerable<TaskReview> NotDone => Tasks.Where(t => t.NotDone);

    /// <summary>What next year's draft proposes to carry over (<see cref="TaskReview.DidNotWork"/>).</summary>
    public IEnumerable<TaskReview> DidNotWork => Tasks.Where(t => t.DidNotWork);
}

/// <summary>One index the plan answers: whether both years have results, the aggregate's change and each dimension's.</summary>
public sealed record FamilyReview(string Family, bool BeforeImported, bool AfterImported, NodeChange? Aggregate, IReadOnlyList<DimensionReview> Dimensions);

/// <summary>A dimension of an index and whether a task of the plan is linked to it or to a node under it.</summary>
public sealed record DimensionReview(NodeChange Change, bool Covered);

/// <summary>
/// The reporting period whose roll-up gives the tasks' statuses: the plan's year period of the year under review
/// ("2026-Y"), or, when the plan has none, its last period (<see cref="IsYear"/> false, and the page says so). The
/// statuses are as of <see cref="AsOf"/>: before <see cref="UnitDue"/> the year's reports are not all in.
/// </summary>
public sealed record ReviewPeriod(ReportingPeriod Period, bool IsYear, DateOnly AsOf, DateOnly DataTo, DateOnly UnitDue)
{
    public bool ReportsDue => AsOf > UnitDue;
}

/// <summary>
/// A task of the plan in the year under review: its status from the period's roll-up (null when the period does not
/// track it, or the plan has no period yet) and the change of each index node it is linked to.
/// </summary>
public sealed record TaskReview(int TaskId, string Code, string Content, string? GroupCode, string? GroupTitle, ReportTaskStatus? Status,
    IReadOnlyList<NodeChange> Nodes)
{
    public bool Done => Status is ReportTaskStatus.DoneOnTime or ReportTaskStatus.DoneLate;

    public bool NotDone => Status is ReportTaskStatus.NotDoneWithin or ReportTaskStatus.NotDoneOverdue;

    /// <summary>Some linked node fell against the nation.</summary>
    public bool Fell => Nodes.Any(n => n.Movement == Movement.Worse);

    public IEnumerable<NodeChange> FellNodes => Nodes.Where(n => n.Movement == Movement.Worse);

    /// <summary>Not done, or done while a node it is linked to still fell against the nation: what next year's draft proposes to carry over.</summary>
    public bool DidNotWork => NotDone || (Done && Fell);
}
