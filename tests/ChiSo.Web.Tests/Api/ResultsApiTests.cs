using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Api;

public sealed class ResultsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ImportThenRead_Papi2019_RoundTripsRanksGroupsAndProfile(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();

        var post = await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var summary = await post.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("papi-2018", summary.GetProperty("framework").GetString());
        Assert.Equal(63, summary.GetProperty("units").GetInt32());
        Assert.Equal(1, summary.GetProperty("version").GetInt32());

        var results = await client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/papi-2018/results/2019");
        var units = results.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(63, units.Count);
        var first = units[0];
        Assert.Equal(1, first.GetProperty("aggregate").GetProperty("rank").GetInt32());
        Assert.Equal(1, first.GetProperty("aggregate").GetProperty("group").GetInt32());
        Assert.Equal("computed", first.GetProperty("aggregate").GetProperty("source").GetString());
        Assert.Equal("computed", first.GetProperty("nodes").GetProperty("6").GetProperty("source").GetString());
        Assert.Equal("file", first.GetProperty("nodes").GetProperty("6.1").GetProperty("source").GetString());
        var groups = units.GroupBy(u => u.GetProperty("aggregate").GetProperty("group").GetInt32()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(63, groups.Values.Sum());
        Assert.Equal(4, groups.Count);

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/units/67/profile?framework=papi&year=2019");
        Assert.Equal("Đắk Nông", profile.GetProperty("unitName").GetString());
        var lost = profile.GetProperty("lostPoints").EnumerateArray().ToList();
        Assert.NotEmpty(lost);
        var gaps = lost.Select(l => l.GetProperty("gapToBest").GetDecimal()).ToList();
        Assert.Equal(gaps.OrderByDescending(g => g), gaps);
        Assert.All(lost, l => Assert.Equal(l.GetProperty("max").GetDecimal() - l.GetProperty("score").GetDecimal(), l.GetProperty("lost").GetDecimal()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_BadFile_Returns422WithEveryErrorAndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();
        const string csv = "unit,1.1,1.2,9.9\nĐắk Nông,0.2,abc,1\nAtlantis,1,1,1\n";

        var response = await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 1 && e.GetProperty("column").GetString() == "9.9");
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("column").GetString() == "1.1");
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("column").GetString() == "1.2");
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("message").GetString()!.Contains("Atlantis", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));

        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().ResultImports.AnyAsync());
    }

    [Fact]
    public async Task Import_HundredThousandBadRows_Returns201ProblemsInASmallBody()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        var csv = new System.Text.StringBuilder("unit,1.1\n");
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append("Tỉnh Không Có ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(",0.5\n");
        }

        var response = await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(csv.ToString()));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(201, errors.Count);
        Assert.Equal(2, errors[0].GetProperty("row").GetInt32());
        Assert.Equal("truncated", errors[^1].GetProperty("code").GetString());
        Assert.Contains("99,800 more", errors[^1].GetProperty("messageEn").GetString(), StringComparison.Ordinal);
        // 201 problems, not 100,000: tens of kilobytes instead of tens of megabytes.
        Assert.True(body.Length < 150_000, $"{body.Length} bytes");
    }

    [Fact]
    public async Task Import_MultipartTwice_KeepsTheFirstVersionAsHistory()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();
        var csv = ApiFiles.PapiCsv(2025);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/frameworks/papi-2021/results/2025", ApiFiles.Multipart(csv, "papi-2025.csv"))).StatusCode);
        var second = await client.PostAsync("/api/v1/frameworks/papi-2021/results/2025", ApiFiles.Multipart(csv, "papi-2025-v2.csv"));
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var versions = await db.ResultImports.OrderBy(r => r.Version).Select(r => new { r.Version, r.IsCurrent, r.FileName }).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.False(versions[0].IsCurrent);
        Assert.True(versions[1].IsCurrent);
        Assert.Equal("papi-2025.csv", versions[0].FileName);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "results.import"));
    }

    [Fact]
    public async Task Api_WithoutOrWithWrongToken_Returns401()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/frameworks")).StatusCode);

        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv("unit,total\n"))).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheEndpointsAndBearerAuth()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/frameworks", "/api/v1/frameworks/{frameworkId}/results/{year}", "/api/v1/units/{unitCode}/profile", "/api/v1/units",
            "/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/{id}/tasks:import", "/api/v1/plans/{id}/document.docx", "/api/v1/plans/{id}/assignments.xlsx",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), path);
        }

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }
}
