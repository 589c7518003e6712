namespace ChiSo.Plans;

/// <summary>The crosswalk as pages use it: related nodes of other indices for a framework version's node.</summary>
public static class NodeCrosswalkView
{
    /// <summary>Related (family, code) pairs for a node of framework version <paramref name="frameworkId"/> ("papi-2021").</summary>
    public static IEnumerable<(string Family, string Code)> Related(string frameworkId, string code)
    {
        var family = frameworkId.Split('-', 2)[0];
        return NodeCrosswalk.Related(family, code);
    }
}
