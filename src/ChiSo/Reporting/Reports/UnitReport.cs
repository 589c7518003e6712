namespace ChiSo.Reporting.Reports;

/// <summary>
/// A unit's report on one obligation (one task, one period). <see cref="Late"/> is fixed at the first submission — a
/// report submitted after its due date stays late whatever happens to it later. <see cref="Revision"/> guards against two
/// people editing it at once, as plans do.
/// </summary>
public sealed class UnitReport
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }

    public int ObligationId { get; set; }

    public ReportState State { get; set; }

    public ReportTaskStatus? TaskStatus { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public decimal? AchievedValue { get; set; }

    public string? Result { get; set; }

    /// <summary>Evidence documents, one per line: "number | date | issuer | title".</summary>
    public string? Evidence { get; set; }

    public string? Difficulties { get; set; }

    public string? Proposals { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public bool Late { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public List<ReportEvent> History { get; set; } = [];

    /// <summary>The files attached as evidence (their bytes are in the attachment store).</summary>
    public List<Attachments.ReportAttachment> Attachments { get; set; } = [];
}

/// <summary>One step of a report's life: who moved it from what to what, when, and the comment or reason they gave.</summary>
public sealed class ReportEvent
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public required string Action { get; set; }

    public ReportState? FromState { get; set; }

    public ReportState ToState { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Comment { get; set; }
}
