using ChiSo.Plans.Library;

namespace ChiSo.Plans;

/// <summary>Related nodes of other indices, from the crosswalk shipped with the task library (loaded once).</summary>
internal static class NodeCrosswalk
{
    private static readonly Lazy<Crosswalk> Table = new(Crosswalk.Load);

    public static IEnumerable<(string Family, string Code)> Related(string family, string code) => Table.Value.Related(family, code);
}
