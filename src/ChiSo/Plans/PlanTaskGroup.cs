namespace ChiSo.Plans;

/// <summary>A heading of the appendix table ("1. Tham gia của người dân ở cấp cơ sở") grouping tasks.</summary>
public sealed class PlanTaskGroup
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
}
