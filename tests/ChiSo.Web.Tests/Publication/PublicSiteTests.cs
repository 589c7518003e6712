using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Plans;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Publication;

/// <summary>
/// The public site over HTTP on the demo with internal things seeded (<see cref="PublicSiteWorld"/>): nothing internal on
/// any page, file or API answer until a coordinator marks it, and then only the marked items; anonymous, cookie-free and
/// cached; the last-updated line; open data equal to the roll-up; drafts never listed.
/// </summary>
public sealed class PublicSiteTests(PublicSiteWorld world) : IClassFixture<PublicSiteWorld>
{
    private HttpClient Anonymous() => world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Every public address, as text (the DOCX as its document's text).</summary>
    private async Task<Dictionary<string, string>> FetchAllAsync()
    {
        using var client = Anonymous();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in await world.PublicUrlsAsync())
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            // JSON may write "đ" as \u0111: compared as the characters it stands for.
            texts[url] = response.Content.Headers.ContentType?.MediaType == "application/json" ? Regex.Unescape(text) : WebUtility.HtmlDecode(text);
        }

        var docx = FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}/van-ban.docx");
        using var zip = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync(docx)));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        texts[docx] = await reader.ReadToEndAsync();
        return texts;
    }

    private static void AssertAbsent(IReadOnlyDictionary<string, string> texts, IEnumerable<string> strings)
    {
        foreach (var (url, text) in texts)
        {
            foreach (var secret in strings)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' appears on {url}");
            }
        }
    }

    [Fact]
    public async Task PublicSite_InternalItems_NeverAppear_AndMarkedOnesOnlyOnceACoordinatorMarksThem()
    {
        await world.EvictAsync();
        AssertAbsent(await FetchAllAsync(), [.. PublicSiteWorld.Secrets, PublicSiteWorld.Result, PublicSiteWorld.PublicFileName, "Sở Nội vụ đã triển khai nhiệm vụ"]);
        using var anonymous = Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(FormattableString.Invariant($"/cong-khai/tep/{world.PublicFile}"))).StatusCode);

        // The coordinator publishes the result and one file from the report page's box (the page's own forms).
        using var coordinator = await SignIn.DemoAsync(world.App, "dieuphoi");
        var report = FormattableString.Invariant($"/my/reports/{world.Obligation}");
        var page = await coordinator.GetStringAsync(report);
        Assert.Contains("id=\"public-marks\"", page, StringComparison.Ordinal);
        var token = SignIn.Token(page, null);
        var mark = await coordinator.PostAsync(report + "/cong-khai?handler=Result",
            SignIn.Form(token, ("isPublic", "true"), ("revision", world.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, mark.StatusCode);
        var file = await coordinator.PostAsync(FormattableString.Invariant($"{report}/cong-khai?handler=File&attachmentId={world.PublicFile}"),
            SignIn.Form(token, ("isPublic", "true")));
        Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);

        // No eviction by the test: marking dropped the cached answers itself.
        var after = await FetchAllAsync();
        AssertAbsent(after, PublicSiteWorld.Secrets);
        var sixMonths = FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}?ky=2026-6M");
        foreach (var url in new[] { sixMonths, FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}.json"),
                     FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}.csv"), "/api/v1/public/plans?province=68" })
        {
            Assert.Contains(PublicSiteWorld.Result, after[url], StringComparison.Ordinal);
        }

        Assert.Contains(PublicSiteWorld.PublicFileName, after[sixMonths], StringComparison.Ordinal);
        var download = await anonymous.GetAsync(FormattableString.Invariant($"/cong-khai/tep/{world.PublicFile}"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(FormattableString.Invariant($"/cong-khai/tep/{world.PrivateFile}"))).StatusCode);
    }

    [Fact]
    public async Task PublicPages_Anonymous_SetNoCookie_AndAreCachedPublicly_ButNotForSignedInUsers()
    {
        using var client = Anonymous();
        foreach (var url in await world.PublicUrlsAsync())
        {
            var first = await client.GetAsync(url);
            var second = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Contains("Set-Cookie"), url);
            Assert.False(second.Headers.Contains("Set-Cookie"), url);
            Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());
            // The second answer comes from the output cache (it says how old it is).
            Assert.True(second.Headers.Age is not null, url);
            var html = await first.Content.ReadAsStringAsync();
            Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        }

        // A query key the page does not read is not a new page: it is answered from the cache too, so appending "?x=N" cannot
        // make ChiSo compute the page again on every request. The period the page does read is its own entry.
        await world.EvictAsync();
        foreach (var url in new[] { FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}.json"), FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}?ky=2026-Q1") })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            var junk = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "x=" + Guid.NewGuid().ToString("N"));
            Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
            Assert.True(junk.Headers.Age is not null, url);
        }

        var otherPeriod = await client.GetAsync(FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}?ky=2026-6M"));
        Assert.Equal(HttpStatusCode.OK, otherPeriod.StatusCode);
        Assert.Null(otherPeriod.Headers.Age);

        // A visitor carrying a cookie (a language choice) is answered privately, and does not change what others get.
        var plan = FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}");
        using (var withCookie = new HttpRequestMessage(HttpMethod.Get, plan))
        {
            withCookie.Headers.Add("Cookie", "khac=1");
            var answer = await client.SendAsync(withCookie);
            Assert.True(answer.Headers.CacheControl is { Private: true, Public: false }, answer.Headers.CacheControl?.ToString());
        }

        Assert.Equal("public, max-age=300", (await client.GetAsync(plan)).Headers.CacheControl?.ToString());

        using var signedIn = await SignIn.DemoAsync(world.App, "lanhdao");
        var own = await signedIn.GetAsync(FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Null(own.Headers.Age);
        Assert.True(own.Headers.CacheControl is { Private: true, NoCache: true, Public: false }, own.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task PlanPage_SaysWhenItsDataWasLastUpdated_InVietNamTime()
    {
        await world.EvictAsync();
        using var client = Anonymous();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}")));

        // 02:00 UTC is 09:00 in Viet Nam, when the seeding returned and reopened reports (a draft's saves are not counted).
        Assert.Contains("Cập nhật lúc 09:00 ngày 01 tháng 12 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("Báo cáo của các đơn vị thay đổi lần cuối lúc 09:00 ngày 01 tháng 12 năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("ngày 22 tháng 01 năm 2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenData_JsonAndCsv_EqualTheRollup_PeriodByPeriod()
    {
        using var client = Anonymous();
        var json = await client.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}.json"));
        var csvBytes = await client.GetByteArrayAsync(FormattableString.Invariant($"/cong-khai/ke-hoach/{world.PlanId}.csv"));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var csv = Csv.Parse(Encoding.UTF8.GetString(csvBytes[3..]));
        var header = csv[0].ToList();
        string Cell(string[] row, string column) => row[header.IndexOf(column)];

        using var scope = world.App.Services.CreateScope();
        var rollups = scope.ServiceProvider.GetRequiredService<RollupQueries>();
        var periods = json.GetProperty("periods").EnumerateArray().ToList();
        // Every period whose data window has begun (the year's began on 15 December 2025).
        Assert.Equal(["2026-Q1", "2026-6M", "2026-9M", "2026-Y"], periods.Select(p => p.GetProperty("id").GetString()));
        var rows = 0;
        foreach (var period in periods)
        {
            var id = period.GetProperty("id").GetString()!;
            var rollup = (await rollups.ReadPublishedAsync(world.PlanId, id)).Value!;
            var counts = period.GetProperty("counts");
            Assert.Equal((rollup.Counts.Total, rollup.Counts.Done, rollup.Counts.NotDoneOverdue, rollup.Counts.Ongoing),
                (counts.GetProperty("total").GetInt32(), counts.GetProperty("done").GetInt32(), counts.GetProperty("notDoneOverdue").GetInt32(),
                    counts.GetProperty("ongoing").GetInt32()));
            Assert.Equal(rollup.Counts.SentenceVi(), period.GetProperty("sentence").GetString());
            var tasks = period.GetProperty("tasks").EnumerateArray().ToList();
            Assert.Equal(rollup.Tasks.Select(t => t.Code), tasks.Select(t => t.GetProperty("code").GetString()));
            foreach (var (task, dto) in rollup.Tasks.Zip(tasks))
            {
                var units = dto.GetProperty("units");
                Assert.Equal((task.Units.Expected, task.Units.Reported, task.Units.Done, task.Units.Missing),
                    (units.GetProperty("expected").GetInt32(), units.GetProperty("reported").GetInt32(), units.GetProperty("done").GetInt32(),
                        units.GetProperty("missing").GetInt32()));
                Assert.Equal(ChiSo.Reporting.Reports.TaskStatusWords.Key(task.Status), dto.GetProperty("status").GetString());
                var line = csv.Single(r => r.Length == header.Count && Cell(r, "period") == id && Cell(r, "task_code") == task.Code);
                Assert.Equal(task.Units.Expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(line, "units_expected"));
                Assert.Equal(task.Units.Done.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(line, "units_done"));
                Assert.Equal(task.Executing?.Done.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Cell(line, "executing_done"));
                Assert.Equal(ChiSo.Reporting.Reports.TaskStatusWords.Vi(task.Status), Cell(line, "status_text"));
                rows++;
            }
        }

        Assert.Equal(csv.Count - 1, rows);
        Assert.True(rows > 0);
    }

    [Fact]
    public async Task Drafts_AreNeverListed_AndTheirAddressesAreNotFound()
    {
        var province = await PlanScenario.ProvinceAsync(world.App, "68");
        var draft = await PlanScenario.DraftAsync(world.App, province, "DU-THAO-BI-MAT-8841");
        await world.EvictAsync();
        using var client = Anonymous();

        foreach (var url in new[] { "/cong-khai", "/cong-khai/68", "/api/v1/public/plans?province=68" })
        {
            Assert.DoesNotContain("DU-THAO-BI-MAT-8841", await client.GetStringAsync(url), StringComparison.Ordinal);
        }

        var id = draft.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var url in new[] { $"/cong-khai/ke-hoach/{id}", $"/cong-khai/ke-hoach/{id}.json", $"/cong-khai/ke-hoach/{id}.csv", $"/cong-khai/ke-hoach/{id}/van-ban.docx" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), url);
            Assert.DoesNotContain("DU-THAO-BI-MAT-8841", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Marking_TamperedRequests_FromFocalPointHeadLeaderAndAnotherProvincesCoordinator_AreRefused()
    {
        var hanoi = await PlanScenario.ProvinceAsync(world.App, "01");
        await PlanScenario.UserAsync(world.App, "dieuphoi-hn", ChiSo.Accounts.Roles.Member, (hanoi, ChiSo.Accounts.UnitRoles.Coordinator, null));
        var report = FormattableString.Invariant($"/my/reports/{world.Obligation}");

        foreach (var (user, expected) in new[]
                 {
                     ("daumoi", HttpStatusCode.Forbidden), ("thutruong", HttpStatusCode.Forbidden), ("lanhdao", HttpStatusCode.Forbidden),
                     ("dieuphoi-hn", HttpStatusCode.NotFound),
                 })
        {
            using var client = await SignIn.DemoAsync(world.App, user);
            var token = await SignIn.TokenAsync(client, "/my/tasks");
            if (expected == HttpStatusCode.Forbidden)
            {
                // They read the report, but the page offers them no box to publish from.
                Assert.DoesNotContain("id=\"public-marks\"", await client.GetStringAsync(report), StringComparison.Ordinal);
            }

            var result = await client.PostAsync(report + "/cong-khai?handler=Result", SignIn.Form(token, ("isPublic", "true"), ("revision", "999")));
            var file = await client.PostAsync(FormattableString.Invariant($"{report}/cong-khai?handler=File&attachmentId={world.PrivateFile}"),
                SignIn.Form(token, ("isPublic", "true")));

            Assert.Equal((expected, expected), (Normalise(result), Normalise(file)));
        }

        using var scope = world.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        Assert.False(db.Set<ChiSo.Publication.PublishedAttachment>().Any(a => a.AttachmentId == world.PrivateFile));
        Assert.Equal(0, db.AuditEntries.Count(a => a.Action.StartsWith("publication.") && a.Actor != "dieuphoi"));
    }

    // Forbid() on a cookie-authenticated page redirects to the access-denied page.
    private static HttpStatusCode Normalise(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true
            ? HttpStatusCode.Forbidden
            : response.StatusCode;

    [Fact]
    public async Task PublicApi_IsAnonymousAndDescribed_AndNamesAMissingProvince()
    {
        using var client = Anonymous();

        var plans = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/plans?province=68");
        var missing = await client.GetAsync("/api/v1/public/plans");
        var unknown = await client.GetAsync("/api/v1/public/plans?province=999");
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var plan = Assert.Single(plans.EnumerateArray());
        Assert.Equal(world.PlanId, plan.GetProperty("id").GetInt32());
        Assert.NotEmpty(plan.GetProperty("tasks").EnumerateArray().First().GetProperty("leadUnits").EnumerateArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("province", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var get = openApi.GetProperty("paths").GetProperty("/api/v1/public/plans").GetProperty("get");
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "province");
    }

    [Fact]
    public async Task IndexPage_DrawsThePublishedResultsMap_AsSvg_LinkingProvincesWithPlans()
    {
        using var client = Anonymous();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/cong-khai"));

        var start = html.IndexOf("id=\"public-map\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no map");
        var map = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Equal(34, Regex.Count(map, "<path "));
        Assert.Contains("<a href=\"/cong-khai/68\"", map, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(map, "<a href="));
        Assert.Contains("PAPI", map, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu minh họa", map, StringComparison.Ordinal);
        Assert.Contains("<title>Lâm Đồng: ", map, StringComparison.Ordinal);
    }
}
