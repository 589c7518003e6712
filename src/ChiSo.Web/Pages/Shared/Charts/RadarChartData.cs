namespace ChiSo.Web.Shared.Charts;

/// <summary>Data for <c>data-chart="radar"</c>: each series has one value per indicator, in the same order.</summary>
public sealed record RadarChartData(IReadOnlyList<RadarIndicator> Indicators, IReadOnlyList<ChartSeries> Series);
