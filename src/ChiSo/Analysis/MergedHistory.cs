namespace ChiSo.Analysis;

/// <summary>One predecessor province's official figures in a year before the merger.</summary>
public sealed record PredecessorYear(
    int UnitId, string UnitCode, string UnitName, bool Scored, decimal? Aggregate, int? Rank, int? Group,
    IReadOnlyDictionary<string, decimal?> Dimensions);

/// <summary>
/// A weighted combination of the predecessors' scores. Always an estimate, never an official figure, and only
/// made from weights the user chose (e.g. population).
/// </summary>
public sealed record MergedEstimate(decimal? Aggregate, IReadOnlyDictionary<string, decimal?> Dimensions, string BasisVi, string BasisEn)
{
    public bool IsEstimate => true;
}

public sealed record MergedYear(int Year, string FrameworkId, bool Illustrative, IReadOnlyList<PredecessorYear> Predecessors, MergedEstimate? Estimate);

/// <summary>The history before 2025 of a province formed by the merger: its predecessors side by side.</summary>
public sealed record MergedHistory(int UnitId, string UnitName, IReadOnlyList<(int Id, string Code, string Name)> Predecessors, IReadOnlyList<MergedYear> Years);
