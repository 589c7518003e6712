using System.Net;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Navigation;

/// <summary>The header shows each role only what it may open; a focal point lands on its tasks; search ignores tone marks.</summary>
public sealed class MenuAndSearchTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("lanhdao")]
    [InlineData("daumoi")]
    [InlineData("dieuphoi")]
    [InlineData("admin")]
    public async Task Menu_EveryLinkItShows_OpensForThatRole(string user)
    {
        using var client = await SignIn.DemoAsync(demo.App, user);
        var home = await client.GetAsync("/");
        var html = await (home.StatusCode == HttpStatusCode.Redirect ? await client.GetAsync(home.Headers.Location!) : home).Content.ReadAsStringAsync();
        var menu = html[html.IndexOf("id=\"main-menu\"", StringComparison.Ordinal)..html.IndexOf("id=\"header-search\"", StringComparison.Ordinal)];
        var links = System.Text.RegularExpressions.Regex.Matches(menu, "href=\"(/[^\"#]*)\"").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user}: the menu shows {link} but it answers {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.Equal(user is "dieuphoi" or "admin", links.Contains("/results/import"));
        Assert.Equal(user == "admin", links.Contains("/admin/users"));
    }

    [Fact]
    public async Task FocalPoint_AfterSignIn_LandsOnMyTasks()
    {
        using var client = await SignIn.DemoAsync(demo.App, "daumoi");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/my/tasks", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Search_WithoutToneMarks_FindsUnitsPlansTasksAndIndexNodes()
    {
        using var client = await SignIn.DemoAsync(demo.App, "dieuphoi");

        var units = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=so%20noi%20vu"));
        Assert.Contains("Sở Nội vụ", units[units.IndexOf("id=\"search-unit\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var nodes = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=CONG%20KHAI%20minh%20bach"));
        Assert.Contains("id=\"search-indexnode\"", nodes, StringComparison.Ordinal);
        Assert.Contains("Công khai, minh bạch", nodes, StringComparison.Ordinal);

        var plans = WebUtility.HtmlDecode(await client.GetStringAsync("/search?q=nang%20cao%20papi%20lam%20dong"));
        Assert.Contains("id=\"search-plan\"", plans, StringComparison.Ordinal);

        var none = await client.GetStringAsync("/search?q=zzzqqq");
        Assert.Contains("id=\"search-none\"", none, StringComparison.Ordinal);
    }
}
