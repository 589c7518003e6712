namespace ChiSo.Plans;

/// <summary>
/// A plan as pages, the API and documents read it. It is also what an amendment freezes into a
/// <see cref="PlanVersion"/>, so an earlier version can be shown and printed exactly as it was.
/// </summary>
public sealed record PlanView(
    int Id, int ProvinceId, string ProvinceName, PlanDocumentType DocumentType, string? Number, string Symbol, string? ParentBody,
    string IssuingBody, string Place, DateOnly? IssuedOn, string Title, int FromYear, int ToYear, int? ResultYear,
    IReadOnlyList<string> Frameworks, string? Preamble, string? Purposes, string? Requirements, string? Implementation, string? Funding,
    string? Recipients, string? SignerOnBehalf, string? SignerDeputy, string? SignerTitle, string? SignerName,
    PlanStatus Status, int Amendment, int Revision, DateTimeOffset UpdatedAt,
    IReadOnlyList<TaskGroupView> Groups, IReadOnlyList<TaskView> Tasks)
{
    public string NumberAndSymbol => $"{(string.IsNullOrWhiteSpace(Number) ? "     " : Number)}/{Symbol}";

    /// <summary>The date assignments resolve at: the issue date, else 1 January of the first plan year.</summary>
    public DateOnly ReferenceDate => IssuedOn ?? new DateOnly(FromYear, 1, 1);

    // Texts added after the first snapshots were frozen: properties, not constructor parameters, so a snapshot
    // written before them still reads (as null) and every existing constructor call still compiles.

    /// <summary>The "Căn cứ …" lines, one per line.</summary>
    public string? LegalGrounds { get; init; }

    /// <summary>A decision's "Xét đề nghị …" line.</summary>
    public string? Proposal { get; init; }

    /// <summary>A decision's Article 2 as written, or null for the text derived from the tasks.</summary>
    public string? AssignmentArticle { get; init; }

    /// <summary>A decision's Article 3 as written, or null for the text derived from the tasks.</summary>
    public string? ExecutionArticle { get; init; }
}

/// <param name="Assessment">Section II's paragraph(s) on this group's dimension, or null.</param>
public sealed record TaskGroupView(string Code, string Title, int Order, string? Assessment = null);

public sealed record TaskView(
    int Id, string Code, string? GroupCode, int Order, string Content,
    string? TargetText, string? TargetMetric, TargetComparator? TargetComparator, decimal? TargetValue, string? TargetUnit, TargetBasis TargetBasis,
    string? TimeframeText, string TimeframeKind, string? TimeframePeriod, DateOnly? TimeframeFrom, DateOnly? TimeframeTo, DateOnly? TimeframeDue,
    string? ExpectedOutput, IReadOnlyList<string> ReportingPeriods, int Revision,
    IReadOnlyList<AssigneeView> Assignees, IReadOnlyList<NodeRef> Nodes)
{
    public IEnumerable<AssigneeView> In(AssignmentRole role) => Assignees.Where(a => a.Role == role);

    /// <summary>Where a carried-over task came from and why (<see cref="PlanTask.CarriedOver"/>); a property so older snapshots still read.</summary>
    public string? CarriedOver { get; init; }

    public string Names(AssignmentRole role) => string.Join("; ", In(role).Select(a => a.Text));
}

/// <summary>An assignee as printed, what it points to, and (when asked for) the units it stands for at the plan's date.</summary>
public sealed record AssigneeView(AssignmentRole Role, string Text, int? UnitId, string? BuiltInGroup, int? UnitGroupId, IReadOnlyList<UnitRef>? Members = null)
{
    public bool IsMatched => UnitId is not null || BuiltInGroup is not null || UnitGroupId is not null;
}

public sealed record UnitRef(int Id, string Code, string Name);

/// <summary>A framework node a task serves.</summary>
public sealed record NodeRef(string FrameworkId, string NodeCode);
