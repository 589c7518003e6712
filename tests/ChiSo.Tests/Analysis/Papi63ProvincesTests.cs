using ChiSo.Analysis;
using ChiSo.Tests.TestData;
using ChiSo.Units;

namespace ChiSo.Tests.Analysis;

/// <summary>
/// 63 provinces of 2019 with made-up PAPI-shaped scores whose ranks and groups are known by hand:
/// province i (in code order) scores 8 dimensions of (70 − i) / 8, except for a deliberate tie and two unscored
/// provinces.
/// </summary>
public sealed class Papi63ProvincesTests
{
    private static readonly IReadOnlyList<Unit> Provinces =
        ProvinceReference.ToUnits().Where(u => u.IsValidOn(new DateOnly(2019, 12, 31))).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    private static YearTable Build(Func<int, decimal[]?> scores)
    {
        var framework = TestFrameworks.EightDimensions();
        var rows = Provinces.Select((u, i) => (u, scores(i))).ToArray();
        return YearTableBuilder.Build(framework, TestResults.Import(framework, 2019, rows));
    }

    private static decimal[] Even(decimal total) => Enumerable.Repeat(total / 8, 8).ToArray();

    [Fact]
    public void Build_63Provinces_RanksAndGroupsMatchHandMadeExpectations()
    {
        Assert.Equal(63, Provinces.Count);
        // Provinces 0..62 get totals 70, 69, ... 8; provinces 10 and 11 tie at 60; 61 and 62 are unscored.
        var table = Build(i => i switch
        {
            61 or 62 => null,
            11 => Even(60),
            _ => Even(70 - i),
        });

        int Rank(int i) => table.Row(Provinces[i].Id)!.Aggregate!.Rank!.Value;
        int Group(int i) => table.Row(Provinces[i].Id)!.Aggregate!.Group!.Value;

        Assert.Equal(61, table.RankedCount);
        Assert.Equal(1, Rank(0));
        Assert.Equal(10, Rank(9));
        Assert.Equal(11, Rank(10));
        Assert.Equal(11, Rank(11)); // the tie
        Assert.Equal(13, Rank(12)); // rank 12 is skipped
        Assert.Equal(61, Rank(60));

        // 61 ranked: groups hold positions 1–16, 17–31, 32–46, 47–61.
        Assert.Equal(1, Group(15));
        Assert.Equal(2, Group(16));
        Assert.Equal(2, Group(30));
        Assert.Equal(3, Group(31));
        Assert.Equal(3, Group(45));
        Assert.Equal(4, Group(46));
        Assert.Equal(4, Group(60));
        Assert.All(table.Rows.Where(r => r.Aggregate?.Group is not null), r => Assert.Equal(RankSource.Computed, r.Aggregate!.GroupSource));

        var unscored = table.Row(Provinces[62].Id)!;
        Assert.False(unscored.Scored);
        Assert.Null(unscored.Aggregate);
        Assert.All(table.Rows.TakeLast(2), r => Assert.False(r.Scored)); // unscored units are listed last
        Assert.Equal(61, table.Stats["total"].Count);
    }

    [Fact]
    public void Build_OfficialGroups1616_15_16_AreKeptUntouched()
    {
        var framework = TestFrameworks.EightDimensions();
        var import = TestResults.Import(framework, 2019, Provinces.Select((u, i) => (u, (decimal[]?)Even(70 - i))).ToArray());
        int[] sizes = [16, 16, 15, 16];
        var official = sizes.SelectMany((size, g) => Enumerable.Repeat(g + 1, size)).ToList();
        for (var i = 0; i < 63; i++)
        {
            import.Units[i].Nodes.Single(n => n.NodeCode == "total").OfficialGroup = official[i];
        }

        var table = YearTableBuilder.Build(framework, import);

        Assert.Equal(sizes, Enumerable.Range(1, 4).Select(g => table.Rows.Count(r => r.Aggregate?.Group == g)));
        Assert.All(table.Rows, r => Assert.Equal(RankSource.Official, r.Aggregate!.GroupSource));
        Assert.Equal(RankSource.Computed, table.Rows[0].Aggregate!.RankSource);
        // The computed quartile rule would have put the 48th province in group 3; the official table says 4.
        Assert.Equal(4, table.Row(Provinces[47].Id)!.Aggregate!.Group);
    }

    [Fact]
    public void Build_PreviousYear_GivesScoreAndRankChange()
    {
        var framework = TestFrameworks.EightDimensions();
        var before = YearTableBuilder.Build(framework, TestResults.Import(framework, 2018, Provinces.Select((u, i) => (u, (decimal[]?)Even(70 - i))).ToArray()));
        // In 2019 the last province jumps to the top.
        var now = YearTableBuilder.Build(framework, TestResults.Import(framework, 2019,
            Provinces.Select((u, i) => (u, (decimal[]?)Even(i == 62 ? 75 : 70 - i))).ToArray()), before);

        var climber = now.Row(Provinces[62].Id)!;
        Assert.Equal(1, climber.Aggregate!.Rank);
        Assert.Equal(62, climber.RankChange);
        Assert.Equal(67m, climber.AggregateChange);
        Assert.Equal(-1, now.Row(Provinces[0].Id)!.RankChange);
    }

    [Fact]
    public void Build_DimensionRanksAndNationalStats_AreComputedPerNode()
    {
        var table = Build(i => Even(70 - i));
        var stats = table.Stats["1"];
        Assert.Equal(63, stats.Count);
        Assert.Equal(70m / 8, stats.Best);
        Assert.Equal(8m / 8, stats.Worst);
        Assert.Equal(39m / 8, stats.Median);
        Assert.Equal(1, table.Row(Provinces[0].Id)!.Cell("1")!.Rank);
    }
}
