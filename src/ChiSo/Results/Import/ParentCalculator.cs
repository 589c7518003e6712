using System.Runtime.CompilerServices;
using ChiSo.Frameworks;

namespace ChiSo.Results.Import;

/// <summary>A value a file printed, with how many decimals it printed (null: exact).</summary>
public readonly record struct PrintedValue(decimal Value, int? Decimals)
{
    private static readonly decimal[] HalfUnits = Enumerable.Range(0, 29).Select(d =>
    {
        var unit = 0.5m;
        for (var i = 0; i < d; i++)
        {
            unit /= 10m;
        }

        return unit;
    }).ToArray();

    /// <summary>Half a unit of the last printed decimal: how far the true value may be from the printed one.</summary>
    public decimal Uncertainty => Decimals is { } d ? HalfUnits[Math.Clamp(d, 0, HalfUnits.Length - 1)] : 0m;
}

/// <summary>The score a node ends up with, and the computed value when the file's disagrees with it.</summary>
public sealed record NodeOutcome(decimal Score, ScoreSource Source, decimal? ComputedValue, bool Mismatch);

/// <summary>
/// Computes parents from complete children, bottom-up, by each node's aggregation. Where the file gives a
/// parent and all its children, the two may differ by what rounding explains — half a unit of the last
/// printed decimal for each value involved (4 two-decimal sub-dimensions and their two-decimal dimension:
/// 5 × 0.005 = 0.025). A larger difference is a mismatch: the file's value is kept and the computed one reported.
/// </summary>
public sealed class ParentCalculator(FrameworkTree tree)
{
    /// <summary>The tree's nodes children-first, worked out once per tree: a file of 3,321 rows computes 3,321 times.</summary>
    private static readonly ConditionalWeakTable<FrameworkTree, Plan> Plans = new();

    public IReadOnlyDictionary<string, NodeOutcome> Compute(IReadOnlyDictionary<string, PrintedValue> fileValues)
    {
        var plan = Plans.GetValue(tree, Plan.For);
        var count = plan.Nodes.Length;
        var outcomes = new Dictionary<string, NodeOutcome>(count, StringComparer.OrdinalIgnoreCase);
        var scores = new decimal[count];
        var uncertainty = new decimal[count];
        var known = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var node = plan.Nodes[i];
            var children = plan.Children[i];
            (decimal Value, decimal Uncertainty)? computed = null;
            if (children.Length > 0 && node.Aggregation != Aggregation.None && Array.TrueForAll(children, c => known[c]))
            {
                computed = Aggregate(node.Aggregation, children, plan, scores, uncertainty);
            }

            if (fileValues.TryGetValue(node.Code, out var printed))
            {
                var mismatch = computed is { } c && Math.Abs(printed.Value - c.Value) > printed.Uncertainty + c.Uncertainty + 0.0000001m;
                outcomes[node.Code] = new NodeOutcome(printed.Value, ScoreSource.File, mismatch ? Math.Round(computed!.Value.Value, 4) : null, mismatch);
                (scores[i], uncertainty[i], known[i]) = (printed.Value, printed.Uncertainty, true);
            }
            else if (computed is { } c)
            {
                var score = Math.Round(c.Value, 4);
                outcomes[node.Code] = new NodeOutcome(score, ScoreSource.Computed, null, false);
                (scores[i], uncertainty[i], known[i]) = (score, c.Uncertainty, true);
            }
        }

        return outcomes;
    }

    private static (decimal Value, decimal Uncertainty) Aggregate(Aggregation aggregation, int[] children, Plan plan, decimal[] scores, decimal[] uncertainty)
    {
        decimal value = 0, spread = 0;
        foreach (var c in children)
        {
            var weight = aggregation == Aggregation.WeightedSum ? plan.Nodes[c].Weight ?? 1m : 1m;
            value += scores[c] * weight;
            spread += uncertainty[c] * Math.Abs(weight);
        }

        return aggregation == Aggregation.Mean ? (value / children.Length, spread / children.Length) : (value, spread);
    }

    /// <summary>Nodes reachable from the aggregate in post-order (siblings in tree order), with their children's positions.</summary>
    private sealed class Plan
    {
        private Plan(FrameworkNode[] nodes, int[][] children)
        {
            Nodes = nodes;
            Children = children;
        }

        public FrameworkNode[] Nodes { get; }

        public int[][] Children { get; }

        public static Plan For(FrameworkTree tree)
        {
            var order = new List<FrameworkNode>();
            void Visit(FrameworkNode node)
            {
                foreach (var child in tree.Children(node.Code))
                {
                    Visit(child);
                }

                order.Add(node);
            }

            if (tree.Aggregate is { } root)
            {
                Visit(root);
            }

            var position = order.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
            return new Plan([.. order], order.Select(n => tree.Children(n.Code).Select(c => position[c]).ToArray()).ToArray());
        }
    }
}
