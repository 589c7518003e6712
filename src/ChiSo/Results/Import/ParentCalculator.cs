using ChiSo.Frameworks;

namespace ChiSo.Results.Import;

/// <summary>A value a file printed, with how many decimals it printed (null: exact).</summary>
public readonly record struct PrintedValue(decimal Value, int? Decimals)
{
    /// <summary>Half a unit of the last printed decimal: how far the true value may be from the printed one.</summary>
    public decimal Uncertainty => Decimals is { } d ? 0.5m * Pow10(-d) : 0m;

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            result /= 10m;
        }

        return result;
    }
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
    public IReadOnlyDictionary<string, NodeOutcome> Compute(IReadOnlyDictionary<string, PrintedValue> fileValues)
    {
        var outcomes = new Dictionary<string, NodeOutcome>(StringComparer.OrdinalIgnoreCase);
        var uncertainty = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        if (tree.Aggregate is { } root)
        {
            Visit(root, fileValues, outcomes, uncertainty);
        }

        return outcomes;
    }

    private void Visit(FrameworkNode node, IReadOnlyDictionary<string, PrintedValue> fileValues,
        Dictionary<string, NodeOutcome> outcomes, Dictionary<string, decimal> uncertainty)
    {
        var children = tree.Children(node.Code);
        foreach (var child in children)
        {
            Visit(child, fileValues, outcomes, uncertainty);
        }

        var computed = children.Count > 0 && node.Aggregation != Aggregation.None && children.All(c => outcomes.ContainsKey(c.Code))
            ? Aggregate(node, children, outcomes, uncertainty)
            : ((decimal Value, decimal Uncertainty)?)null;

        if (fileValues.TryGetValue(node.Code, out var printed))
        {
            var mismatch = computed is { } c && Math.Abs(printed.Value - c.Value) > printed.Uncertainty + c.Uncertainty + 0.0000001m;
            outcomes[node.Code] = new NodeOutcome(printed.Value, ScoreSource.File, mismatch ? Math.Round(computed!.Value.Value, 4) : null, mismatch);
            uncertainty[node.Code] = printed.Uncertainty;
        }
        else if (computed is { } c)
        {
            outcomes[node.Code] = new NodeOutcome(Math.Round(c.Value, 4), ScoreSource.Computed, null, false);
            uncertainty[node.Code] = c.Uncertainty;
        }
    }

    private static (decimal Value, decimal Uncertainty) Aggregate(FrameworkNode node, IReadOnlyList<FrameworkNode> children,
        Dictionary<string, NodeOutcome> outcomes, Dictionary<string, decimal> uncertainty)
    {
        var values = children.Select(c => (outcomes[c.Code].Score, uncertainty[c.Code], c.Weight ?? 1m)).ToList();
        return node.Aggregation switch
        {
            Aggregation.WeightedSum => (values.Sum(v => v.Item1 * v.Item3), values.Sum(v => v.Item2 * Math.Abs(v.Item3))),
            Aggregation.Mean => (values.Average(v => v.Item1), values.Sum(v => v.Item2) / values.Count),
            _ => (values.Sum(v => v.Item1), values.Sum(v => v.Item2)),
        };
    }
}
