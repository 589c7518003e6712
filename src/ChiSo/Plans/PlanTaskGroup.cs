namespace ChiSo.Plans;

/// <summary>A heading of the appendix table ("1. Tham gia của người dân ở cấp cơ sở") grouping tasks.</summary>
public sealed class PlanTaskGroup
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }

    /// <summary>
    /// Section II's paragraph(s) on this dimension: its score, the change from last year, the sub-dimensions that lost
    /// most, what it means. Pre-filled from the gaps when drafting; edited in the header editor.
    /// </summary>
    public string? Assessment { get; set; }
}
