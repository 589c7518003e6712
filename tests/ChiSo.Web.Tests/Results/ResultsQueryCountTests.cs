using System.Net;
using System.Net.Http.Headers;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Api;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Results;

/// <summary>
/// The results path's query budget, counted at the database: a warm results or profile request asks which imports
/// are current and reads everything else from the cache. A change that adds a query per request fails here.
/// Authentication's queries are counted apart (another part of the code owns them) and only bounded.
/// </summary>
public sealed class ResultsQueryCountTests
{
    /// <summary>Today's bearer authentication: the token, its owner, the owner's roles.</summary>
    private const int MaxAuthQueries = 3;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ResultsJson_Warm_OneQueryBesidesAuthentication(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        await using var counted = counter.Attach(app);
        using var client = ApiClient(counted);
        await ImportAsync(client, 2018);
        await ImportAsync(client, 2019);

        var cold = await CountAsync(client, counter, "/api/v1/frameworks/papi/results/2019");
        var warm = await CountAsync(client, counter, "/api/v1/frameworks/papi/results/2019");

        Assert.Equal(cold.Body, warm.Body);
        Assert.True(cold.Endpoint.Count <= 6, "a cold results request reads the lookup, the rows and the previous year's aggregates:\n" + string.Join("\n---\n", cold.Endpoint));
        var lookup = Assert.Single(warm.Endpoint);
        Assert.Contains("result_imports", lookup, StringComparison.Ordinal);
        Assert.InRange(warm.Auth.Count, 1, MaxAuthQueries);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ProfileJson_Warm_TwoQueriesBesidesAuthentication(DatabaseProvider provider)
    {
        var counter = new CommandCounter();
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        await using var counted = counter.Attach(app);
        using var client = ApiClient(counted);
        foreach (var year in new[] { 2017, 2018, 2019 })
        {
            await ImportAsync(client, year);
        }

        await CountAsync(client, counter, "/api/v1/units/67/profile?framework=papi&year=2019");
        var warm = await CountAsync(client, counter, "/api/v1/units/67/profile?framework=papi&year=2019");

        // The unit the code means that year, and which imports are current; tables and trend come from the cache.
        Assert.Equal(2, warm.Endpoint.Count);
        Assert.Contains(warm.Endpoint, c => c.Contains("units", StringComparison.Ordinal));
        Assert.Contains(warm.Endpoint, c => c.Contains("result_imports", StringComparison.Ordinal));
        Assert.InRange(warm.Auth.Count, 1, MaxAuthQueries);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ResultsJson_NewImport_ServedAtOnceWithoutStaleRows(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var client = app.CreateApiClient();
        await ImportAsync(client, 2019);
        var before = await client.GetStringAsync("/api/v1/frameworks/papi/results/2019");

        // Version 2 of the year holds only the first 19 provinces: a new import id, so a new cache key.
        var lines = ApiFiles.PapiCsv(2019).Split('\n');
        await ImportAsync(client, 2019, string.Join('\n', lines.Take(20)) + "\n");
        var after = await client.GetStringAsync("/api/v1/frameworks/papi/results/2019");

        Assert.Equal(63, System.Text.Json.JsonDocument.Parse(before).RootElement.GetProperty("units").GetArrayLength());
        Assert.Equal(19, System.Text.Json.JsonDocument.Parse(after).RootElement.GetProperty("units").GetArrayLength());
    }

    private static HttpClient ApiClient(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChiSoWebFactory.ApiToken);
        return client;
    }

    private static async Task ImportAsync(HttpClient client, int year, string? csv = null)
    {
        using var response = await client.PostAsync($"/api/v1/frameworks/papi/results/{year}", ApiFiles.Csv(csv ?? ApiFiles.PapiCsv(year)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<(string Body, IReadOnlyList<string> Endpoint, IReadOnlyList<string> Auth)> CountAsync(HttpClient client, CommandCounter counter, string path)
    {
        counter.Reset();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return (body, counter.EndpointCommands, counter.AuthCommands);
    }
}
