namespace ChiSo.Reporting.Reports;

/// <summary>Where a unit's report is in its review: draft → submitted → (approved by the unit head) → accepted, or returned.</summary>
public enum ReportState
{
    Draft,
    Submitted,
    Approved,
    Returned,
    Accepted,
}

/// <summary>
/// The task's status as the Government Office counts it, worked out from the task's deadline and the completion date
/// the unit gives, plus "đang thực hiện" for ongoing and periodic tasks. A different fact from the report's timeliness.
/// </summary>
public enum ReportTaskStatus
{
    /// <summary>Hoàn thành đúng hạn.</summary>
    DoneOnTime,

    /// <summary>Hoàn thành quá hạn.</summary>
    DoneLate,

    /// <summary>Chưa hoàn thành, còn trong hạn.</summary>
    NotDoneWithin,

    /// <summary>Chưa hoàn thành, quá hạn.</summary>
    NotDoneOverdue,

    /// <summary>Đang thực hiện (ongoing and periodic tasks).</summary>
    Ongoing,
}

/// <summary>The rule that derives a task's status; no one types it.</summary>
public static class TaskStatusRule
{
    /// <param name="deadline">The task's own deadline (its due date, or the last day of its timeframe); null when it has none.</param>
    /// <param name="ongoing">Ongoing or periodic tasks ("Thường xuyên", "Hằng quý"): in progress until the unit says done.</param>
    public static ReportTaskStatus Derive(DateOnly? deadline, DateOnly? completedOn, DateOnly today, bool ongoing) => (completedOn, deadline) switch
    {
        ({ } done, { } due) => done <= due ? ReportTaskStatus.DoneOnTime : ReportTaskStatus.DoneLate,
        ({ }, null) => ReportTaskStatus.DoneOnTime,
        (null, _) when ongoing => ReportTaskStatus.Ongoing,
        (null, { } due) => today <= due ? ReportTaskStatus.NotDoneWithin : ReportTaskStatus.NotDoneOverdue,
        _ => ReportTaskStatus.NotDoneWithin,
    };
}
