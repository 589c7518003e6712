using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Api;

public sealed class FrameworksApiTests
{
    private const string ParCsv = """
        code,parent,name_vi,name_en,min,max,aggregation,weight,order
        1,,Công tác chỉ đạo điều hành,Direction,0,10,sum,,1
        1.1,1,Kế hoạch cải cách hành chính,Plan,0,4,sum,,2
        1.2,1,"Kiểm tra, tuyên truyền",Inspection,0,6,sum,,3
        2,,Cải cách thủ tục hành chính,Procedures,0,"12,5",sum,,4
        """;

    [Fact]
    public async Task List_BuiltIns_AreThereWithStableIds()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks");
        var ids = list.EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains("papi-2011", ids);
        Assert.Contains("papi-2018", ids);
        Assert.Contains("papi-2021", ids);
        Assert.Contains("pci-2021", ids);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportCsvDefinition_ThenResultsWithSelfAssessment_StoresBothForms(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();

        var created = await client.PostAsync("/api/v1/frameworks?id=par-2023&nameVi=Chỉ số CCHC 2023&nameEn=PAR Index 2023&validFrom=2023&validTo=2023",
            new StringContent(ParCsv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var framework = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("par", framework.GetProperty("family").GetString());
        Assert.Equal(22.5m, framework.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "total").GetProperty("max").GetDecimal());

        const string results = "Tỉnh,1.1 tự đánh giá,1.1,1.2 tự đánh giá,1.2,2\nĐắk Nông,4,3.5,6,5,10\nLâm Đồng,3,3,5,4.25,\n";
        var import = await client.PostAsync("/api/v1/frameworks/par/results/2023", ApiFiles.Csv(results));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var year = await client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/par-2023/results/2023");
        var dakNong = year.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == "67");
        Assert.Equal(18.5m, dakNong.GetProperty("aggregate").GetProperty("score").GetDecimal());
        Assert.Equal(4m, dakNong.GetProperty("nodes").GetProperty("1.1").GetProperty("selfAssessed").GetDecimal());
        Assert.Equal(3.5m, dakNong.GetProperty("nodes").GetProperty("1.1").GetProperty("score").GetDecimal());
        var lamDong = year.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitCode").GetString() == "68");
        Assert.Equal(JsonValueKind.Null, lamDong.GetProperty("aggregate").ValueKind);
    }

    [Fact]
    public async Task ImportJsonDefinition_Valid_Returns201()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        const string json = """
            {"id":"sipas-2024","nameVi":"SIPAS 2024","nameEn":"SIPAS 2024","validFrom":2024,"validTo":2024,
             "nodes":[{"code":"1","nameVi":"Tiếp cận dịch vụ","nameEn":"Access","min":0,"max":100,"aggregation":"none"},
                      {"code":"2","nameVi":"Thủ tục hành chính","nameEn":"Procedures","min":0,"max":100}]}
            """;
        var response = await client.PostAsync("/api/v1/frameworks", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sipas", body.GetProperty("family").GetString());
    }

    [Fact]
    public async Task ExportJsonThenImport_UnderNewId_RoundTripsTheTree()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        var json = await client.GetStringAsync("/api/v1/frameworks/pci-2021/definition.json");
        Assert.Contains("\"weighted_sum\"", json, StringComparison.Ordinal);
        Assert.Contains("Tính minh bạch", json, StringComparison.Ordinal);

        var renamed = json.Replace("\"pci-2021\"", "\"pci-2031\"", StringComparison.Ordinal).Replace("\"validFrom\": 2021", "\"validFrom\": 2031", StringComparison.Ordinal);
        var created = await client.PostAsync("/api/v1/frameworks", new StringContent(renamed, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode); // pci-2021 is open-ended, so 2031 overlaps it

        var bounded = renamed.Replace("\"validTo\": null", "\"validTo\": 2031", StringComparison.Ordinal)
            .Replace("\"family\": \"pci\"", "\"family\": \"pci-test\"", StringComparison.Ordinal);
        created = await client.PostAsync("/api/v1/frameworks", new StringContent(bounded, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var copy = await client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/pci-2031");
        Assert.Equal(11, copy.GetProperty("nodes").GetArrayLength());
        Assert.Equal(2m, copy.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "3").GetProperty("weight").GetDecimal());
    }

    [Fact]
    public async Task ImportDefinition_Invalid_Returns422NamingRowAndColumn()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        const string csv = "code,parent,name_vi,name_en,min,max,aggregation,weight,order\n1,,A,A,0,x,sum,,1\n1.1,9,B,B,0,1,sum,,2\n";
        var response = await client.PostAsync("/api/v1/frameworks?id=par-2022&nameVi=PAR&validFrom=2022", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("column").GetString() == "max");
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "parent");
    }

    [Fact]
    public async Task ImportDefinition_OverlappingBuiltInYears_Returns422()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        var response = await client.PostAsync("/api/v1/frameworks?id=papi-2019&nameVi=PAPI&validFrom=2019&validTo=2019",
            new StringContent("code,parent,name_vi,name_en,min,max,aggregation,weight,order\n1,,A,A,1,10,sum,,1\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
