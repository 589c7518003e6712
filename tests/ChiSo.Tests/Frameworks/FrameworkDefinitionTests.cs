using ChiSo.Frameworks;

namespace ChiSo.Tests.Frameworks;

public sealed class FrameworkDefinitionTests
{
    private const string Header = "code,parent,name_vi,name_en,min,max,aggregation,weight,order\n";

    public static TheoryData<string> BuiltInIds => new() { "papi-2011", "papi-2018", "papi-2021", "pci-2021" };

    private static Framework BuiltIn(string id) => BuiltInFrameworks.All.Single(f => f.Id == id);

    [Fact]
    public void BuiltIns_PapiVersions_HaveTheirDimensionsAndStableCodes()
    {
        var p2011 = new FrameworkTree(BuiltIn("papi-2011"));
        var p2018 = new FrameworkTree(BuiltIn("papi-2018"));
        var p2021 = new FrameworkTree(BuiltIn("papi-2021"));
        Assert.Equal(6, p2011.Dimensions.Count);
        Assert.Equal(8, p2018.Dimensions.Count);
        Assert.Equal(8, p2021.Dimensions.Count);
        Assert.Null(p2011.Find("2.4"));
        Assert.NotNull(p2018.Find("2.4"));
        Assert.NotNull(p2018.Find("5.2"));
        Assert.Null(p2021.Find("5.2"));
        Assert.Equal(["5.1", "5.3", "5.4"], p2021.Children("5").Select(n => n.Code));
        Assert.Equal((60m, 80m), (p2011.Aggregate!.Max, p2018.Aggregate!.Max));
        foreach (var tree in new[] { p2011, p2018, p2021 })
        {
            foreach (var dimension in tree.Dimensions)
            {
                Assert.Equal(10m, tree.Children(dimension.Code).Sum(c => c.Max), 3);
                Assert.Equal(1m, tree.Children(dimension.Code).Sum(c => c.Min), 3);
            }
        }
    }

    [Fact]
    public void BuiltIns_Pci_WeightsMakeAHundredPoints()
    {
        var pci = new FrameworkTree(BuiltIn("pci-2021"));
        Assert.Equal(10, pci.Dimensions.Count);
        Assert.Equal(Aggregation.WeightedSum, pci.Aggregate!.Aggregation);
        Assert.Equal(100m, pci.Dimensions.Sum(d => d.Weight!.Value * d.Max));
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Csv_RoundTrip_GivesTheSameNodes(string id)
    {
        var framework = BuiltIn(id);
        var read = FrameworkCsv.Read(FrameworkCsv.Write(framework), id);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors.Select(e => e.MessageEn)));
        Assert.Equal(Describe(framework.Nodes), Describe(read.Nodes));
    }

    [Fact]
    public void Json_RoundTrip_GivesTheSameFramework()
    {
        var framework = BuiltInFrameworks.ParIndexSample(2024);
        var (read, errors) = FrameworkJson.Read(FrameworkJson.Write(framework));
        Assert.Empty(errors);
        Assert.Equal((framework.Id, framework.Family, framework.ValidFrom, framework.ValidTo), (read!.Id, read.Family, read.ValidFrom, read.ValidTo));
        Assert.Equal(Describe(framework.Nodes), Describe(read.Nodes));
        Assert.Equal(100m, read.Nodes.Single(n => n.IsAggregate).Max);
    }

    [Theory]
    [InlineData("code,name_vi,max\n1,A,1\n", 1, "min")]
    [InlineData(Header + "1,,A,A,0,10,sum,,1\n1,,B,B,0,10,sum,,2\n", 3, "code")]
    [InlineData(Header + "1,,A,A,0,10,sum,,1\n1.1,9,B,B,0,1,sum,,2\n", 3, "parent")]
    [InlineData(Header + "1,1.1,A,A,0,10,sum,,1\n1.1,1,B,B,0,1,sum,,2\n", 2, "parent")]
    [InlineData(Header + "1,,A,A,5,1,sum,,1\n", 2, "min")]
    [InlineData(Header + "1,,A,A,0,mười,sum,,1\n", 2, "max")]
    [InlineData(Header + "1,,A,A,0,10,product,,1\n", 2, "aggregation")]
    [InlineData(Header + "1,,A,A,0,10,weighted_sum,,1\n1.1,1,B,B,0,1,sum,,2\n", 3, "weight")]
    [InlineData(Header + ",,A,A,0,10,sum,,1\n", 2, "code")]
    [InlineData("", 0, "")]
    // A row with fewer cells than the header lost a value: refused, not padded.
    [InlineData(Header + "1,,A,A,0,10,sum,,1\n2,,B,B,0\n", 3, "")]
    public void Csv_BadDefinition_NamesRowAndColumn(string csv, int row, string column)
    {
        var read = FrameworkCsv.Read(csv, "par-2024");
        Assert.False(read.Succeeded);
        // Row 0 stands for the whole file: such a problem has no row and names the field instead.
        Assert.Contains(read.Errors, e => (e.Row ?? 0) == row && (e.Column ?? "") == column && e.MessageVi.Length > 0 && e.MessageEn.Length > 0);
    }

    [Fact]
    public void Csv_DecimalCommaAndMissingTotal_AreHandled()
    {
        var read = FrameworkCsv.Read(Header + "1,,A,A,0,\"2,5\",sum,,1\n2,,B,B,0,\"7,5\",sum,,2\n", "par-2024");
        Assert.True(read.Succeeded);
        var total = read.Nodes.Single(n => n.IsAggregate);
        Assert.Equal(10m, total.Max);
        Assert.All(read.Nodes.Where(n => !n.IsAggregate), n => Assert.Equal("total", n.ParentCode));
    }

    [Fact]
    public void Csv_DimensionsNamingTotalAsParentWithoutATotalRow_GetASummedAggregate()
    {
        var read = FrameworkCsv.Read(Header + "1,total,A,A,1,10,sum,,1\n2,total,B,B,1,10,sum,,2\n", "par-2024");
        Assert.True(read.Succeeded);
        var total = read.Nodes.Single(n => n.IsAggregate);
        Assert.Equal((2m, 20m), (total.Min, total.Max));
    }

    [Theory]
    [InlineData("papi", 2017, "papi-2011")]
    [InlineData("papi", 2018, "papi-2018")]
    [InlineData("papi", 2020, "papi-2018")]
    [InlineData("papi", 2021, "papi-2021")]
    [InlineData("papi", 2024, "papi-2021")]
    [InlineData("papi-2018", 2024, "papi-2021")]
    [InlineData("papi-2021", 2021, "papi-2021")]
    [InlineData("pci", 2023, "pci-2021")]
    public void ValidFor_FamilyOrVersion_PicksTheVersionOfTheYear(string familyOrId, int year, string expected) =>
        Assert.Equal(expected, FrameworkVersions.ValidFor(BuiltInFrameworks.All, familyOrId, year)?.Id);

    [Fact]
    public void ValidFor_NoVersionThatYear_IsNull() => Assert.Null(FrameworkVersions.ValidFor(BuiltInFrameworks.All, "papi", 2005));

    [Fact]
    public void OverlapErrors_SameFamilySameYears_AreReported()
    {
        var candidate = new Framework { Id = "papi-2019", Family = "papi", NameVi = "x", NameEn = "x", ValidFrom = 2019, ValidTo = 2019 };
        Assert.NotEmpty(FrameworkVersions.OverlapErrors(BuiltInFrameworks.All, candidate));
        candidate.ValidFrom = 2005;
        candidate.ValidTo = 2010;
        Assert.Empty(FrameworkVersions.OverlapErrors(BuiltInFrameworks.All, candidate));
    }

    private static List<string> Describe(IEnumerable<FrameworkNode> nodes) =>
        nodes.OrderBy(n => n.Code, StringComparer.Ordinal)
            .Select(n => string.Join('|', n.Code, n.ParentCode, n.NameVi, n.NameEn, n.Min, n.Max, n.Aggregation, n.Weight, n.Order))
            .ToList();
}
