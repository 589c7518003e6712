namespace ChiSo.Plans.Library;

/// <summary>One link between related nodes of two indices (PAPI 5.x ↔ PAR 3.2: both measure procedures).</summary>
public sealed record CrosswalkLink(string FamilyA, string CodeA, string FamilyB, string CodeB, string Note);

/// <summary>
/// Which nodes of PAPI and the PAR Index measure related things, so a task planned for a weak PAPI result
/// can be shown also serving a PAR criterion (and the other way round). Links are read both ways.
/// </summary>
public sealed class Crosswalk
{
    internal const string ResourceName = "ChiSo.Plans.Library.crosswalk.csv";

    private static readonly string[] Header = ["family_a", "code_a", "family_b", "code_b", "note"];

    public Crosswalk(IReadOnlyList<CrosswalkLink> links) => Links = links;

    public IReadOnlyList<CrosswalkLink> Links { get; }

    /// <summary>The crosswalk shipped inside the assembly.</summary>
    public static Crosswalk Load() => Parse(LibraryResources.Read(ResourceName));

    public static Crosswalk Parse(string csv) =>
        new([.. LibraryResources.Records(csv, Header).Select(r => new CrosswalkLink(r[0], r[1], r[2], r[3], r[4]))]);

    /// <summary>
    /// Nodes linked to (family, code) directly, then those one more link away (PAPI 5.4 → PAR 3.2 → PAR 8.1),
    /// without the node itself; direct links first. One hop is enough: longer chains drift off topic.
    /// </summary>
    public IReadOnlyList<(string Family, string Code)> Related(string family, string code)
    {
        var start = Key(family, code);
        var direct = Neighbours(start).ToList();
        var result = new List<(string Family, string Code)>(direct);
        foreach (var node in direct)
        {
            result.AddRange(Neighbours(node));
        }

        return [.. result.Distinct().Where(n => n != start)];
    }

    private IEnumerable<(string Family, string Code)> Neighbours((string Family, string Code) node)
    {
        foreach (var link in Links)
        {
            var a = Key(link.FamilyA, link.CodeA);
            var b = Key(link.FamilyB, link.CodeB);
            if (a == node)
            {
                yield return b;
            }
            else if (b == node)
            {
                yield return a;
            }
        }
    }

    // Families are matched without case ("PAPI" = "papi"); codes are exact ("5.1").
    private static (string Family, string Code) Key(string family, string code) =>
        (family.Trim().ToLowerInvariant(), code.Trim());
}
