namespace ChiSo.Web.Shared.Charts;

/// <summary>Data for <c>data-chart="trend"</c>: each series has one value (or null) per year.</summary>
public sealed record TrendChartData(IReadOnlyList<int> Years, IReadOnlyList<TrendSeries> Series);
