using System.Net;
using ChiSo.Data;
using ChiSo.Web.Tests.Api;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Audit;

public sealed class AuditPageTests
{
    [Fact]
    public async Task AuditLog_AfterAnImport_ShowsWhoDidWhatAndExportsIt()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var api = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/frameworks/papi/results/2026", ApiFiles.Csv(ApiFiles.PapiCsv(2026)))).StatusCode);

        using var client = await SignIn.DemoAsync(app, "dieuphoi");
        var html = await client.GetStringAsync("/audit?EntityType=ResultImport&Actor=admin");
        Assert.Contains("results.import", html, StringComparison.Ordinal);
        Assert.Contains("papi-2021", html, StringComparison.Ordinal);
        Assert.DoesNotContain("framework.seed", html, StringComparison.Ordinal);

        var csv = await client.GetStringAsync("/audit?EntityType=ResultImport&handler=Csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,at_utc,actor,address,action,entity_type,entity_id", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("admin", StringComparison.Ordinal) && l.Contains("results.import", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("demo", StringComparison.Ordinal) && l.Contains("results.import", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditLog_Leader_IsDenied()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var client = await SignIn.DemoAsync(app, "lanhdao");
        var response = await client.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
