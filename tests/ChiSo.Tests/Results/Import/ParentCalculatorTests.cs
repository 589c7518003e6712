using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Results.Import;

namespace ChiSo.Tests.Results.Import;

/// <summary>Parents from complete children by each aggregation, and mismatches beyond what the printed decimals explain.</summary>
public sealed class ParentCalculatorTests
{
    /// <summary>total = 1 + 2 + 3 + 4; 1 sums, 2 averages, 3 weighs (0.25, 0.75), 4 is never computed.</summary>
    private static readonly FrameworkTree Tree = new(new Framework
    {
        Id = "calc", Family = "calc", NameVi = "Thử", NameEn = "Test", ValidFrom = 2020,
        Nodes =
        [
            Node("total", null, 0, Aggregation.Sum), Node("1", "total", 1, Aggregation.Sum), Node("1.1", "1", 1), Node("1.2", "1", 2),
            Node("2", "total", 2, Aggregation.Mean), Node("2.1", "2", 1), Node("2.2", "2", 2), Node("2.3", "2", 3),
            Node("3", "total", 3, Aggregation.WeightedSum), Node("3.1", "3", 1, weight: 0.25m), Node("3.2", "3", 2, weight: 0.75m),
            Node("4", "total", 4, Aggregation.None), Node("4.1", "4", 1),
        ],
    });

    [Fact]
    public void Compute_CompleteChildren_ParentsBySumMeanAndWeightedSum()
    {
        var outcomes = new ParentCalculator(Tree).Compute(Values(("1.1", 1.25m, 2), ("1.2", 2.5m, 1), ("2.1", 1m, 0), ("2.2", 2m, 0), ("2.3", 2m, 0),
            ("3.1", 4m, 0), ("3.2", 8m, 0), ("4.1", 9m, 0), ("4", 3m, 0)));

        Assert.Equal((3.75m, ScoreSource.Computed), (outcomes["1"].Score, outcomes["1"].Source));
        Assert.Equal(1.6667m, outcomes["2"].Score);
        Assert.Equal(7m, outcomes["3"].Score);
        Assert.Equal((3m, ScoreSource.File), (outcomes["4"].Score, outcomes["4"].Source));
        Assert.Equal(3.75m + 1.6667m + 7m + 3m, outcomes["total"].Score);
        Assert.All(outcomes.Values, o => Assert.False(o.Mismatch));
    }

    [Fact]
    public void Compute_FileParentOffByMoreThanRounding_KeepsTheFileValueAndReportsTheComputedOne()
    {
        // 1.11 + 2.22 = 3.33; a printed 3.35 is 0.02 away, more than 3 × 0.005 explains. 3.34 is within it.
        var off = new ParentCalculator(Tree).Compute(Values(("1.1", 1.11m, 2), ("1.2", 2.22m, 2), ("1", 3.35m, 2)));
        var close = new ParentCalculator(Tree).Compute(Values(("1.1", 1.11m, 2), ("1.2", 2.22m, 2), ("1", 3.34m, 2)));

        Assert.Equal((3.35m, ScoreSource.File, 3.33m, true), (off["1"].Score, off["1"].Source, off["1"].ComputedValue, off["1"].Mismatch));
        Assert.Equal((3.34m, (decimal?)null, false), (close["1"].Score, close["1"].ComputedValue, close["1"].Mismatch));
    }

    [Fact]
    public void Compute_MissingChild_LeavesTheParentAndTheAggregateUncomputed()
    {
        var outcomes = new ParentCalculator(Tree).Compute(Values(("1.1", 1m, 0), ("2.1", 1m, 0), ("2.2", 1m, 0), ("2.3", 1m, 0)));

        Assert.False(outcomes.ContainsKey("1"));
        Assert.Equal(1m, outcomes["2"].Score);
        Assert.False(outcomes.ContainsKey("total"));
        Assert.False(outcomes.ContainsKey("4"));
    }

    private static Dictionary<string, PrintedValue> Values(params (string Code, decimal Value, int Decimals)[] values) =>
        values.ToDictionary(v => v.Code, v => new PrintedValue(v.Value, v.Decimals), StringComparer.OrdinalIgnoreCase);

    private static FrameworkNode Node(string code, string? parent, int order, Aggregation aggregation = Aggregation.Sum, decimal? weight = null) =>
        new() { FrameworkId = "calc", Code = code, ParentCode = parent, NameVi = code, NameEn = code, Max = 100, Order = order, Aggregation = aggregation, Weight = weight };
}
