using ChiSo.Frameworks;

namespace ChiSo.Results;

/// <summary>
/// Every framework version with its nodes, loaded once and shared by all requests until a framework is imported or
/// replaced (<see cref="ResultsCache.ForgetFrameworks"/>). Shared: callers read it and never change it.
/// </summary>
public sealed class FrameworkCatalogue
{
    private readonly Dictionary<string, Framework> _byId;
    private readonly Dictionary<string, FrameworkTree> _trees;

    public FrameworkCatalogue(IEnumerable<Framework> frameworks)
    {
        All = frameworks.OrderBy(f => f.Family, StringComparer.Ordinal).ThenBy(f => f.ValidFrom).ToList();
        _byId = All.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _trees = All.ToDictionary(f => f.Id, f => new FrameworkTree(f), StringComparer.Ordinal);
    }

    /// <summary>Ordered by family, then by first valid year.</summary>
    public IReadOnlyList<Framework> All { get; }

    public Framework? Find(string id) => _byId.GetValueOrDefault(id);

    public bool Contains(string id) => _byId.ContainsKey(id);

    public FrameworkTree Tree(Framework framework) => _trees.TryGetValue(framework.Id, out var tree) && tree.Framework == framework ? tree : new FrameworkTree(framework);

    /// <summary>The family a version id or family name belongs to (exact spelling, as the database compares).</summary>
    public string? FamilyOf(string familyOrId) =>
        All.FirstOrDefault(f => f.Id == familyOrId || f.Family == familyOrId)?.Family;

    public IReadOnlyList<Framework> Family(string family) => All.Where(f => f.Family == family).ToList();

    /// <summary>The version a family (or version id) uses in a year; see <see cref="FrameworkVersions.ValidFor"/>.</summary>
    public Framework? ValidFor(string familyOrId, int year) =>
        FamilyOf(familyOrId) is { } family ? FrameworkVersions.ValidFor(Family(family), familyOrId, year) : null;
}
