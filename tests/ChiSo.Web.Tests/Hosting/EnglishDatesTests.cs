using System.Net;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>The English UI writes dates in English; the Vietnamese UI as documents do ("ngày 22 tháng 01 năm 2026").</summary>
public sealed class EnglishDatesTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task PlanPages_InEachLanguage_WriteTheIssueDateThatLanguagesWay()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var vietnamese = WebUtility.HtmlDecode(await client.GetStringAsync("/plans/1"));
        Assert.Contains("ngày 22 tháng 01 năm 2026", vietnamese, StringComparison.Ordinal);

        await client.GetAsync("/language/en?returnUrl=/");
        var english = WebUtility.HtmlDecode(await client.GetStringAsync("/plans/1"));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/plans"));

        Assert.Contains("22 January 2026", english, StringComparison.Ordinal);
        Assert.Contains("22 January 2026", list, StringComparison.Ordinal);
        Assert.DoesNotContain("ngày 22 tháng 01 năm 2026", english[english.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
