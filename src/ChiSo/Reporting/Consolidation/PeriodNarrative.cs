namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// The coordinator's text of one period's consolidated report, kept with the period (one row per plan period): the
/// opening paragraph, the general result, one paragraph per dimension of the plan, the difficulties and the proposals.
/// It is drafted from the period's accepted unit reports (<see cref="NarrativeDrafter"/>) and then edited; what is saved
/// here is what the documents print. <see cref="Revision"/> guards against two coordinators saving over each other.
/// </summary>
public sealed class PeriodNarrative
{
    /// <summary>The most characters one part of the text may hold (a long report runs to a few thousand).</summary>
    public const int TextMaxLength = 30_000;

    public int Id { get; set; }

    public int PlanId { get; set; }

    /// <summary>The plan period (<see cref="Periods.PlanReportingPeriod"/>) the text is about.</summary>
    public int PeriodId { get; set; }

    /// <summary>"Thực hiện Kế hoạch số …, … báo cáo kết quả … như sau:", before section I.</summary>
    public string Opening { get; set; } = "";

    /// <summary>Section I's general result: the Government Office's counts in a sentence, the reports received.</summary>
    public string Summary { get; set; } = "";

    public string Difficulties { get; set; } = "";

    public string Proposals { get; set; } = "";

    /// <summary>When the text was last drafted from the reports (the first time, or "draft again").</summary>
    public DateTimeOffset DraftedAt { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public List<NarrativeResult> Results { get; set; } = [];
}

/// <summary>
/// The results of one dimension (a heading of the plan's appendix, by its code; "" for the tasks under none). The title
/// is kept as it was when written, so a dimension an amendment renamed or removed still reads.
/// </summary>
public sealed class NarrativeResult
{
    public int Id { get; set; }

    public int NarrativeId { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public string Text { get; set; } = "";

    public int Order { get; set; }
}
