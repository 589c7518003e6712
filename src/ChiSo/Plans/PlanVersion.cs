namespace ChiSo.Plans;

/// <summary>
/// A frozen copy of a plan as it was issued, taken when an amendment is opened, so earlier versions stay
/// readable (and printable) after the plan changes. The snapshot is the plan serialised with its tasks.
/// </summary>
public sealed class PlanVersion
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Amendment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string? Reason { get; set; }
    public required string Snapshot { get; set; }
}
