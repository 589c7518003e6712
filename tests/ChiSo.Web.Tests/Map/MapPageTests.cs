using System.Text.Json;
using System.Text.RegularExpressions;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Map;

public sealed partial class MapPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Map_2025_ColoursAll34Provinces()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var html = await client.GetStringAsync("/map?framework=papi&year=2025");
        var values = MapValues(html);
        Assert.Equal(34, values.Count);
        Assert.All(values, v => Assert.Equal(JsonValueKind.Number, v.GetProperty("value").ValueKind));
        Assert.Contains("data-chart=\"map\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_2019_LeavesMergedProvincesGreyAndListsPredecessors()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var html = await client.GetStringAsync("/map?framework=papi&year=2019");
        var values = MapValues(html);
        Assert.Equal(34, values.Count);
        var lamDong = values.Single(v => v.GetProperty("code").GetString() == "68");
        Assert.Equal(JsonValueKind.Null, lamDong.GetProperty("value").ValueKind);
        var caoBang = values.Single(v => v.GetProperty("code").GetString() == "04");
        Assert.Equal(JsonValueKind.Number, caoBang.GetProperty("value").ValueKind);
        Assert.Matches("Đắk Nông: \\d+,\\d{2}", html);
    }

    private static List<JsonElement> MapValues(string html)
    {
        var json = MapBlock().Match(html);
        Assert.True(json.Success, "map data block missing");
        using var document = JsonDocument.Parse(json.Groups[1].Value);
        return document.RootElement.GetProperty("values").EnumerateArray().Select(v => v.Clone()).ToList();
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"map-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex MapBlock();
}
