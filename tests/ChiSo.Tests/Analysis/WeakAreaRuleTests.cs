using ChiSo.Analysis;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Tests.TestData;
using ChiSo.Units;

namespace ChiSo.Tests.Analysis;

public sealed class WeakAreaRuleTests
{
    private static readonly Unit Own = TestResults.Unit(1, "Lâm Đồng");
    private static readonly Unit Other = TestResults.Unit(2, "Đà Nẵng");
    private static readonly Unit Third = TestResults.Unit(3, "Quảng Ninh");

    /// <summary>
    /// PAPI-shaped: dimension 1 of four sub-dimensions (2.5 each), 2 of three (10/3 each), 3 without children;
    /// everything 1–10 per dimension.
    /// </summary>
    private static Framework Papi()
    {
        const string id = "papi-rule";
        var third = 10m / 3;
        return new Framework
        {
            Id = id, Family = "papi", NameVi = "PAPI", NameEn = "PAPI", ValidFrom = 2024,
            Nodes =
            [
                Node(id, "total", null, 30), Node(id, "1", "total", 10), Node(id, "1.1", "1", 2.5m), Node(id, "1.2", "1", 2.5m), Node(id, "1.3", "1", 2.5m),
                Node(id, "1.4", "1", 2.5m), Node(id, "2", "total", 10), Node(id, "2.1", "2", third), Node(id, "2.2", "2", third), Node(id, "2.3", "2", third),
                Node(id, "3", "total", 10),
            ],
        };
    }

    /// <summary>PAR-shaped: fields of 30 and 7 points, the first with criteria and sub-criteria of different maxima.</summary>
    private static Framework Par()
    {
        const string id = "par-rule";
        return new Framework
        {
            Id = id, Family = "par", NameVi = "PAR", NameEn = "PAR", ValidFrom = 2024,
            Nodes =
            [
                Node(id, "total", null, 37), Node(id, "1", "total", 30), Node(id, "1.1", "1", 20), Node(id, "1.1.1", "1.1", 12), Node(id, "1.1.2", "1.1", 8),
                Node(id, "1.2", "1", 10), Node(id, "2", "total", 7), Node(id, "2.1", "2", 4), Node(id, "2.2", "2", 3),
            ],
        };
    }

    [Fact]
    public void Pick_Papi_RanksDimensionsByGapToTheBestNotByRawScore()
    {
        // Own: 1 = 5 (best 6: gap 1, lost 5), 2 = 6 (best 8: gap 2, lost 4), 3 = 7 (best 7.5: gap 0.5). The lowest raw score
        // is dimension 1, but dimension 2 is furthest behind the best province.
        var weak = Pick(Papi(), new()
        {
            [Own] = Scores(("1.1", 1), ("1.2", 1.5m), ("1.3", 1.25m), ("1.4", 1.25m), ("2.1", 1.5m), ("2.2", 2.5m), ("2.3", 2), ("3", 7)),
            [Other] = Scores(("1.1", 1.5m), ("1.2", 1.5m), ("1.3", 1.5m), ("1.4", 1.5m), ("2.1", 3), ("2.2", 2.5m), ("2.3", 2.5m), ("3", 7.5m)),
            [Third] = Scores(("1.1", 1), ("1.2", 1), ("1.3", 1), ("1.4", 1), ("2.1", 1), ("2.2", 1), ("2.3", 1), ("3", 5)),
        }, dimensions: 2);

        Assert.Equal(["2", "1"], weak.Dimensions.Select(d => d.Node));
        Assert.Equal(2m, weak.Areas[0].Dimension.GapToBest);
        // Below dimension 2: 2.1 is 1.5 behind, 2.3 0.5 behind, 2.2 level with the best (not weak).
        Assert.Equal(["2.1", "2.3"], weak.Areas[0].SubAreas.Select(s => s.Node));
        // Below dimension 1: 1.3 and 1.4 are 0.25 behind, 1.1 0.5 behind, 1.2 level; two are kept, ties by lost points then code.
        Assert.Equal(["1.1", "1.3"], weak.Areas[1].SubAreas.Select(s => s.Node));
        Assert.Equal(["2.1", "1.1", "2.3", "1.3"], weak.SubAreas.Select(s => s.Node));
    }

    [Fact]
    public void Pick_DimensionWithoutChildren_IsItsOwnTarget()
    {
        var weak = Pick(Papi(), new()
        {
            [Own] = Scores(("1.1", 2.5m), ("1.2", 2.5m), ("1.3", 2.5m), ("1.4", 2.5m), ("2.1", 3), ("2.2", 3), ("2.3", 3), ("3", 4)),
            [Other] = Scores(("1.1", 2), ("1.2", 2), ("1.3", 2), ("1.4", 2), ("2.1", 3), ("2.2", 3), ("2.3", 3), ("3", 8)),
        });

        var area = Assert.Single(weak.Areas);
        Assert.Equal("3", area.Dimension.Node);
        Assert.Empty(area.SubAreas);
        Assert.Equal(["3"], area.Targets.Select(t => t.Node));
    }

    [Fact]
    public void Pick_BestEverywhere_FallsBackToTheDimensionsThatStillLostPoints()
    {
        var weak = Pick(Papi(), new()
        {
            [Own] = Scores(("1.1", 2.5m), ("1.2", 2.5m), ("1.3", 2.5m), ("1.4", 2), ("2.1", 2), ("2.2", 2), ("2.3", 2), ("3", 9)),
            [Other] = Scores(("1.1", 1), ("1.2", 1), ("1.3", 1), ("1.4", 1), ("2.1", 1), ("2.2", 1), ("2.3", 1), ("3", 8)),
        });

        Assert.All(weak.Dimensions, d => Assert.Equal(0m, d.GapToBest));
        // Lost: 2 loses 4, 3 loses 1, 1 loses 0.5 — in that order.
        Assert.Equal(["2", "3", "1"], weak.Dimensions.Select(d => d.Node));
        Assert.Equal(["1.4"], weak.Areas[2].SubAreas.Select(s => s.Node));
    }

    [Fact]
    public void Pick_ParIndex_ComparesFieldsOfDifferentMaximaInPoints_AndReachesTheDeepestCriteria()
    {
        // Field 1 (30 points): 22, best 27 → 5 behind. Field 2 (7 points): 3, best 7 → 4 behind, though it is the larger share.
        var weak = Pick(Par(), new()
        {
            [Own] = Scores(("1.1.1", 8), ("1.1.2", 6), ("1.2", 8), ("2.1", 2), ("2.2", 1)),
            [Other] = Scores(("1.1.1", 11), ("1.1.2", 7), ("1.2", 9), ("2.1", 4), ("2.2", 3)),
        });

        Assert.Equal(["1", "2"], weak.Dimensions.Select(d => d.Node));
        Assert.Equal(5m, weak.Areas[0].Dimension.GapToBest);
        // The leaves below field 1 are the sub-criteria of 1.1 and the criterion 1.2, never the inner node 1.1 itself.
        Assert.Equal(["1.1.1", "1.1.2"], weak.Areas[0].SubAreas.Select(s => s.Node));
        Assert.Equal(["2.1", "2.2"], weak.Areas[1].SubAreas.Select(s => s.Node));
    }

    [Fact]
    public void Pick_EqualGaps_TheDimensionThatLostMoreComesFirst()
    {
        var weak = Pick(Papi(), new()
        {
            [Own] = Scores(("1.1", 2), ("1.2", 2), ("1.3", 2), ("1.4", 2), ("2.1", 2), ("2.2", 2), ("2.3", 2), ("3", 9)),
            [Other] = Scores(("1.1", 2.5m), ("1.2", 2.5m), ("1.3", 2.5m), ("1.4", 2.5m), ("2.1", 3), ("2.2", 3), ("2.3", 2), ("3", 9)),
        });

        // Both 1 and 2 are 2 points behind; 2 lost 4 points, 1 lost 2.
        Assert.Equal(["2", "1"], weak.Dimensions.Select(d => d.Node));
    }

    [Fact]
    public void Pick_UnscoredUnit_HasNoWeakAreas()
    {
        var framework = Papi();
        var import = Import(framework, new() { [Other] = Scores(("1.1", 2), ("1.2", 2), ("1.3", 2), ("1.4", 2), ("2.1", 2), ("2.2", 2), ("2.3", 2), ("3", 9)) });
        import.Units.Add(new UnitResult { UnitId = Own.Id, Unit = Own, Scored = false });
        var table = YearTableBuilder.Build(framework, import);

        Assert.Empty(WeakAreaRule.Pick(UnitProfileBuilder.Build(Own.Id, 2024, [table]), table.Tree).Areas);
    }

    private static WeakAreas Pick(Framework framework, Dictionary<Unit, Dictionary<string, decimal>> rows, int dimensions = WeakAreaRule.DefaultDimensions)
    {
        var table = YearTableBuilder.Build(framework, Import(framework, rows));
        return WeakAreaRule.Pick(UnitProfileBuilder.Build(Own.Id, 2024, [table]), table.Tree, dimensions);
    }

    /// <summary>An import giving each leaf's score; inner nodes and the aggregate are the sums, as the results import computes them.</summary>
    private static ResultImport Import(Framework framework, Dictionary<Unit, Dictionary<string, decimal>> rows)
    {
        var tree = new FrameworkTree(framework);
        var import = new ResultImport { FrameworkId = framework.Id, Year = 2024, FileName = "rule.csv", ImportedBy = "test", IsCurrent = true };
        foreach (var (unit, leaves) in rows)
        {
            var result = new UnitResult { UnitId = unit.Id, Unit = unit, Scored = true };
            foreach (var node in tree.InTreeOrder())
            {
                result.Nodes.Add(new NodeResult { NodeCode = node.Code, Score = Sum(tree, node.Code, leaves), Source = ScoreSource.File });
            }

            import.Units.Add(result);
        }

        return import;
    }

    private static decimal Sum(FrameworkTree tree, string code, Dictionary<string, decimal> leaves) =>
        tree.IsLeaf(code) ? leaves[code] : tree.Children(code).Sum(c => Sum(tree, c.Code, leaves));

    private static Dictionary<string, decimal> Scores(params (string Code, decimal Score)[] leaves) =>
        leaves.ToDictionary(l => l.Code, l => l.Score, StringComparer.Ordinal);

    private static FrameworkNode Node(string framework, string code, string? parent, decimal max) =>
        new() { FrameworkId = framework, Code = code, ParentCode = parent, NameVi = "Nội dung " + code, NameEn = "Node " + code, Min = 0, Max = max };
}
