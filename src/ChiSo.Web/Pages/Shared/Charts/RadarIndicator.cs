namespace ChiSo.Web.Shared.Charts;

/// <summary>One spoke of a radar chart, e.g. a PAPI dimension with its maximum of 10.</summary>
public sealed record RadarIndicator(string Name, double Max);
