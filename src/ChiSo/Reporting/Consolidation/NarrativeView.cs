using ChiSo.Reporting.Periods;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// A period's narrative as the caller may see it. <see cref="Saved"/> is false while nobody has saved one: the text is
/// then a fresh draft from the accepted reports (<see cref="Revision"/> 0). <see cref="CurrentCounts"/> is the roll-up's
/// sentence of counts today ("có 3 nhiệm vụ đến hạn, …", <see cref="NarrativeDrafter.CountsSentence"/>); <see cref="CountsChanged"/> says the saved general result no longer carries it (reports
/// accepted since), so the coordinator knows to update the figures or draft again.
/// </summary>
public sealed record NarrativeView(int PlanId, string PlanName, string PlanTitle, ReportingPeriod Period, bool Saved, int Revision, bool CanEdit,
    DateTimeOffset? UpdatedAt, string? UpdatedBy, DateTimeOffset? DraftedAt, NarrativeText Text, string CurrentCounts, bool CountsChanged,
    IReadOnlyList<PlanReportingPeriod> Periods);

/// <summary>What a coordinator saves: each part (null keeps nothing back: it saves as empty) and the dimensions' paragraphs by code.</summary>
public sealed record NarrativeInput(string? Opening, string? Summary, IReadOnlyList<NarrativeSectionInput>? Results, string? Difficulties, string? Proposals);

/// <summary>One dimension's paragraph as posted: the dimension's code ("" for the tasks under none) and its text.</summary>
public sealed record NarrativeSectionInput(string? Code, string? Text);
