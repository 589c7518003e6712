using ChiSo.Plans.Documents;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// A follow-up letter ("công văn đôn đốc") as printed: the header (carried in <see cref="Document"/>) with its "V/v …"
/// summary, "Kính gửi:" the units that still owe reports, the paragraphs before and after the list of those units and
/// their tasks, and the new deadline the body names.
/// </summary>
/// <param name="PlanName">"12/KH-UBND", for the file's name.</param>
/// <param name="Units">Only the units that owe, each with only the reports it owes.</param>
public sealed record FollowUpLetter(string PlanName, Periods.ReportingPeriod Period, PlanDocumentContent Document, string Subject, IReadOnlyList<string> Addressees, IReadOnlyList<string> Before,
    IReadOnlyList<OutstandingUnit> Units, IReadOnlyList<string> After, DateOnly Deadline)
{
    /// <summary>Working days from today the deadline falls on when none is given.</summary>
    public const int DefaultWorkingDays = 5;

    /// <summary>"Kính gửi" names the units one by one up to this many; more are "the units in the list below".</summary>
    public const int NamedAddressees = 8;
}

/// <summary>A period's follow-up at a glance: units late or missing, those that still owe, the default deadline of a letter written today.</summary>
public sealed record FollowUpOutlook(int LateOrMissing, IReadOnlyList<OutstandingUnit> Owing, DateOnly DefaultDeadline);
