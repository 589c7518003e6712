using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Tests.Api;

/// <summary>The Uploads:… settings: bound from configuration, validated at start, and applied by every import.</summary>
public sealed class UploadLimitsTests
{
    [Fact]
    public async Task Start_NonsenseUploadLimit_FailsNamingTheSetting()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { ["Uploads:MaxRows"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => { using var client = app.CreateClient(); });

        Assert.Contains("Uploads:MaxRows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportResults_PastTheConfiguredRows_Is422NamingTheLimitAndSavesNothing()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { ["Uploads:MaxRows"] = "10" });
        using var client = app.CreateApiClient();

        var response = await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("too-large", error.GetProperty("code").GetString());
        Assert.Equal(11, error.GetProperty("row").GetInt32());
        Assert.Contains("Uploads:MaxRows", error.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/frameworks/papi-2018/results/2019")).StatusCode);
    }

    [Fact]
    public async Task ImportUnits_PastTheConfiguredCellLength_Is422NamingRowAndColumn()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { ["Uploads:MaxCellLength"] = "20" });
        using var client = app.CreateApiClient();

        var response = await client.PostAsync("/api/v1/units?province=68",
            ApiFiles.Csv("code,name,type\nSNV,Sở Nội vụ,so\nSTP,Sở Tư pháp tỉnh Lâm Đồng mới sau sáp nhập,so\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "B"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
    }
}
