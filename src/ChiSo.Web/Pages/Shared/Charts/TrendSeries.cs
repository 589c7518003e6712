namespace ChiSo.Web.Shared.Charts;

/// <summary>
/// One line of a trend chart. <paramref name="YAxis"/> 0 is the left axis, 1 the right one;
/// <paramref name="Inverse"/> flips the axis so that rank 1 is drawn at the top.
/// </summary>
public sealed record TrendSeries(string Name, IReadOnlyList<double?> Values, int YAxis = 0, bool Inverse = false);
