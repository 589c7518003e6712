namespace ChiSo.Analysis;

/// <summary>A year in a unit's history: aggregate, rank and group, with the scale of that year's framework.</summary>
public sealed record TrendPoint(
    int Year, string FrameworkId, decimal? Aggregate, decimal AggregateMax, int? Rank, RankSource? RankSource,
    int? Group, RankSource? GroupSource, int RankedCount, bool Illustrative);

/// <summary>A dimension of the chosen year against the national picture.</summary>
public sealed record DimensionComparison(
    string Code, string NameVi, string NameEn, decimal Max, decimal? Score, decimal? Mean, decimal? Median, decimal? Best, int? Rank, int? Group);

/// <summary>Points a node lost (max − score) and how far it is from the best province on that node.</summary>
public sealed record LostPoint(string Node, string NameVi, string NameEn, int Depth, decimal Max, decimal Score, decimal Lost, decimal GapToBest);

/// <summary>Everything the unit profile shows for one framework family and year.</summary>
public sealed record UnitProfile(
    int UnitId, string UnitCode, string UnitName, string FrameworkId, int Year, bool Illustrative, bool Scored,
    CellValue? Aggregate, decimal AggregateMax, int RankedCount,
    IReadOnlyList<TrendPoint> Trend, IReadOnlyList<DimensionComparison> Dimensions, IReadOnlyList<LostPoint> LostPoints,
    int? NextGroup, decimal? PointsToNextGroup, int? NextRank, decimal? PointsToNextRank);
