namespace ChiSo.Plans.Library;

/// <summary>
/// A typical task for a framework node, proposed when drafting a plan from the gaps. The built-in library is
/// seeded from <c>Plans/Library/Data/task-library.csv</c>; admins may edit or add templates.
/// </summary>
public sealed class TaskTemplate
{
    public int Id { get; set; }
    public required string Family { get; set; }
    public required string NodeCode { get; set; }
    public required string ContentVi { get; set; }
    public string? ContentEn { get; set; }
    public string? TargetText { get; set; }
    /// <summary>A registry name ("Sở Nội vụ") or a built-in group key ("all-communes").</summary>
    public string? Lead { get; set; }
    /// <summary>Partner names separated by ";".</summary>
    public string? Partners { get; set; }
    public string? TimeframeText { get; set; }
    public string? ExpectedOutput { get; set; }
    public bool BuiltIn { get; set; }
}
