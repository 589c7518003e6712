using ChiSo.Plans;

namespace ChiSo.Reporting.Obligations;

/// <summary>Whether a unit still owes the report: an amendment that drops the task or the unit closes it, never deletes it.</summary>
public enum ObligationState
{
    Open,
    Closed,
}

/// <summary>
/// One unit's duty to report on one task for one period — the backbone reports hang on. Written when the plan (or an
/// amendment) is issued, one row per (period, unit, task), with the unit's strongest role on the task (lead over partner
/// over executing) and the due date of the period. The task's code is kept so the row still reads after an amendment
/// deleted the task (its <see cref="TaskId"/> then becomes null and the obligation is closed at the next issue).
/// </summary>
public sealed class Obligation
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int PeriodId { get; set; }

    public int? TaskId { get; set; }

    public required string TaskCode { get; set; }

    public int UnitId { get; set; }

    public AssignmentRole Role { get; set; }

    public DateOnly DueDate { get; set; }

    public ObligationState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// Late: its report was submitted after the due date (decided for good at the first submission), or it is still
    /// owed with nothing submitted and the due date has passed in Viet Nam — a missing report shows from the day after.
    /// </summary>
    public static bool IsLate(bool? reportLate, DateTimeOffset? submittedAt, ObligationState state, DateOnly dueDate, DateOnly today) =>
        IsLate(reportLate, submittedAt is not null, state, dueDate, today);

    /// <inheritdoc cref="IsLate(bool?, DateTimeOffset?, ObligationState, DateOnly, DateOnly)"/>
    public static bool IsLate(bool? reportLate, bool submitted, ObligationState state, DateOnly dueDate, DateOnly today) =>
        reportLate == true || (!submitted && state == ObligationState.Open && today > dueDate);
}
