namespace ChiSo.Web.Shared.Charts;

/// <summary>
/// Data for <c>data-chart="bar"</c> (horizontal bars, first category at the top), e.g. points lost per
/// criterion and the gap to the best province. Each series has one value per category.
/// </summary>
public sealed record BarChartData(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);
