namespace ChiSo.Plans.Authoring;

/// <summary>A plan's header and free-text sections as an editor or the API sends them.</summary>
public sealed record PlanHeaderInput
{
    public PlanDocumentType DocumentType { get; init; } = PlanDocumentType.Plan;
    public string? Number { get; init; }
    public string Symbol { get; init; } = "KH-UBND";
    public string? ParentBody { get; init; }
    public string IssuingBody { get; init; } = "";
    public string Place { get; init; } = "";
    public DateOnly? IssuedOn { get; init; }
    public string Title { get; init; } = "";
    public int FromYear { get; init; }
    public int ToYear { get; init; }
    public int? ResultYear { get; init; }
    public IReadOnlyList<string> Frameworks { get; init; } = [];
    /// <summary>The "Căn cứ …" lines, one per line.</summary>
    public string? LegalGrounds { get; init; }

    /// <summary>A decision's "Xét đề nghị …" line.</summary>
    public string? Proposal { get; init; }

    public string? Preamble { get; init; }
    public string? Purposes { get; init; }
    public string? Requirements { get; init; }
    public string? Implementation { get; init; }
    public string? Funding { get; init; }
    /// <summary>A decision's Article 2; empty prints the text derived from the tasks.</summary>
    public string? AssignmentArticle { get; init; }

    /// <summary>A decision's Article 3; empty prints the text derived from the tasks.</summary>
    public string? ExecutionArticle { get; init; }

    public string? Recipients { get; init; }
    public string? SignerOnBehalf { get; init; }
    public string? SignerDeputy { get; init; }
    public string? SignerTitle { get; init; }
    public string? SignerName { get; init; }

    /// <summary>
    /// Section II's paragraph per group, by group code. Null leaves every group's text as it is (callers that do not
    /// edit them, such as the API); a code present with an empty text clears that group's paragraph.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? GroupAssessments { get; init; }
}

/// <summary>A heading of the appendix table; <paramref name="Assessment"/> is section II's paragraph on it.</summary>
public sealed record TaskGroupInput(string Code, string Title, string? Assessment = null);

/// <summary>
/// A task as an editor, an import or the API sends it. Assignees are either keys chosen from a list
/// (<c>unit:12</c>, <c>builtin:all-communes</c>, <c>group:3</c>) or names typed or imported, which are matched to
/// the registry. The target value arrives as text so that "30,5" and bad input get a proper message.
/// </summary>
public sealed record TaskInput
{
    public string Code { get; init; } = "";
    public string? GroupCode { get; init; }

    /// <summary>When <see cref="GroupCode"/> is a new heading, its title: the group is created with the task.</summary>
    public string? GroupTitle { get; init; }

    public string Content { get; init; } = "";
    public string? TargetText { get; init; }
    public string? TargetMetric { get; init; }
    public TargetComparator? TargetComparator { get; init; }
    public string? TargetValue { get; init; }
    public string? TargetUnit { get; init; }
    public TargetBasis TargetBasis { get; init; }
    public string? TimeframeText { get; init; }
    public string? ExpectedOutput { get; init; }
    public IReadOnlyList<string> Leads { get; init; } = [];
    public IReadOnlyList<string> Partners { get; init; } = [];
    public IReadOnlyList<string> Executing { get; init; } = [];
    public IReadOnlyList<NodeRef> Nodes { get; init; } = [];

    /// <summary>
    /// Only the drafter sets it, on a task carried over from last year's plan (<see cref="PlanTask.CarriedOver"/>); never
    /// read from a request, and an edit that leaves it null keeps the task's note.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CarriedOver { get; init; }
}
