using ChiSo.Web.Tests.Infrastructure;
using System.Net;
using System.Text.RegularExpressions;

namespace ChiSo.Web.Tests.Results;

public sealed partial class YearPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Get_Papi2025Demo_Shows34ProvincesWithDiacriticsAndDecimalCommas()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");

        var html = await client.GetStringAsync("/results/papi/2025");

        Assert.Equal(34, UnitLinks(html).Count);
        Assert.Contains(">Lâm Đồng</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Hà Nội</a>", html, StringComparison.Ordinal);
        Assert.Matches(DecimalComma(), html);
        Assert.Contains("Dữ liệu minh họa", html, StringComparison.Ordinal);
        Assert.Contains("data-sortable", html, StringComparison.Ordinal);
        Assert.Contains("/units/68?framework=papi&amp;year=2025", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Papi2025Demo_ShowsDimensionsGroupsChangeAndHistory()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        var html = await client.GetStringAsync("/results/papi/2025");

        Assert.Contains("Nhóm đạt điểm cao nhất", html, StringComparison.Ordinal);
        Assert.Contains("ChiSo tính", html, StringComparison.Ordinal);
        Assert.Matches(RankArrow(), html);
        Assert.Contains("Tham gia của người dân ở cấp cơ sở", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tri thức công dân", html, StringComparison.Ordinal);
        Assert.Matches(ImportDate(), html);
        Assert.Contains("/results/papi/2025/export.xlsx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DetailAll_ShowsSubDimensionColumns()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        var html = await client.GetStringAsync("/results/papi/2025?detail=all");

        Assert.Contains("Tri thức công dân", html, StringComparison.Ordinal);
        Assert.Contains("Chỉ hiện các lĩnh vực", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Papi2024Demo_ListsTheTwoUnscoredProvincesLast()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        var html = await client.GetStringAsync("/results/papi/2024");

        Assert.Equal(2, Regex.Count(html, "Không được chấm điểm", RegexOptions.CultureInvariant));
        var links = UnitLinks(html);
        Assert.Equal(63, links.Count);
        Assert.Equal(["02", "95"], links.TakeLast(2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_YearWithoutResults_ShowsWhatToDoNext()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");

        var response = await client.GetAsync("/results/sipas/2024");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chưa có kết quả", html, StringComparison.Ordinal);
        Assert.Contains("/results/import?family=sipas&amp;year=2024", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownFamily_IsNotFound()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");

        var response = await client.GetAsync("/results/khong-co/2024");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToLogin()
    {
        using var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/results/papi/2025");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_NoChoice_DefaultsToPapiNewestYear()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        var html = await client.GetStringAsync("/results");

        // The demo's newest PAPI year is the demo plan's own (2026), seeded for its year in review.
        Assert.Contains("href=\"/results/papi/2026\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/results/par/2024\"", html, StringComparison.Ordinal);
        Assert.Matches(SelectedOption("papi"), html);
        Assert.Matches(SelectedOption("2026"), html);
    }

    [Fact]
    public async Task Index_FamilyAndYearChosen_RedirectsToTheYearTable()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");

        var response = await client.GetAsync("/results?family=papi&year=2019");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/results/papi/2019", response.Headers.Location!.OriginalString);
    }

    private static List<string> UnitLinks(string html) =>
        UnitLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static Regex SelectedOption(string value) =>
        new($"<option value=\"{Regex.Escape(value)}\" selected=\"selected\"", RegexOptions.CultureInvariant);

    [GeneratedRegex("<a href=\"/units/(\\d+)\\?framework=", RegexOptions.CultureInvariant)]
    private static partial Regex UnitLink();

    [GeneratedRegex(">\\s*\\d{1,3},\\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalComma();

    [GeneratedRegex("[▲▼] \\d+", RegexOptions.CultureInvariant)]
    private static partial Regex RankArrow();

    [GeneratedRegex("ngày \\d{2} tháng \\d{2} năm \\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex ImportDate();
}
