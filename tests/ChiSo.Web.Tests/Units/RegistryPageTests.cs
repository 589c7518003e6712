using System.Net;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Units;

/// <summary>The unit registry page: history import, hand-made groups, and read-only for leaders.</summary>
public sealed class RegistryPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Coordinator_ImportsHistoryAndMakesAGroup_LeaderOnlyReads()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var page = await client.GetStringAsync("/units/registry?provinceCode=68");
        Assert.Contains("Sở Nội vụ", page, StringComparison.Ordinal);
        Assert.Contains("Xã, phường: 124", page, StringComparison.Ordinal);

        var historic = await client.PostAsync("/units/registry?handler=Historic", SignIn.Form(SignIn.Token(page, "import-historic"), ("ProvinceCode", "68")));
        Assert.Equal(HttpStatusCode.Redirect, historic.StatusCode);
        page = await client.GetStringAsync("/units/registry?provinceCode=68");
        Assert.Contains("Huyện (trước 01/7/2025)", page, StringComparison.Ordinal);

        var member = System.Text.RegularExpressions.Regex.Match(page[page.IndexOf("id=\"Members\"", StringComparison.Ordinal)..], "<option value=\"(\\d+)\"").Groups[1].Value;
        var group = await client.PostAsync("/units/registry?handler=Group", SignIn.Form(SignIn.Token(page, "group-form"), ("ProvinceCode", "68"), ("GroupName", "Xã điểm <b>2026</b>"), ("Members", member)));
        Assert.Equal(HttpStatusCode.Redirect, group.StatusCode);
        page = await client.GetStringAsync("/units/registry?provinceCode=68");
        Assert.Contains("Xã điểm &lt;b&gt;2026&lt;/b&gt;", page, StringComparison.Ordinal);

        using var leader = await SignIn.DemoAsync(fixture.App, "lanhdao");
        var readOnly = await leader.GetStringAsync("/units/registry?provinceCode=68");
        Assert.DoesNotContain("id=\"group-form\"", readOnly, StringComparison.Ordinal);
        var refused = await leader.PostAsync("/units/registry?handler=Communes", SignIn.Form(SignIn.Token(readOnly), ("ProvinceCode", "68")));
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("done=", StringComparison.Ordinal) ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DepartmentsBefore2025_ShownWithSuccessors_ReimportIsIdempotent_LeaderRefused()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var page = await client.GetStringAsync("/units/registry?provinceCode=68");
        // The demo holds the departments of its three predecessors before Decree 45/2025, each with its successor.
        var planning = System.Text.RegularExpressions.Regex.Match(page, "<td>Sở Kế hoạch và Đầu tư</td>.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("28/02/2025", planning, StringComparison.Ordinal);
        Assert.Contains("<td>Sở Tài chính</td>", planning, StringComparison.Ordinal);
        var labour = System.Text.RegularExpressions.Regex.Match(page, "<td>Sở Lao động - Thương binh và Xã hội</td>.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("Sở Nội vụ (chính)", labour, StringComparison.Ordinal);

        var again = await client.PostAsync("/units/registry?handler=DepartmentHistory", SignIn.Form(SignIn.Token(page, "import-department-history"), ("ProvinceCode", "68")));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Matches("done=0-0-\\d+$", again.Headers.Location!.OriginalString);

        using var leader = await SignIn.DemoAsync(fixture.App, "lanhdao");
        var readOnly = await leader.GetStringAsync("/units/registry?provinceCode=68");
        Assert.DoesNotContain("id=\"import-department-history\"", readOnly, StringComparison.Ordinal);
        var refused = await leader.PostAsync("/units/registry?handler=DepartmentHistory", SignIn.Form(SignIn.Token(readOnly), ("ProvinceCode", "68")));
        Assert.False(refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("done=", StringComparison.Ordinal));
    }
}
