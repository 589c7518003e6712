using System.Net;
using System.Text;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Frameworks;

public sealed class FrameworkPagesTests
{
    [Fact]
    public async Task Index_BuiltIns_ListedByFamilyWithYearsCountsAndBadge()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);

        var html = await client.GetStringAsync("/frameworks");

        Assert.Contains("Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", html, StringComparison.Ordinal);
        Assert.Contains("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/frameworks/papi-2021\"", html, StringComparison.Ordinal);
        Assert.Contains("2021–nay", html, StringComparison.Ordinal);
        Assert.Contains("2018–2020", html, StringComparison.Ordinal);
        Assert.Contains("dựng sẵn", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/frameworks/import\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("papi-2011", StringComparison.Ordinal) < html.IndexOf("pci-2021", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detail_Papi2021_ShowsTreeWithNamesRangesAndDownloads()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);

        var html = await client.GetStringAsync("/frameworks/papi-2021");

        Assert.Contains("Tri thức công dân", html, StringComparison.Ordinal);
        Assert.Contains("Civic knowledge", html, StringComparison.Ordinal);
        Assert.Contains("0,25–2,5", html, StringComparison.Ordinal);
        Assert.Contains("0,3333–3,3333", html, StringComparison.Ordinal);
        Assert.Contains("Tổng các chỉ số con", html, StringComparison.Ordinal);
        Assert.Contains("?handler=Csv", html, StringComparison.Ordinal);
        Assert.Contains("?handler=Json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>5.2</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_Pci_ShowsWeightsWithDecimalComma()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);
        var pci = BuiltInFrameworks.All.Single(f => f.Id == "pci-2021");
        var weight = pci.Nodes.First(n => n.Weight is not null && n.Weight != decimal.Truncate(n.Weight.Value)).Weight;

        var html = await client.GetStringAsync("/frameworks/pci-2021");

        Assert.Contains("Tổng có trọng số", html, StringComparison.Ordinal);
        Assert.Contains(ChiSo.Text.VietnameseFormat.Number(weight, 4), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_Unknown_IsNotFound()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/frameworks/khong-co")).StatusCode);
    }

    [Fact]
    public async Task DownloadCsv_Papi2021_RoundTripsThroughFrameworkCsvRead()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);

        var response = await client.GetAsync("/frameworks/papi-2021?handler=Csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var definition = FrameworkCsv.Read(Encoding.UTF8.GetString(bytes), "papi-2021");
        Assert.True(definition.Succeeded, string.Join("; ", definition.Errors.Select(e => e.MessageEn)));
        var expected = BuiltInFrameworks.All.Single(f => f.Id == "papi-2021").Nodes
            .Select(n => (n.Code, n.ParentCode, n.NameVi, n.Min, n.Max, n.Aggregation)).OrderBy(n => n.Code, StringComparer.Ordinal);
        var actual = definition.Nodes
            .Select(n => (n.Code, n.ParentCode, n.NameVi, n.Min, n.Max, n.Aggregation)).OrderBy(n => n.Code, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task DownloadJson_Pci2021_ReadsBackAsTheSameFramework()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);

        var response = await client.GetAsync("/frameworks/pci-2021?handler=Json");
        var (framework, errors) = FrameworkJson.Read(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(errors);
        Assert.Equal("pci-2021", framework!.Id);
        Assert.Equal(BuiltInFrameworks.All.Single(f => f.Id == "pci-2021").Nodes.Count, framework.Nodes.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_CsvWithHeaderFields_SavesAndRedirectsToDetail(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = await SignIn.AdminAsync(app);
        var csv = FrameworkCsv.Write(BuiltInFrameworks.ParIndexSample(2024));

        var response = await PostAsync(client, csv, "par-2024.csv", new()
        {
            ["Id"] = "par-2024", ["NameVi"] = "Chỉ số cải cách hành chính 2024", ["NameEn"] = "PAR Index 2024", ["ValidFrom"] = "2024", ["ValidTo"] = "2024",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/frameworks/par-2024", response.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync("/frameworks/par-2024");
        Assert.Contains("Chỉ số cải cách hành chính 2024", html, StringComparison.Ordinal);
        Assert.Contains("Công khai thủ tục hành chính", html, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Frameworks.Include(f => f.Nodes).SingleAsync(f => f.Id == "par-2024");
        Assert.Equal("par", saved.Family);
        Assert.False(saved.BuiltIn);
        Assert.Equal(BuiltInFrameworks.ParIndexSample(2024).Nodes.Count, saved.Nodes.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_Json_SavesAndRedirectsToDetail(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = await SignIn.AdminAsync(app);

        var response = await PostAsync(client, FrameworkJson.Write(BuiltInFrameworks.ParIndexSample(2023)), "par-2023.json", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/frameworks/par-2023", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountAsync(app, "par-2023"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_BadCsv_ListsErrorsAndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = await SignIn.AdminAsync(app);
        const string csv = "code,parent,name_vi,min,max\n1,,Lĩnh vực một,0,10\n1.1,1,,0,abc\n";

        var response = await PostAsync(client, csv, "bad.csv", new() { ["ValidFrom"] = "2024" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không có gì được lưu", html, StringComparison.Ordinal);
        Assert.Contains("chiso-error-list", html, StringComparison.Ordinal);
        Assert.Contains("Nhập mã phiên bản", html, StringComparison.Ordinal);
        Assert.Contains("Thiếu tên tiếng Việt.", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;abc&#x27; không phải là số.", html, StringComparison.Ordinal);
        Assert.Equal(4, await CountAsync(app));
    }

    [Fact]
    public async Task Import_JsonReplacingABuiltIn_IsRefused()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);
        var papi = BuiltInFrameworks.All.Single(f => f.Id == "papi-2021");
        papi.NameVi = "Thay thế";

        var response = await PostAsync(client, FrameworkJson.Write(papi), "papi-2021.json", []);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("khung dựng sẵn", html, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.NotEqual("Thay thế", (await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Frameworks.SingleAsync(f => f.Id == "papi-2021")).NameVi);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string content, string fileName, Dictionary<string, string> fields)
    {
        var token = await SignIn.TokenAsync(client, "/frameworks/import", "framework-import-form");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Upload", fileName);
        return await client.PostAsync("/frameworks/import", form);
    }

    private static async Task<int> CountAsync(ChiSoWebFactory app, string? id = null)
    {
        using var scope = app.Services.CreateScope();
        var frameworks = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Frameworks;
        return id is null ? await frameworks.CountAsync() : await frameworks.CountAsync(f => f.Id == id);
    }
}
