namespace ChiSo.Reporting.Reminders;

/// <summary>What a notification asks of its reader.</summary>
public enum NotificationKind
{
    /// <summary>The report was returned (or an accepted one reopened): correct it and submit again.</summary>
    Returned,

    /// <summary>The due date has passed and the report is still owed: submit it now.</summary>
    Overdue,

    /// <summary>The due date is near (or today): finish and submit the report.</summary>
    DueSoon,

    /// <summary>For the unit head and the plan's coordinators: the unit's report is still missing at the last reminder.</summary>
    Escalation,
}

/// <summary>
/// One item of a person's daily digest, kept for the in-app list (<c>/my/notifications</c>): what it is about (plan,
/// period, unit, task, due date — copied, so the item still reads after an amendment), where to act
/// (<see cref="Link"/>, a path of this site) and whether its owner has read it. Only its owner sees or marks it.
/// </summary>
public sealed class Notification
{
    public const int CommentMaxLength = 1000;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public int DigestId { get; set; }

    /// <summary>The Viet Nam day of the digest it came in.</summary>
    public DateOnly Day { get; set; }

    public NotificationKind Kind { get; set; }

    public int PlanId { get; set; }

    public required string PlanNumber { get; set; }

    public required string PeriodKey { get; set; }

    public int ObligationId { get; set; }

    public required string UnitName { get; set; }

    public required string TaskCode { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>For a returned report: the history step that returned it, so one return is told once.</summary>
    public int? ReportEventId { get; set; }

    /// <summary>The coordinator's comment or reason when returning.</summary>
    public string? Comment { get; set; }

    /// <summary>Where to act, as a path of this site: the report page.</summary>
    public required string Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
