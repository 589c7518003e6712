using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Results;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Api;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Results;

/// <summary>Two uploads of the same year through the API at once: both saved in some order, or the second told plainly; never a 500.</summary>
public sealed class ConcurrentImportApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Post_TwoUploadsOfOneYearAtOnce_BothSavedOneCurrent(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var bothChose = new CountdownEvent(2);
        await using var racing = WithImportSeam(app, (_, _) =>
        {
            // Both requests have read max(version) before either writes (SQLite queues the second at BEGIN: times out).
            if (bothChose.CurrentCount > 0)
            {
                bothChose.Signal();
                bothChose.Wait(TimeSpan.FromSeconds(2));
            }

            return Task.CompletedTask;
        });
        using var client = ApiClient(racing);
        var lines = ApiFiles.PapiCsv(2019).Split('\n');
        var small = string.Join('\n', lines.Take(11)) + "\n";

        var responses = await Task.WhenAll(
            Task.Run(() => client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)))),
            Task.Run(() => client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(small))));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var versions = new List<int>();
        foreach (var response in responses)
        {
            versions.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        }

        Assert.Equal([1, 2], versions.Order());
        using var scope = racing.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var current = Assert.Single(await db.ResultImports.Where(r => r.IsCurrent).ToListAsync());
        Assert.Equal(2, current.Version);
        var served = await client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/papi/results/2019");
        Assert.Equal(await db.UnitResults.CountAsync(u => u.ResultImportId == current.Id), served.GetProperty("units").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Post_VersionTakenOnEveryAttempt_Returns409SayingTryAgain(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        await using var losing = WithImportSeam(app, (db, version) => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO result_imports (\"FrameworkId\", \"Year\", \"Version\", \"IsCurrent\", \"FileName\", \"ImportedAt\", \"ImportedBy\", \"IsIllustrative\", \"WarningCount\") " +
            "VALUES ('papi-2018', 2019, {0}, {1}, 'other.csv', {2}, 'other', {1}, 0)", version, false, app.Database.Clock.GetUtcNow()));
        using var client = ApiClient(losing);

        using var response = await client.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("thử lại", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("conflict", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        using var scope = losing.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().ResultImports.AnyAsync());
    }

    /// <summary>The app with a hook inside each import's unit of work, after the version is chosen and before anything is written.</summary>
    private static WebApplicationFactory<Program> WithImportSeam(ChiSoWebFactory app, Func<ChiSoDbContext, int, Task> seam) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(services => services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<ChiSoDbContext>();
            return new ResultsImportService(db, sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ResultsCache>())
            {
                AfterVersionChosen = version => seam(db, version),
            };
        })));

    private static HttpClient ApiClient(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChiSoWebFactory.ApiToken);
        return client;
    }
}
