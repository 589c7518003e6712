namespace ChiSo.Frameworks;

/// <summary>
/// Read-only navigation over a framework's nodes: lookup by code, children in order, dimensions.
/// Built once per use; frameworks are small (a few hundred nodes at most).
/// </summary>
public sealed class FrameworkTree
{
    private static readonly IReadOnlyList<FrameworkNode> NoChildren = [];
    private readonly Dictionary<string, FrameworkNode> _byCode;
    private readonly Dictionary<string, List<FrameworkNode>> _children;

    public FrameworkTree(Framework framework)
    {
        Framework = framework;
        _byCode = framework.Nodes.ToDictionary(n => n.Code, StringComparer.OrdinalIgnoreCase);
        _children = framework.Nodes
            .Where(n => n.ParentCode is not null)
            .GroupBy(n => n.ParentCode!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.Order).ThenBy(n => n.Code, StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);
    }

    public Framework Framework { get; }

    /// <summary>The aggregate node (code <c>total</c>), if the framework defines one.</summary>
    public FrameworkNode? Aggregate => Find(FrameworkNode.AggregateCode);

    /// <summary>The dimensions: the aggregate's children.</summary>
    public IReadOnlyList<FrameworkNode> Dimensions => Children(FrameworkNode.AggregateCode);

    /// <summary>Every node in tree order (depth first, siblings by <see cref="FrameworkNode.Order"/>).</summary>
    public IEnumerable<FrameworkNode> InTreeOrder()
    {
        var root = Aggregate;
        if (root is null)
        {
            yield break;
        }

        var stack = new Stack<FrameworkNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            var children = Children(node.Code);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    public FrameworkNode? Find(string code) => _byCode.GetValueOrDefault(code);

    public IReadOnlyList<FrameworkNode> Children(string code) =>
        _children.TryGetValue(code, out var list) ? list : NoChildren;

    public bool IsLeaf(string code) => Children(code).Count == 0;

    /// <summary>Depth below the aggregate: dimensions are 1, sub-dimensions 2.</summary>
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
}
