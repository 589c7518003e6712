namespace ChiSo.Frameworks;

/// <summary>
/// Names of the rules that assign performance groups when a results file publishes none.
/// Official groups from a file are always kept as they are.
/// </summary>
public static class GroupRule
{
    /// <summary>
    /// Four groups by rank: with n scored units, group g (1 = highest) holds ranks
    /// ceil((g-1)·n/4)+1 … ceil(g·n/4); tied units share the group of their shared rank.
    /// </summary>
    public const string Quartiles = "quartiles";

    /// <summary>No groups at all.</summary>
    public const string None = "none";
}
