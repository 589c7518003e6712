namespace ChiSo.Web.Shared.Charts;

/// <summary>One named series of a radar or bar chart; a null value is drawn as a gap ("no data").</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);
