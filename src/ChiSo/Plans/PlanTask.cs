namespace ChiSo.Plans;

/// <summary>
/// One task of a plan: what to do, the target, who leads, partners and executes, when (the user's text plus
/// the meaning ChiSo derived from it) and the framework nodes it serves. Later issues track reports against it.
/// </summary>
public sealed class PlanTask
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? GroupId { get; set; }
    public PlanTaskGroup? Group { get; set; }

    /// <summary>Code within the plan, e.g. "1.2"; unique per plan.</summary>
    public required string Code { get; set; }
    public int Order { get; set; }

    public required string Content { get; set; }

    /// <summary>The target as written ("100% xã công khai danh sách hộ nghèo").</summary>
    public string? TargetText { get; set; }
    public string? TargetMetric { get; set; }
    public TargetComparator? TargetComparator { get; set; }
    public decimal? TargetValue { get; set; }
    public string? TargetUnit { get; set; }
    public TargetBasis TargetBasis { get; set; }

    /// <summary>The time as written ("Quý II–IV/2026", "Thường xuyên").</summary>
    public string? TimeframeText { get; set; }
    public string TimeframeKind { get; set; } = "Unspecified";
    public string? TimeframePeriod { get; set; }
    public DateOnly? TimeframeFrom { get; set; }
    public DateOnly? TimeframeTo { get; set; }
    public DateOnly? TimeframeDue { get; set; }

    public string? ExpectedOutput { get; set; }

    /// <summary>Reporting periods the task is tracked in, e.g. "2026-Q1,2026-H1,2026-Q3,2026-Y".</summary>
    public string ReportingPeriods { get; set; } = "";

    /// <summary>
    /// Set on a drafted task that carries over one of last year's plan that did not work ("Chuyển tiếp từ Kế hoạch
    /// 115/KH-UBND: chưa hoàn thành"), so the coordinator sees where it came from and decides; null otherwise. Not
    /// printed: it is a note for the people drafting, not part of the plan.
    /// </summary>
    public string? CarriedOver { get; set; }

    /// <summary>Optimistic-concurrency token of the task: two people editing it cannot overwrite each other.</summary>
    public int Revision { get; set; }

    public List<TaskAssignment> Assignments { get; set; } = [];
    public List<TaskNodeLink> Nodes { get; set; } = [];
}

public enum TargetComparator
{
    AtLeast,
    AtMost,
    Equal,
}

/// <summary>How a group target is counted: "≥ 30% of 71 communes" is a share, "at least 25 communes" a count.</summary>
public enum TargetBasis
{
    None,
    ShareOfMembers,
    CountOfMembers,
}
