using ChiSo.Reporting.Rollup;

namespace ChiSo.Publication;

/// <summary>A province with plans in force, as the public site lists it.</summary>
public sealed record PublicProvince(string Code, string Name, string FullName, int Plans);

/// <summary>A plan in force as the public site lists it: as it was issued (an amendment being written is not shown).</summary>
public sealed record PublicPlanSummary(int Id, string Number, string Title, DateOnly? IssuedOn, int FromYear, int ToYear, int Tasks);

/// <summary>
/// A plan in force on the public site: its header and tasks as issued (lead units named as the plan names them, at its
/// own date), its reporting periods, and when its figures were read (<see cref="AsOf"/>) and its reports last changed.
/// </summary>
public sealed record PublicPlan(int Id, string ProvinceCode, string ProvinceName, string Number, string Title, string IssuingBody, DateOnly? IssuedOn,
    int FromYear, int ToYear, IReadOnlyList<PublicGroup> Groups, IReadOnlyList<PublicTask> Tasks, IReadOnlyList<PublicPeriod> Periods, DateTimeOffset AsOf,
    DateTimeOffset? ReportsChangedAt)
{
    /// <summary>The periods whose data window has begun: the ones with anything to show.</summary>
    public IEnumerable<PublicPeriod> Begun => Periods.Where(p => p.Begun);

    public PublicTask? Task(int taskId) => Tasks.FirstOrDefault(t => t.Id == taskId);
}

/// <summary>A heading of the plan's appendix (an index dimension).</summary>
public sealed record PublicGroup(string Code, string Title);

/// <param name="UnitNoun">What the executing units are, for "57/71 xã": "xã" when they are communes, otherwise "đơn vị".</param>
public sealed record PublicTask(int Id, string Code, string? GroupCode, string Content, string? Target, string? Timeframe, IReadOnlyList<string> LeadUnits,
    string UnitNoun, string UnitNounEn);

/// <param name="Begun">Whether the period's data window has begun (Viet Nam date).</param>
public sealed record PublicPeriod(string Id, string NameVi, string NameEn, DateOnly DataFrom, DateOnly DataTo, DateOnly UnitDue, bool Begun, bool Due);

/// <summary>
/// One period's progress: the roll-up (<see cref="RollupQueries.ReadPublishedAsync"/>, the one read path — nothing is
/// recomputed here) and what coordinators marked public among the period's accepted reports, per task.
/// </summary>
public sealed record PublicProgress(PublicPeriod Period, PeriodRollup Rollup, ILookup<int, PublicResultText> Results, ILookup<int, PublicFile> Files)
{
    public TaskRollup? Task(int taskId) => Rollup.Tasks.FirstOrDefault(t => t.TaskId == taskId);
}

/// <summary>A unit's result text that a coordinator made public.</summary>
public sealed record PublicResultText(int TaskId, string UnitName, string Text);

/// <summary>An attachment that a coordinator made public; it downloads at <c>/cong-khai/tep/{AttachmentId}</c>.</summary>
public sealed record PublicFile(int TaskId, int AttachmentId, string UnitName, string FileName, long Size);
