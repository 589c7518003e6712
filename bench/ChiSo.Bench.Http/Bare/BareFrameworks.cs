using System.Data.Common;

namespace ChiSo.Bench.Http.Bare;

internal sealed record BareNode(string Code, string? ParentCode, string NameVi, string NameEn, decimal Max, int Order);

/// <summary>A framework version with its tree, read by hand: tree order, depth, dimensions.</summary>
internal sealed class BareFramework(string id, string family, int validFrom, int? validTo, string groupRule)
{
    public const string Aggregate = "total";

    public string Id { get; } = id;
    public string Family { get; } = family;
    public string GroupRule { get; } = groupRule;
    public List<BareNode> Nodes { get; } = [];

    public bool IsValidIn(int year) => year >= validFrom && (validTo is null || year <= validTo);

    public int ValidFrom => validFrom;

    private Dictionary<string, BareNode>? _byCode;
    private List<BareNode>? _treeOrder;
    private Dictionary<string, List<BareNode>>? _children;

    public BareNode? Find(string code) => ByCode.GetValueOrDefault(code);

    public decimal AggregateMax => Find(Aggregate)?.Max ?? 0;

    public IReadOnlyList<BareNode> Dimensions => Children.GetValueOrDefault(Aggregate) ?? [];

    public IReadOnlyList<BareNode> TreeOrder => _treeOrder ??= BuildTreeOrder();

    public int Depth(string code)
    {
        var depth = 0;
        var node = Find(code);
        while (node?.ParentCode is not null)
        {
            depth++;
            node = Find(node.ParentCode);
        }

        return depth;
    }

    private Dictionary<string, BareNode> ByCode => _byCode ??= Nodes.ToDictionary(n => n.Code, StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, List<BareNode>> Children => _children ??= Nodes.Where(n => n.ParentCode is not null)
        .GroupBy(n => n.ParentCode!, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.OrderBy(n => n.Order).ThenBy(n => n.Code, StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);

    private List<BareNode> BuildTreeOrder()
    {
        var list = new List<BareNode>();
        if (Find(Aggregate) is not { } root)
        {
            return list;
        }

        var stack = new Stack<BareNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            list.Add(node);
            var children = Children.GetValueOrDefault(node.Code) ?? [];
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return list;
    }

    /// <summary>Every version of the family that <paramref name="familyOrId"/> names, with its nodes: one query.</summary>
    public static async Task<List<BareFramework>> FamilyAsync(DbConnection connection, string familyOrId)
    {
        await using var command = BareDatabase.Command(connection, """
            SELECT f."Id", f."Family", f."ValidFrom", f."ValidTo", f."GroupRule", n."Code", n."ParentCode", n."NameVi", n."NameEn", n."Max", n."Order"
            FROM frameworks f JOIN framework_nodes n ON n."FrameworkId" = f."Id"
            WHERE f."Family" = (SELECT g."Family" FROM frameworks g WHERE g."Id" = @x OR g."Family" = @x LIMIT 1)
            ORDER BY f."Id"
            """, ("@x", familyOrId));
        var frameworks = new List<BareFramework>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            if (frameworks.Count == 0 || frameworks[^1].Id != id)
            {
                frameworks.Add(new BareFramework(id, reader.GetString(1), reader.GetInt32(2), BareDatabase.NullableInt(reader, 3), reader.GetString(4)));
            }

            frameworks[^1].Nodes.Add(new BareNode(reader.GetString(5), BareDatabase.NullableString(reader, 6), reader.GetString(7), reader.GetString(8),
                reader.GetDecimal(9), reader.GetInt32(10)));
        }

        return frameworks;
    }

    /// <summary>The version valid in a year: the named one when valid, else the family's (ChiSo's rule).</summary>
    public static BareFramework? ValidFor(List<BareFramework> frameworks, string familyOrId, int year)
    {
        var named = frameworks.FirstOrDefault(f => string.Equals(f.Id, familyOrId, StringComparison.OrdinalIgnoreCase));
        if (named is not null && named.IsValidIn(year))
        {
            return named;
        }

        return frameworks.Where(f => f.IsValidIn(year)).OrderByDescending(f => f.ValidFrom).FirstOrDefault();
    }
}
