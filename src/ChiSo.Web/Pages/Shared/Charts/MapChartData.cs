namespace ChiSo.Web.Shared.Charts;

/// <summary>Data for <c>data-chart="map"</c>: a province choropleth over the shipped 34-province GeoJSON.</summary>
public sealed record MapChartData(IReadOnlyList<MapValue> Values, string UnitLabel)
{
    /// <summary>The GeoJSON served from wwwroot (34 provinces after the 2025 reorganisation).</summary>
    public const string Provinces34GeoJsonUrl = "/data/provinces-34.geojson";

    public string GeoJsonUrl { get; init; } = Provinces34GeoJsonUrl;

    /// <summary>Feature property used to match <see cref="MapValue.Code"/>.</summary>
    public string NameProperty { get; init; } = "code";
}
