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

/// <summary>
/// A period's follow-up at a glance: units late or missing, those that still owe, the default deadline of a letter written
/// today, the plan's body (the letter's sender by default) and the province's departments that may send it instead.
/// </summary>
public sealed record FollowUpOutlook(int LateOrMissing, IReadOnlyList<OutstandingUnit> Owing, DateOnly DefaultDeadline, string PlanBody, IReadOnlyList<LetterIssuer> Issuers);

/// <summary>
/// Who sends a follow-up letter: the plan's issuing body (the default: "…/UBND-NV", signed as the plan is), or one of the
/// province's departments — the coordinator's own, usually Sở Nội vụ — under the People's Committee's name ("UBND TỈNH …" /
/// "SỞ NỘI VỤ", "…/SNV", signed by its head).
/// </summary>
/// <param name="Name">How sentences name the sender: "Ủy ban nhân dân tỉnh Lâm Đồng", "Sở Nội vụ".</param>
public sealed record LetterSender(IssuingBody Issuer, string Symbol, string Name, SignatureBlock Signature, IReadOnlyList<string> Recipients);

/// <summary>A department that may send the letter instead of the plan's body: its code (the API's <c>from</c>) and name.</summary>
public sealed record LetterIssuer(string Code, string Name);
