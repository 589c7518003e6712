using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Plans;

/// <summary>The focal point's task list: each task once with every role, periods in words, no stored codes.</summary>
public sealed partial class MyTasksPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task MyTasks_DemoFocalPoint_ListsEachTaskOnceWithItsRolesAndPeriodsInWords()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "daumoi");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/my/tasks"));

        // 9.2 names Sở Nội vụ as lead and, through "Các Sở, ban, ngành", as a partner: one card, both roles.
        var cards = TaskCard().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(cards.Distinct().Count(), cards.Count);
        var followUp = html[html.IndexOf("9.2.", html.IndexOf("id=\"my-task-", StringComparison.Ordinal), StringComparison.Ordinal)..];
        followUp = followUp[..followUp.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains("chủ trì", followUp, StringComparison.Ordinal);
        Assert.Contains("phối hợp", followUp, StringComparison.Ordinal);

        Assert.Contains("Quý I/2026, 6 tháng, 9 tháng, cả năm", html, StringComparison.Ordinal);
        // No stored code in what the page says; a link's path may carry one (the unit's page for a period: /plans/1/reports/2026-Q1/SNV).
        Assert.DoesNotMatch(@"(?<!/)\b20\d\d-(Q[1-4]|H1|6M|9M|M\d\d|Y)\b", html);
    }

    [Fact]
    public async Task MyTasks_DemoFocalPoint_ListsTheReportsItsUnitOwes_ByPeriod_SoonestFirst()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "daumoi");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/my/tasks"));

        var owed = html[html.IndexOf("id=\"owed\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("id=\"owed\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var dues = DueDate().Matches(owed).Select(m => new DateOnly(int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(dues);
        Assert.Equal(dues.Order(), dues);
        Assert.Contains("Quý I/2026", owed, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ", owed, StringComparison.Ordinal);
        // Only the focal point's own unit: no commune's obligation is listed as theirs.
        Assert.DoesNotContain("(Xã ", owed, StringComparison.Ordinal);
        Assert.DoesNotContain("(Phường ", owed, StringComparison.Ordinal);
        // Read on phones over slow connections: no chart library, not even its loader.
        Assert.DoesNotContain("charts.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("echarts", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyTasks_InEnglish_NamesPeriodsInEnglish()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "daumoi");
        await client.GetAsync("/language/en?returnUrl=/my/tasks");
        var html = await client.GetStringAsync("/my/tasks");
        Assert.Contains("Q1 2026, 6 months, 9 months, full year", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("hạn ngày (\\d{2}) tháng (\\d{2}) năm (\\d{4})")]
    private static partial Regex DueDate();

    [GeneratedRegex("id=\"my-task-(\\d+)\"")]
    private static partial Regex TaskCard();
}
