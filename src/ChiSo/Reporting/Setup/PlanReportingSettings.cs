namespace ChiSo.Reporting.Setup;

/// <summary>
/// How one plan's reporting runs, beside its periods: whether a unit head approves each report before the
/// coordinator may accept it, and when its units are reminded. Kept apart from the plan itself because it is not part of the issued document and
/// changes after issue without an amendment. No row means the defaults (<see cref="Defaults"/>).
/// </summary>
public sealed class PlanReportingSettings
{
    public int PlanId { get; set; }

    /// <summary>"Thủ trưởng đơn vị duyệt trước khi gửi": a submitted report waits for its unit head's approval.</summary>
    public bool UnitHeadApproval { get; set; }

    /// <summary>Reminder days before the unit due date, "3" or "7,3" (<see cref="Reminders.ReminderDays"/>); null: the default, "" none.</summary>
    public string? ReminderDaysBefore { get; set; }

    /// <summary>Reminder days after the unit due date, "1,5"; the last one also escalates. Null: the default, "" none.</summary>
    public string? ReminderDaysAfter { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public static PlanReportingSettings Defaults(int planId) => new() { PlanId = planId, UpdatedBy = "" };
}
