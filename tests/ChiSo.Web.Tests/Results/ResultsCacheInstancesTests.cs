using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Api;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Results;

/// <summary>
/// Two app instances on one database each cache what they read. Tables are keyed by import id, so a new import made
/// on one is served by the other at once; a framework version added on one is found by the other on first use.
/// </summary>
public sealed class ResultsCacheInstancesTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SecondInstance_AfterReimportOnTheFirst_ServesTheNewVersion(DatabaseProvider provider)
    {
        await using var first = await ChiSoWebFactory.CreateAsync(provider);
        using var writer = first.CreateApiClient();
        await ImportAsync(writer, "papi", 2019, ApiFiles.PapiCsv(2019));
        await using var second = first.SecondInstance();
        using var reader = second.CreateApiClient();
        Assert.Equal(63, await UnitCountAsync(reader, "/api/v1/frameworks/papi/results/2019"));
        // The file's first province stays in the smaller version 2.
        var code = ChiSo.Units.ProvinceReference.ToUnits().First(u => u.IsValidOn(new DateOnly(2019, 12, 31))).Code;
        var profileBefore = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/units/{code}/profile?framework=papi&year=2019");

        var lines = ApiFiles.PapiCsv(2019).Split('\n');
        await ImportAsync(writer, "papi", 2019, string.Join('\n', lines.Take(11)) + "\n");

        Assert.Equal(10, await UnitCountAsync(reader, "/api/v1/frameworks/papi/results/2019"));
        var profileAfter = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/units/{code}/profile?framework=papi&year=2019");
        Assert.Equal(63, profileBefore.GetProperty("ranked").GetInt32());
        Assert.Equal(10, profileAfter.GetProperty("ranked").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SecondInstance_FrameworkAddedOnTheFirst_FoundOnFirstUse(DatabaseProvider provider)
    {
        await using var first = await ChiSoWebFactory.CreateAsync(provider);
        await using var second = first.SecondInstance();
        using var writer = first.CreateApiClient();
        using var reader = second.CreateApiClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/frameworks/khaosat/results/2019")).StatusCode);

        using (var created = await writer.PostAsync("/api/v1/frameworks", new StringContent(FrameworkJson.Write(Survey()), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await ImportAsync(writer, "khaosat", 2019, "unit,1,2\nĐắk Nông,4,5\nLâm Đồng,6,2\nBình Thuận,3,3\n");

        Assert.Equal(3, await UnitCountAsync(reader, "/api/v1/frameworks/khaosat/results/2019"));
        var framework = await reader.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/khaosat-2019");
        Assert.Equal("Khảo sát thử", framework.GetProperty("nameVi").GetString());
    }

    private static Framework Survey() => new()
    {
        Id = "khaosat-2019", Family = "khaosat", NameVi = "Khảo sát thử", NameEn = "Test survey", ValidFrom = 2019,
        Nodes =
        [
            new() { FrameworkId = "khaosat-2019", Code = FrameworkNode.AggregateCode, NameVi = "Tổng", NameEn = "Total", Max = 20 },
            new() { FrameworkId = "khaosat-2019", Code = "1", ParentCode = FrameworkNode.AggregateCode, NameVi = "Một", NameEn = "One", Max = 10, Order = 1 },
            new() { FrameworkId = "khaosat-2019", Code = "2", ParentCode = FrameworkNode.AggregateCode, NameVi = "Hai", NameEn = "Two", Max = 10, Order = 2 },
        ],
    };

    private static async Task ImportAsync(HttpClient client, string family, int year, string csv)
    {
        using var response = await client.PostAsync($"/api/v1/frameworks/{family}/results/{year}", ApiFiles.Csv(csv));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> UnitCountAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("units").GetArrayLength();
}
