namespace ChiSo.Plans;

/// <summary>A framework node a task serves; one task may serve several nodes of several indices.</summary>
public sealed class TaskNodeLink
{
    public int TaskId { get; set; }
    public required string FrameworkId { get; set; }
    public required string NodeCode { get; set; }
}
