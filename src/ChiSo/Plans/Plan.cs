using ChiSo.Units;

namespace ChiSo.Plans;

/// <summary>
/// An improvement plan ("Kế hoạch", or a "Quyết định" that issues one): its header as printed on the document,
/// its free-text sections, and its tasks. A plan moves draft → issued → closed; editing an issued plan opens an
/// amendment whose predecessor stays readable as a <see cref="PlanVersion"/>.
/// </summary>
public sealed class Plan
{
    public int Id { get; set; }

    /// <summary>The province the plan belongs to; it decides who may see it and which units it can assign.</summary>
    public int ProvinceId { get; set; }
    public Unit? Province { get; set; }

    public PlanDocumentType DocumentType { get; set; }

    /// <summary>The number only ("22"); empty until the plan is issued, as on a draft's "Số:    /KH-UBND".</summary>
    public string? Number { get; set; }

    /// <summary>The symbol after the slash, e.g. "KH-UBND" or "QĐ-UBND".</summary>
    public required string Symbol { get; set; }

    /// <summary>The body above the issuing body, e.g. "Ủy ban nhân dân" or empty.</summary>
    public string? ParentBody { get; set; }

    /// <summary>e.g. "Ủy ban nhân dân tỉnh Lâm Đồng".</summary>
    public required string IssuingBody { get; set; }

    /// <summary>The place printed before the date: "Lâm Đồng, ngày …".</summary>
    public required string Place { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public required string Title { get; set; }

    public int FromYear { get; set; }
    public int ToYear { get; set; }

    /// <summary>The result year the plan responds to (e.g. PAPI 2024 for a 2025 plan).</summary>
    public int? ResultYear { get; set; }

    /// <summary>Framework families the plan responds to, comma separated ("papi,par").</summary>
    public string Frameworks { get; set; } = "";

    /// <summary>The "Căn cứ …" lines, one per line, pre-filled from the list admins keep (<see cref="Library.LegalGround"/>).</summary>
    public string? LegalGrounds { get; set; }

    /// <summary>A decision's "Xét đề nghị của Giám đốc Sở Nội vụ …" line, after the grounds.</summary>
    public string? Proposal { get; set; }

    /// <summary>The introduction: the index result the plan answers, before section I.</summary>
    public string? Preamble { get; set; }
    public string? Purposes { get; set; }
    public string? Requirements { get; set; }
    public string? Implementation { get; set; }
    public string? Funding { get; set; }

    /// <summary>A decision's Article 2 (who implements the plan); null prints the text derived from the tasks.</summary>
    public string? AssignmentArticle { get; set; }

    /// <summary>A decision's Article 3 (effect, who executes the decision); null prints the text derived from the tasks.</summary>
    public string? ExecutionArticle { get; set; }

    /// <summary>The "Nơi nhận" list, one recipient per line (a decision's, when the plan is issued by one).</summary>
    public string? Recipients { get; set; }

    /// <summary>"TM. Ủy ban nhân dân".</summary>
    public string? SignerOnBehalf { get; set; }
    /// <summary>"KT. Chủ tịch" when a deputy signs.</summary>
    public string? SignerDeputy { get; set; }
    public string? SignerTitle { get; set; }
    public string? SignerName { get; set; }

    public PlanStatus Status { get; set; }

    /// <summary>0 for the original; n after the n-th amendment was opened.</summary>
    public int Amendment { get; set; }

    /// <summary>Optimistic-concurrency token: bumped by every save, checked against what the editor loaded.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<PlanTaskGroup> Groups { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];

    public IReadOnlyList<string> FrameworkFamilies =>
        Frameworks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string NumberAndSymbol => $"{(string.IsNullOrWhiteSpace(Number) ? "     " : Number)}/{Symbol}";

    public bool IsEditable => Status is PlanStatus.Draft or PlanStatus.Amending;
}

public enum PlanDocumentType
{
    /// <summary>Kế hoạch.</summary>
    Plan,
    /// <summary>Quyết định ban hành kế hoạch.</summary>
    Decision,
}

public enum PlanStatus
{
    Draft,
    Issued,
    /// <summary>An issued plan being amended: editable; its issued predecessor is kept as a version.</summary>
    Amending,
    Closed,
}
