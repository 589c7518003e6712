using System.Globalization;

namespace ChiSo.Plans;

/// <summary>Orders node and task codes as people number them: "1.2" before "1.10".</summary>
public sealed class NodeCodeComparer : IComparer<string>
{
    public static NodeCodeComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var bothNumbers = int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var na)
                & int.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var nb);
            var c = bothNumbers ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
