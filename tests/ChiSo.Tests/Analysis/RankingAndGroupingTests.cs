using ChiSo.Analysis;
using ChiSo.Frameworks;

namespace ChiSo.Tests.Analysis;

public sealed class RankingAndGroupingTests
{
    [Fact]
    public void Rank_Ties_ShareARankAndSkipTheNext()
    {
        var ranks = Ranking.Rank([("a", 9m), ("b", 8m), ("c", 8m), ("d", 7m)]);
        Assert.Equal([1, 2, 2, 4], new[] { "a", "b", "c", "d" }.Select(k => ranks[k]));
    }

    [Fact]
    public void Rank_AllEqual_AllFirst() =>
        Assert.All(Ranking.Rank([("a", 5m), ("b", 5m), ("c", 5m)]).Values, r => Assert.Equal(1, r));

    [Fact]
    public void Rank_ArithmeticNoise_DoesNotSplitATie()
    {
        var ranks = Ranking.Rank([("a", 7.1m), ("b", 7.10000001m), ("c", 6m)]);
        Assert.Equal(1, ranks["a"]);
        Assert.Equal(1, ranks["b"]);
        Assert.Equal(3, ranks["c"]);
    }

    [Theory]
    [InlineData(63, new[] { 16, 16, 16, 15 })]
    [InlineData(61, new[] { 16, 15, 15, 15 })]
    [InlineData(34, new[] { 9, 8, 9, 8 })]
    [InlineData(4, new[] { 1, 1, 1, 1 })]
    public void Groups_Quartiles_HaveTheDocumentedSizes(int n, int[] sizes)
    {
        var ranks = Enumerable.Range(1, n).ToDictionary(i => i, i => i);
        var groups = Grouping.Groups(ranks, GroupRule.Quartiles);
        Assert.Equal(sizes, Enumerable.Range(1, 4).Select(g => groups.Values.Count(v => v == g)));
    }

    [Fact]
    public void Groups_TieAcrossABoundary_SharesTheUpperGroup()
    {
        // 8 units; ranks 2 and 3 tie at rank 2: the boundary between groups 1 and 2 is after position 2.
        var ranks = Ranking.Rank([("a", 10m), ("b", 9m), ("c", 9m), ("d", 8m), ("e", 7m), ("f", 6m), ("g", 5m), ("h", 4m)]);
        var groups = Grouping.Groups(ranks, GroupRule.Quartiles);
        Assert.Equal(1, groups["b"]);
        Assert.Equal(1, groups["c"]);
        Assert.Equal(2, groups["d"]);
        Assert.Equal(4, groups["h"]);
    }

    [Fact]
    public void Groups_NoneRule_GivesNoGroups() =>
        Assert.Empty(Grouping.Groups(new Dictionary<string, int> { ["a"] = 1 }, GroupRule.None));

    [Fact]
    public void Groups_UnknownRule_Throws() =>
        Assert.Throws<ArgumentException>(() => Grouping.Groups(new Dictionary<string, int> { ["a"] = 1 }, "deciles"));
}
