using ChiSo.Plans.Library;

namespace ChiSo.Plans.Library;

/// <summary>Related nodes of other indices, from the crosswalk shipped with the task library (loaded once).</summary>
public static class NodeCrosswalk
{
    private static readonly Lazy<Crosswalk> Table = new(Crosswalk.Load);

    public static IEnumerable<(string Family, string Code)> Related(string family, string code) => Table.Value.Related(family, code);

    /// <summary>The same for a node of a framework version ("papi-2021"), as pages and tasks name it.</summary>
    public static IEnumerable<(string Family, string Code)> RelatedToVersion(string frameworkId, string code) =>
        Related(frameworkId.Split('-', 2)[0], code);
}
