using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChiSo.Web.Pages.CongKhai;

/// <summary>
/// The 34 provinces' outlines as SVG paths, drawn once from the same GeoJSON the /map page's chart reads
/// (<c>wwwroot/data/provinces-34.geojson</c>), so the public site shows its map without ECharts (1 MB) or any script: an
/// equirectangular projection (longitudes shortened by the cosine of the middle latitude), each ring simplified
/// (Douglas–Peucker, half a unit) and written with relative integer steps — a few tens of kilobytes for the whole country.
/// </summary>
public sealed class ProvinceShapes
{
    public const int Height = 400;
    private const double Tolerance = 0.5;

    private ProvinceShapes(int width, IReadOnlyList<Shape> shapes)
    {
        Width = width;
        Shapes = shapes;
    }

    public int Width { get; }

    public IReadOnlyList<Shape> Shapes { get; }

    public sealed record Shape(string Code, string Name, string Path);

    public static ProvinceShapes Load(string geoJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(geoJsonPath));
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
        var rings = features.Select(f => (Code: f.GetProperty("properties").GetProperty("code").GetString()!,
            Name: f.GetProperty("properties").GetProperty("name").GetString()!, Rings: Rings(f.GetProperty("geometry")))).ToList();
        var all = rings.SelectMany(r => r.Rings).SelectMany(r => r).ToList();
        var (minLon, maxLon, minLat, maxLat) = (all.Min(p => p.Lon), all.Max(p => p.Lon), all.Min(p => p.Lat), all.Max(p => p.Lat));
        var shrink = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = Height / (maxLat - minLat);
        var width = (int)Math.Ceiling((maxLon - minLon) * shrink * scale);
        (double X, double Y) Project((double Lon, double Lat) p) => ((p.Lon - minLon) * shrink * scale, (maxLat - p.Lat) * scale);
        return new ProvinceShapes(width, [.. rings.Select(r => new Shape(r.Code, r.Name, PathOf(r.Rings.Select(ring => ring.Select(Project).ToList()))))]);
    }

    private static List<List<(double Lon, double Lat)>> Rings(JsonElement geometry)
    {
        var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
            ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
            : [geometry.GetProperty("coordinates")];
        return [.. polygons.SelectMany(p => p.EnumerateArray()).Select(ring => ring.EnumerateArray().Select(c => (c[0].GetDouble(), c[1].GetDouble())).ToList())];
    }

    private static string PathOf(IEnumerable<List<(double X, double Y)>> rings)
    {
        var path = new StringBuilder();
        foreach (var ring in rings)
        {
            var points = Simplify(ring).Select(p => ((int)Math.Round(p.X), (int)Math.Round(p.Y))).ToList();
            var kept = new List<(int X, int Y)>();
            foreach (var p in points.Where(p => kept.Count == 0 || kept[^1] != p))
            {
                kept.Add(p);
            }

            if (kept.Count < 3)
            {
                continue; // an islet smaller than a unit: nothing to see at this size
            }

            path.Append(CultureInfo.InvariantCulture, $"M{kept[0].X} {kept[0].Y}");
            for (var i = 1; i < kept.Count; i++)
            {
                path.Append(CultureInfo.InvariantCulture, $"l{kept[i].X - kept[i - 1].X} {kept[i].Y - kept[i - 1].Y}");
            }

            path.Append('z');
        }

        return path.ToString();
    }

    private static List<(double X, double Y)> Simplify(List<(double X, double Y)> points)
    {
        if (points.Count < 3)
        {
            return points;
        }

        var keep = new bool[points.Count];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int From, int To)>();
        stack.Push((0, points.Count - 1));
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            var (index, distance) = (-1, 0.0);
            for (var i = from + 1; i < to; i++)
            {
                var d = Distance(points[i], points[from], points[to]);
                if (d > distance)
                {
                    (index, distance) = (i, d);
                }
            }

            if (index >= 0 && distance > Tolerance)
            {
                keep[index] = true;
                stack.Push((from, index));
                stack.Push((index, to));
            }
        }

        return [.. points.Where((_, i) => keep[i])];
    }

    private static double Distance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        return length == 0 ? Math.Sqrt(((p.X - a.X) * (p.X - a.X)) + ((p.Y - a.Y) * (p.Y - a.Y))) : Math.Abs((dy * p.X) - (dx * p.Y) + (b.X * a.Y) - (b.Y * a.X)) / length;
    }
}
