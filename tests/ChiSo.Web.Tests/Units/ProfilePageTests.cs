using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Units;

public sealed partial class ProfilePageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Profile_MergedProvince2025_ShowsChartsLostPointsAndPredecessors()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var html = await client.GetStringAsync("/units/68?framework=papi&year=2025");

        Assert.Contains("Tỉnh Lâm Đồng", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"radar\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"trend\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"bar\"", html, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu minh họa", html, StringComparison.Ordinal);
        Assert.Matches(@"\d+,\d{2}", html);

        var gaps = GapCells().Matches(Table(html, "lost-points")).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(gaps.Count > 10);
        Assert.Equal(gaps.OrderByDescending(g => g), gaps);

        var merged = Table(html, "merged-history");
        Assert.Contains("Đắk Nông", merged, StringComparison.Ordinal);
        Assert.Contains("Bình Thuận", merged, StringComparison.Ordinal);
        Assert.Contains("2024", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("Ước tính", merged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_MergedProvince_TrendShowsEachFormerProvinceBefore2025AsItsOwnSeries()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var html = await client.GetStringAsync("/units/68?framework=papi&year=2025");

        var json = System.Text.Json.JsonDocument.Parse(TrendBlock().Match(html).Groups[1].Value).RootElement;
        var years = json.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Contains(2024, years);
        Assert.Contains(2025, years);
        var series = json.GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Null ? (double?)null : v.GetDouble()).ToList());
        // The merged province itself: only from 2025; each former province: only before.
        var index2024 = years.IndexOf(2024);
        var index2025 = years.IndexOf(2025);
        Assert.Null(series["Tổng điểm"][index2024]);
        Assert.NotNull(series["Tổng điểm"][index2025]);
        foreach (var former in new[] { "Đắk Nông", "Bình Thuận" })
        {
            var score = series.Single(s => s.Key.Contains(former, StringComparison.Ordinal) && s.Key.EndsWith("tổng điểm", StringComparison.Ordinal)).Value;
            var rank = series.Single(s => s.Key.Contains(former, StringComparison.Ordinal) && s.Key.EndsWith("xếp hạng", StringComparison.Ordinal)).Value;
            Assert.NotNull(score[index2024]);
            Assert.InRange(rank[index2024]!.Value, 1, 63);
            Assert.Null(score[index2025]);
        }

        Assert.Contains("trước năm 2025", html, StringComparison.Ordinal);
        Assert.DoesNotContain("docs/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_WithWeights_ShowsALabelledEstimate()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var lamDong = await db.Units.SingleAsync(u => u.Code == "68" && u.ValidTo == null && u.Kind == ChiSo.Units.UnitKind.Province);
        var predecessors = await db.UnitPredecessors.Where(p => p.UnitId == lamDong.Id).Select(p => p.PredecessorId).ToListAsync();
        var query = string.Join("&", predecessors.Select((id, i) => $"w{id}={(i + 1) * 100000}"));
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");

        var html = await client.GetStringAsync($"/units/68?framework=papi&year=2025&{query}&basis=d%C3%A2n%20s%E1%BB%91");

        Assert.Contains("Ước tính — không phải số liệu chính thức", html, StringComparison.Ordinal);
        Assert.Contains("dân số", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_OldProvince2024_SaysWhereItWent()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var html = await client.GetStringAsync("/units/67?framework=papi&year=2024");
        Assert.Contains("Tỉnh Đắk Nông", html, StringComparison.Ordinal);
        Assert.Contains("thuộc", html, StringComparison.Ordinal);
        Assert.Contains("Tỉnh Lâm Đồng", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_UnscoredYear_SaysNotScoredInsteadOfZero()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var html = await client.GetStringAsync("/units/02?framework=papi&year=2024");
        Assert.Contains("Không được chấm điểm năm 2024", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_UnknownUnit_Returns404()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/units/999?framework=papi&year=2025")).StatusCode);
    }

    private static string Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"table {id} missing");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<td class=\"num\" data-sort-value=\"([0-9.]+)\">[^<]*</td>\\s*</tr>")]
    private static partial Regex GapCells();

    [GeneratedRegex("<script type=\"application/json\" id=\"trend-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex TrendBlock();
}
