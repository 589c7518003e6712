using ChiSo.Frameworks;

namespace ChiSo.Analysis;

/// <summary>A weak dimension (PAPI) or field (PAR Index) and, below it, the sub-dimensions or criteria that lost most.</summary>
/// <param name="SubAreas">The leaves below the dimension the rule picked, weakest first; empty when the dimension has no children.</param>
public sealed record WeakArea(LostPoint Dimension, IReadOnlyList<LostPoint> SubAreas)
{
    /// <summary>What tasks are written for: the sub-areas, or the dimension itself when it has none.</summary>
    public IReadOnlyList<LostPoint> Targets => SubAreas.Count > 0 ? SubAreas : [Dimension];
}

/// <summary>The weak areas of one unit's year, weakest dimension first.</summary>
public sealed record WeakAreas(IReadOnlyList<WeakArea> Areas)
{
    public static WeakAreas None { get; } = new([]);

    public IEnumerable<LostPoint> Dimensions => Areas.Select(a => a.Dimension);

    /// <summary>Every sub-area of every weak dimension, weakest first (the same order the rule ranks by).</summary>
    public IEnumerable<LostPoint> SubAreas => Areas.SelectMany(a => a.SubAreas).OrderBy(l => l, WeakAreaRule.Order);
}

/// <summary>
/// The one rule that says where a unit is weak; the home page, the drafter, the plan's introduction, its
/// section II and its appendix all read it, so they name the same areas (docs/analysis-rules.md, "Điểm yếu").
/// <list type="number">
/// <item>Dimensions are ranked by their gap to the best unit of that year, in points, then by lost points
/// (maximum − score), then by code. A point counts the same in the aggregate whatever the dimension's maximum,
/// so PAPI's 1–10 dimensions and the PAR Index's fields of 7 to 30 points compare on one scale; the best unit
/// shows the gap can be closed in practice.</item>
/// <item>A dimension is weak only if it is behind the best unit; when the unit is the best everywhere, the
/// dimensions that still lost points are used instead, so a draft is never empty while points remain.</item>
/// <item>Below each weak dimension, its leaves (PAPI sub-dimensions, PAR criteria or sub-criteria) are ranked
/// the same way and the first <see cref="DefaultSubAreas"/> behind the best (else with lost points) are kept.</item>
/// </list>
/// </summary>
public static class WeakAreaRule
{
    /// <summary>How many weak dimensions the overview shows and a draft covers unless the coordinator asks otherwise.</summary>
    public const int DefaultDimensions = 3;

    /// <summary>Sub-areas kept per weak dimension: the two weakest usually hold most of a dimension's gap.</summary>
    public const int DefaultSubAreas = 2;

    public const int MaxDimensions = 20;

    /// <summary>Gap to the best (descending), lost points (descending), code (tree order).</summary>
    public static IComparer<LostPoint> Order { get; } = Comparer<LostPoint>.Create((a, b) =>
    {
        var byGap = b.GapToBest.CompareTo(a.GapToBest);
        if (byGap != 0)
        {
            return byGap;
        }

        var byLost = b.Lost.CompareTo(a.Lost);
        return byLost != 0 ? byLost : Plans.NodeCodeComparer.Instance.Compare(a.Node, b.Node);
    });

    public static WeakAreas Pick(UnitProfile? profile, FrameworkTree tree, int dimensions = DefaultDimensions, int subAreas = DefaultSubAreas)
    {
        if (profile is null || !profile.Scored)
        {
            return WeakAreas.None;
        }

        var byNode = profile.LostPoints.ToDictionary(l => l.Node, StringComparer.OrdinalIgnoreCase);
        var candidates = tree.Dimensions.Where(d => byNode.ContainsKey(d.Code)).Select(d => byNode[d.Code]).ToList();
        var weak = Weakest(candidates, Math.Clamp(dimensions, 1, MaxDimensions));
        return new WeakAreas(weak
            .Select(d => new WeakArea(d, Weakest(Leaves(tree, d.Node).Where(byNode.ContainsKey).Select(c => byNode[c]).ToList(), Math.Max(0, subAreas))))
            .ToList());
    }

    /// <summary>The first <paramref name="count"/> behind the best, or, when none is, the first that lost points.</summary>
    private static List<LostPoint> Weakest(List<LostPoint> nodes, int count)
    {
        var behind = nodes.Where(n => n.GapToBest > 0).ToList();
        var pool = behind.Count > 0 ? behind : nodes.Where(n => n.Lost > 0).ToList();
        return pool.Order(Order).Take(count).ToList();
    }

    /// <summary>The leaves below a dimension (its sub-dimensions, or deeper criteria where the tree goes deeper).</summary>
    private static IEnumerable<string> Leaves(FrameworkTree tree, string code)
    {
        foreach (var child in tree.Children(code))
        {
            if (tree.IsLeaf(child.Code))
            {
                yield return child.Code;
            }
            else
            {
                foreach (var leaf in Leaves(tree, child.Code))
                {
                    yield return leaf;
                }
            }
        }
    }
}
