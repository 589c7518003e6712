using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Seeding;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using ChiSo.Web.Tests.Api;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Results;

/// <summary>Commune results through the API and the pages: the scope taken from <c>?province=</c>, each province's communes side by side.</summary>
public sealed class CommuneResultsWebTests
{
    private static readonly Framework Papi = BuiltInFrameworks.All.Single(f => f.Id == "papi-2021");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Api_CommunesOfTwoProvinces_SideBySideEachRankedAmongItsOwn(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();
        foreach (var province in new[] { "12", "46" })
        {
            using var units = await client.PostAsync($"/api/v1/units?province={province}&communes=true", null);
            Assert.Equal(HttpStatusCode.OK, units.StatusCode);
            using var posted = await client.PostAsync($"/api/v1/frameworks/papi/results/2025?province={province}", ApiFiles.Csv(CommunesCsv(province)));
            Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());
            var summary = await posted.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, summary.GetProperty("version").GetInt32());
            Assert.StartsWith("communes:", summary.GetProperty("scope").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("xã, phường của ", summary.GetProperty("scopeName").GetString(), StringComparison.Ordinal);
        }

        var laiChau = await client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/papi/results/2025?province=12");
        var hue = await client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/papi/results/2025?province=46");
        Assert.Equal(38, laiChau.GetProperty("units").GetArrayLength());
        Assert.Equal(40, hue.GetProperty("units").GetArrayLength());
        Assert.Equal(38, laiChau.GetProperty("units").EnumerateArray().Max(u => u.GetProperty("aggregate").GetProperty("rank").GetInt32()));
        Assert.All(laiChau.GetProperty("units").EnumerateArray(), u => Assert.StartsWith("03", u.GetProperty("unitCode").GetString(), StringComparison.Ordinal));
        // The provinces' scope has nothing for 2025: the communes did not land there.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/frameworks/papi/results/2025")).StatusCode);

        var first = laiChau.GetProperty("units")[0];
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{first.GetProperty("unitCode").GetString()}/profile?framework=papi&year=2025");
        Assert.Equal(38, profile.GetProperty("ranked").GetInt32());
        Assert.Equal(1, profile.GetProperty("rank").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Api_UnknownProvinceOrScope_Answers422NamingTheParameter(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();

        using var province = await client.PostAsync("/api/v1/frameworks/papi/results/2025?province=99", ApiFiles.Csv("Xã,1\n03388,5\n"));
        using var scope = await client.GetAsync("/api/v1/frameworks/papi/results/2025?scope=villages");
        using var noCommunes = await client.PostAsync("/api/v1/frameworks/papi/results/2025?province=12", ApiFiles.Csv("Xã,1\n03388,5\n"));

        foreach (var (response, field) in new[] { (province, "province"), (scope, "scope"), (noCommunes, "province") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Pages_ImportCommunesOfAProvince_YearPageShowsThemAndTheProfileRanksAmongThem(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using (var api = app.CreateApiClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/units?province=12&communes=true", null)).StatusCode);
        }

        using var client = await SignIn.AdminAsync(app);
        var token = await SignIn.TokenAsync(client, "/results/import", "results-import-form");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("papi"), "Family" },
            { new StringContent("2025"), "Year" },
            { new StringContent("province-communes"), "Scope" },
            { new StringContent("12"), "Province" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(CommunesCsv("12")));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "xa-lai-chau.csv");

        var posted = await (await client.PostAsync("/results/import", form)).Content.ReadAsStringAsync();

        Assert.Contains("Đã nhập kết quả", posted, StringComparison.Ordinal);
        Assert.Contains("href=\"/results/papi/2025?province=12\"", posted, StringComparison.Ordinal);
        var year = await client.GetStringAsync("/results/papi/2025?province=12");
        Assert.Contains("xã, phường của Tỉnh Lai Châu", year, StringComparison.Ordinal);
        Assert.Contains(">Đoàn Kết<", year, StringComparison.Ordinal);
        Assert.Contains("38 đơn vị được xếp hạng", year, StringComparison.Ordinal);
        Assert.Contains("export.csv?province=12", year, StringComparison.Ordinal);
        var export = await client.GetStringAsync("/results/papi/2025/export.csv?province=12");
        Assert.Contains("Đoàn Kết", export, StringComparison.Ordinal);
        var profile = await client.GetStringAsync("/units/03388?framework=papi&year=2025");
        Assert.Contains("/ 38", profile, StringComparison.Ordinal);
        Assert.Contains("so với các xã trong tỉnh", profile, StringComparison.Ordinal);

        // A plain province page of the same year is untouched by the communes.
        var provinces = await client.GetStringAsync("/results/papi/2025");
        Assert.DoesNotContain("Đoàn Kết", provinces, StringComparison.Ordinal);
    }

    private static string CommunesCsv(string provinceCode)
    {
        var communes = ProvinceReference.CommunesOf(provinceCode, after2025: true)
            .Select((c, i) => new Unit { Id = i + 1, Code = c.Code, Kind = UnitKind.Commune, Name = c.Name, FullName = c.FullName })
            .ToList();
        return DemoResultsGenerator.Csv(Papi, 2025, communes);
    }
}
