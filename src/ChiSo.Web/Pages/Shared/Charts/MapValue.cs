namespace ChiSo.Web.Shared.Charts;

/// <summary>
/// A province's value on the choropleth. <paramref name="Code"/> must equal the GeoJSON feature's
/// <c>code</c> property (two-digit province code, e.g. "68"); <paramref name="Group"/> is the optional
/// performance group (1–4) shown in the tooltip.
/// </summary>
public sealed record MapValue(string Code, string Name, double? Value, int? Group = null);
