using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Api;

public sealed class UnitsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportCommunesAndDepartments_ThenList_ByDate(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/units?province=68&communes=true", null)).StatusCode);
        var csv = "code,name,type,parent_code,valid_from,valid_to\nSNV,Sở Nội vụ,sở,,01/07/2025,\nSTTTT,Sở Thông tin và Truyền thông,sở,,,30/06/2025\n";
        var imported = await client.PostAsync("/api/v1/units?province=68", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var now = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?province=68&date=2026-01-01&kind=Department");
        Assert.Equal(["SNV"], now.EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?province=68&date=2025-01-01&kind=Department");
        Assert.Equal(["STTTT"], before.EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        var communes = await client.GetFromJsonAsync<JsonElement>("/api/v1/units?province=68&date=2026-01-01&kind=Commune");
        Assert.Equal(124, communes.GetArrayLength());
    }

    [Fact]
    public async Task ImportDepartments_BadFile_Returns422()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        var response = await client.PostAsync("/api/v1/units?province=68", new StringContent("code,name,type\nA,Sở A,bộ\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("column").GetString() == "type");
    }
}
