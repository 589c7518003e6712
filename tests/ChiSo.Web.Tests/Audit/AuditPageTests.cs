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
        Assert.Contains("Kết quả chỉ số: nhập", html, StringComparison.Ordinal);
        Assert.Contains("papi-2021", html, StringComparison.Ordinal);
        Assert.DoesNotContain("framework.seed", html, StringComparison.Ordinal);

        var csv = await client.GetStringAsync("/audit?EntityType=ResultImport&handler=Csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,at_utc,at_vietnam,actor,address,action,entity_type,entity_id", lines[0], StringComparison.Ordinal);
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

    /// <summary>Inspectors read who, when in Viet Nam time, what, and each changed field in words, never raw JSON.</summary>
    [Fact]
    public async Task AuditLog_PlanChange_ShowsVietNamTimeAndFieldByFieldValuesInWords()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var client = await SignIn.DemoAsync(app, "dieuphoi");

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/audit?EntityType=Plan"));
        var html = page[page.IndexOf("id=\"audit-table\"", StringComparison.Ordinal)..];

        Assert.Contains("Kế hoạch: ban hành", html, StringComparison.Ordinal);
        Assert.Contains("Trích yếu", html, StringComparison.Ordinal);
        Assert.Contains("Nâng cao Chỉ số PAPI tỉnh Lâm Đồng", html, StringComparison.Ordinal);
        Assert.Contains("Ngày ban hành", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("plan.issue", html, StringComparison.Ordinal);
        // The test clock stands at 08:00 UTC, which is 15:00 in Viet Nam.
        Assert.Contains("15/03/2026 15:00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_InEnglish_NamesActionsAndFieldsInEnglish()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var client = await SignIn.DemoAsync(app, "dieuphoi");
        await client.GetAsync("/language/en?returnUrl=/");

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/audit?EntityType=Plan"));

        Assert.Contains("Plan: issued", html, StringComparison.Ordinal);
        Assert.Contains("15 Mar 2026 15:00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_DateFilter_CountsVietnameseDays()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var client = await SignIn.DemoAsync(app, "dieuphoi");

        var sameDay = await client.GetStringAsync("/audit?EntityType=Plan&From=2026-03-15&To=2026-03-15");
        var dayBefore = await client.GetStringAsync("/audit?EntityType=Plan&From=2026-03-14&To=2026-03-14");

        Assert.Contains("chiso-audit-changes", sameDay, StringComparison.Ordinal);
        Assert.DoesNotContain("chiso-audit-changes", dayBefore, StringComparison.Ordinal);
    }
}
