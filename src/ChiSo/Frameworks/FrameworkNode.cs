namespace ChiSo.Frameworks;

/// <summary>
/// A node of a framework tree: the aggregate (code <see cref="AggregateCode"/>), a dimension (<c>1</c>),
/// a sub-dimension (<c>1.2</c>) or an indicator (<c>1.2.3</c>). Codes are stable across versions so a
/// node can be followed from year to year.
/// </summary>
public sealed class FrameworkNode
{
    /// <summary>The code of the root node that holds a framework's aggregate score.</summary>
    public const string AggregateCode = "total";

    public int Id { get; set; }
    public required string FrameworkId { get; set; }
    public required string Code { get; set; }

    /// <summary>Parent code; null only for the aggregate.</summary>
    public string? ParentCode { get; set; }

    public required string NameVi { get; set; }
    public required string NameEn { get; set; }
    public decimal Min { get; set; }
    public decimal Max { get; set; }
    public Aggregation Aggregation { get; set; } = Aggregation.Sum;

    /// <summary>This node's weight in its parent's weighted sum (ignored by other aggregations).</summary>
    public decimal? Weight { get; set; }

    public int Order { get; set; }

    public bool IsAggregate => Code == AggregateCode;
}

/// <summary>How a parent's score follows from its children's.</summary>
public enum Aggregation
{
    /// <summary>Sum of the children (PAPI: dimension = sum of sub-dimensions).</summary>
    Sum,
    /// <summary>Sum of child × child weight (PCI).</summary>
    WeightedSum,
    /// <summary>Arithmetic mean of the children.</summary>
    Mean,
    /// <summary>Never computed: only a file can give it.</summary>
    None,
}
