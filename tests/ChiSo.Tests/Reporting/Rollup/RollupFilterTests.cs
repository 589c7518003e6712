using ChiSo.Reporting.Rollup;

namespace ChiSo.Tests.Reporting.Rollup;

/// <summary>The query string of the list behind a number: written and read back the same, bad values named by their key.</summary>
public sealed class RollupFilterTests
{
    private static ChiSo.Common.Outcome<RollupFilter> Parse(string query)
    {
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
        return RollupFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void ToQuery_EveryPart_ReadsBackTheSame()
    {
        var filter = new RollupFilter
        {
            Standing = Standing.Missing, Late = true, Accepted = false, Done = true, Unit = "SNV", Task = "1.2", Dimension = "2", Level = UnitLevel.Commune,
            Area = "H 1&2", Role = RoleFilter.Carrying,
        };

        var query = filter.ToQuery();

        Assert.Equal("standing=missing&late=true&accepted=false&done=true&role=carrying&task=1.2&dimension=2&unit=SNV&level=commune&area=H%201%262", query);
        Assert.Equal(filter, Parse(query).Value);
        Assert.Equal("", RollupFilter.All.ToQuery());
        Assert.Equal(RollupFilter.All, Parse("").Value);
        Assert.Equal(new RollupFilter { Tasks = TaskCount.NotDoneOverdue, Dimension = RollupFilter.NoDimension }, Parse("tasks=notDoneOverdue&dimension=-").Value);
        Assert.Equal(new RollupFilter { Standing = Standing.Reported, Late = false }, Parse("standing=REPORTED&late=False").Value);
    }

    [Fact]
    public void Parse_BadValues_EachNamedByItsKeyInBothLanguages()
    {
        var parsed = Parse("standing=gone&late=yes&level=2&role=boss&tasks=many");

        Assert.False(parsed.Succeeded);
        Assert.Equal(["tasks", "standing", "late", "role", "level"], parsed.Problems.Select(p => p.Field));
        var standing = parsed.Problems.Single(p => p.Field == "standing");
        Assert.Contains("'gone'", standing.MessageVi, StringComparison.Ordinal);
        Assert.Contains("missing", standing.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TasksWithAnObligationFilter_IsRefused()
    {
        var parsed = Parse("tasks=done&unit=SNV");

        Assert.Equal("tasks", Assert.Single(parsed.Problems).Field);
        Assert.True(Parse("tasks=done&dimension=1").Succeeded);
    }
}
