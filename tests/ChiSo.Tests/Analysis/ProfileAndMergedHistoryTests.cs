using ChiSo.Analysis;
using ChiSo.Tests.TestData;

namespace ChiSo.Tests.Analysis;

public sealed class ProfileAndMergedHistoryTests
{
    private static readonly ChiSo.Units.Unit A = TestResults.Unit(1, "Lâm Đồng");
    private static readonly ChiSo.Units.Unit B = TestResults.Unit(2, "Đắk Nông");
    private static readonly ChiSo.Units.Unit C = TestResults.Unit(3, "Bình Thuận");
    private static readonly ChiSo.Units.Unit D = TestResults.Unit(4, "Cao Bằng");

    private static IReadOnlyList<YearTable> Tables()
    {
        var f = TestFrameworks.Small();
        // Dimension 1 and 2 scores per unit; A is weakest on 2, C has no score in 2019.
        var y2018 = YearTableBuilder.Build(f, TestResults.Import(f, 2018, (A, [6m, 5m]), (B, [5m, 5m]), (C, [7m, 7m]), (D, [8m, 8m])));
        var y2019 = YearTableBuilder.Build(f, TestResults.Import(f, 2019, (A, [7m, 4m]), (B, [6m, 6m]), (C, null), (D, [8m, 9m])), y2018);
        return [y2018, y2019];
    }

    [Fact]
    public void Profile_LostPoints_AreSortedByGapToBestThenLost()
    {
        var profile = UnitProfileBuilder.Build(A.Id, 2019, Tables())!;
        Assert.Equal(["2", "1"], profile.LostPoints.Select(l => l.Node));
        var two = profile.LostPoints[0];
        Assert.Equal(10m, two.Max);
        Assert.Equal(4m, two.Score);
        Assert.Equal(6m, two.Lost);
        Assert.Equal(5m, two.GapToBest);
        Assert.Equal(1m, profile.LostPoints[1].GapToBest);
    }

    [Fact]
    public void Profile_NextGroupAndRank_AreThePointsToPassTheUnitAbove()
    {
        var profile = UnitProfileBuilder.Build(B.Id, 2019, Tables())!;
        // 2019: D 17 (rank 1), B 12 (rank 2), A 11 (rank 3); three ranked → groups 1, 2, 3.
        Assert.Equal(2, profile.Aggregate!.Rank);
        Assert.Equal(2, profile.Aggregate.Group);
        Assert.Equal(1, profile.NextGroup);
        Assert.Equal(5m, profile.PointsToNextGroup);
        Assert.Equal(1, profile.NextRank);
        Assert.Equal(5.01m, profile.PointsToNextRank);
        Assert.Equal(3, profile.RankedCount);
    }

    [Fact]
    public void Profile_Trend_FollowsEveryYear()
    {
        var profile = UnitProfileBuilder.Build(A.Id, 2019, Tables())!;
        Assert.Equal([2018, 2019], profile.Trend.Select(t => t.Year));
        Assert.Equal([11m, 11m], profile.Trend.Select(t => t.Aggregate!.Value));
        Assert.Equal([3, 3], profile.Trend.Select(t => t.Rank!.Value));
    }

    [Fact]
    public void MergedHistory_WithoutWeights_ShowsPredecessorsSideBySideAndNoEstimate()
    {
        var merged = TestResults.Unit(10, "Lâm Đồng mới");
        var history = MergedHistoryBuilder.Build(merged, [A, B, C], Tables());
        Assert.Equal(2, history.Years.Count);
        Assert.All(history.Years, y => Assert.Null(y.Estimate));
        var y2019 = history.Years.Single(y => y.Year == 2019);
        Assert.Equal(11m, y2019.Predecessors.Single(p => p.UnitId == A.Id).Aggregate);
        Assert.False(y2019.Predecessors.Single(p => p.UnitId == C.Id).Scored);
    }

    [Fact]
    public void MergedHistory_WithWeights_RenormalisesOverScoredPredecessors()
    {
        var merged = TestResults.Unit(10, "Lâm Đồng mới");
        var weights = new Dictionary<int, decimal> { [A.Id] = 1, [B.Id] = 3, [C.Id] = 4 };
        var history = MergedHistoryBuilder.Build(merged, [A, B, C], Tables(), weights, "dân số");

        // 2018: (11×1 + 10×3 + 14×4) / 8 = 12.125; 2019: C unscored → (11×1 + 12×3) / 4 = 11.75.
        Assert.Equal(12.125m, history.Years.Single(y => y.Year == 2018).Estimate!.Aggregate);
        var estimate = history.Years.Single(y => y.Year == 2019).Estimate!;
        Assert.Equal(11.75m, estimate.Aggregate);
        Assert.True(estimate.IsEstimate);
        Assert.Contains("Ước tính", estimate.BasisVi, StringComparison.Ordinal);
        Assert.Contains("dân số", estimate.BasisVi, StringComparison.Ordinal);
        Assert.Contains("not an official figure", estimate.BasisEn, StringComparison.Ordinal);
    }

    [Fact]
    public void YearTable_ChangeOfScale_HasRankChangeButNoScoreChange()
    {
        var small = TestFrameworks.Small();
        var eight = TestFrameworks.EightDimensions();
        var before = YearTableBuilder.Build(small, TestResults.Import(small, 2017, (A, [6m, 5m]), (B, [5m, 5m])));
        var after = YearTableBuilder.Build(eight, TestResults.Import(eight, 2018,
            (A, [5m, 5m, 5m, 5m, 5m, 5m, 5m, 5m]), (B, [6m, 6m, 6m, 6m, 6m, 6m, 6m, 6m])), before);
        var row = after.Row(A.Id)!;
        Assert.Null(row.AggregateChange);
        Assert.Equal(-1, row.RankChange);
    }
}
