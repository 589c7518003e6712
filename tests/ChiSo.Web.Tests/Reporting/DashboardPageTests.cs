using System.Net;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;
using ChiSo.Units;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Plans;
using Microsoft.Extensions.DependencyInjection;
using static ChiSo.Web.Tests.Reporting.DashboardHtml;

namespace ChiSo.Web.Tests.Reporting;

/// <summary>
/// /plans/{id}/dashboard on the demo read on 1 December 2026: the page's numbers are the roll-up's, each links to a list
/// of exactly that many, the unit table sorts on the server and shows each unit's lateness across the periods as the
/// history query has it; the leader reads the same without actions; focal points and unit heads are refused, strangers
/// and other provinces' coordinators find nothing.
/// </summary>
public sealed class DashboardPageTests(DecemberDemoFixture demo) : IClassFixture<DecemberDemoFixture>
{
    private string Dashboard(string? period = null, string query = "") =>
        $"/plans/{demo.PlanId}/dashboard" + (period is null ? "" : "/" + period) + query;

    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal),
            $"{(int)response.StatusCode} {response.Headers.Location}");

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Dashboard_CoordinatorWithoutAPeriod_ShowsTheLatestDuePeriodWithTheRollupsNumbers()
    {
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        var history = await demo.HistoryAsync();
        // 1 December: quarter I, 6 months and 9 months are due; the year is not.
        var latestDue = history.Periods.Last(p => p.IsDueBy(history.AsOf));
        Assert.Equal("2026-9M", latestDue.Key);

        var html = await PageAsync(coordinator, Dashboard());

        var text = WebUtility.HtmlDecode(html);
        var rollup = await demo.RollupAsync(latestDue.Key);
        Assert.Contains("9 tháng/2026", text, StringComparison.Ordinal);
        Assert.Contains("tính đến <span id=\"as-of\">ngày 01 tháng 12 năm 2026</span>", text, StringComparison.Ordinal);
        Assert.Contains("hạn đơn vị gửi: <strong>" + VietnameseFormat.Date(rollup.UnitDue) + "</strong>", text, StringComparison.Ordinal);
        var numbers = Numbers(html);
        foreach (var field in new[] { TallyField.Expected, TallyField.Reported, TallyField.Accepted, TallyField.Returned, TallyField.Missing, TallyField.Pending,
                     TallyField.OnTime, TallyField.LateReported, TallyField.Late })
        {
            Assert.Equal(rollup.Reports.Of(field), numbers["reports." + char.ToLowerInvariant(field.ToString()[0]) + field.ToString()[1..]]);
        }

        Assert.True(rollup.Reports.Missing > 0 && rollup.Reports.Late > 0, "the demo's 9 months have missing reports on 1 December");
        Assert.Equal(rollup.Reports.Reported - rollup.Reports.Accepted, numbers["reports.awaiting"]);
        foreach (var count in new[] { TaskCount.Total, TaskCount.DoneOnTime, TaskCount.DoneLate, TaskCount.NotDoneWithin, TaskCount.NotDoneOverdue, TaskCount.Ongoing })
        {
            Assert.Equal(rollup.Counts.Of(count), numbers["tasks." + char.ToLowerInvariant(count.ToString()[0]) + count.ToString()[1..]]);
        }

        Assert.Equal(rollup.AtRisk.Count(), numbers["tasks.atRisk"]);
        Assert.Contains(rollup.Counts.SentenceVi() + ".", text, StringComparison.Ordinal);
        Assert.Equal(rollup.AtRisk.Select(t => t.Code), Rows(html, "data-task").Select(r => r.Key));

        // Each unit's row: expected, reported, accepted, returned, missing, late.
        var units = Rows(html, "data-unit").ToDictionary(r => r.Key, r => Counts(r.Html).Take(6).ToList(), StringComparer.Ordinal);
        Assert.Equal(rollup.Units.Count, units.Count);
        foreach (var unit in rollup.Units)
        {
            var t = unit.Reports;
            Assert.Equal([t.Expected, t.Reported, t.Accepted, t.Returned, t.Missing, t.Late], units[unit.Code]);
        }

        // Each heading: its tasks, done, overdue, then the reports of its lead and executing units.
        var dimensions = Rows(html, "data-dimension").ToDictionary(r => r.Key, r => Counts(r.Html), StringComparer.Ordinal);
        Assert.Equal(rollup.Dimensions.Count, dimensions.Count);
        foreach (var d in rollup.Dimensions)
        {
            var t = d.Reports;
            Assert.Equal([d.TaskCodes.Count, d.Counts.Done, d.Counts.NotDoneOverdue, t.Expected, t.Reported, t.Returned, t.Missing, t.Late],
                dimensions[d.GroupId is null ? RollupFilter.NoDimension : d.Code]);
        }

        var levels = Rows(html, "data-level").ToDictionary(r => r.Key, r => Counts(r.Html), StringComparer.Ordinal);
        foreach (var level in rollup.Levels)
        {
            var t = level.Reports;
            Assert.Equal([level.Units, t.Expected, t.Reported, t.Accepted, t.Returned, t.Missing, t.Late],
                levels[char.ToLowerInvariant(level.Level.ToString()[0]) + level.Level.ToString()[1..]]);
        }

        Assert.Contains("id=\"coordinator-actions\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"bar\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_UnitTable_SortsByLateThenName_ByName_AndNamesABadSort()
    {
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        var rollup = await demo.RollupAsync("2026-6M");

        var byLate = Rows(await PageAsync(coordinator, Dashboard("2026-6M")), "data-unit").Select(r => r.Key).ToList();
        var expected = rollup.Units.OrderByDescending(u => u.Reports.Late).ThenBy(u => u.Name, VietnameseText.Comparer).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => u.Code).ToList();
        Assert.Equal(expected, byLate);
        Assert.True(rollup.Units.Single(u => u.Code == byLate[0]).Reports.Late > rollup.Units.Single(u => u.Code == byLate[^1]).Reports.Late);

        var byName = Rows(await PageAsync(coordinator, Dashboard("2026-6M", "?sort=name&dir=asc")), "data-unit").Select(r => r.Key).ToList();
        var names = rollup.Units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        Assert.Equal(rollup.Units.OrderBy(u => u.Name, VietnameseText.Comparer).ThenBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Code), byName);
        // As Vietnamese readers sort ("Xã Ân" before "Xã Bảo Lâm", "Đ" after "D"), which code-point order does not.
        Assert.NotEqual(rollup.Units.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => u.Code), byName);
        var byNameDown = Rows(await PageAsync(coordinator, Dashboard("2026-6M", "?sort=name&dir=desc")), "data-unit").Select(r => r.Key).ToList();
        Assert.Equal(names[byName[^1]], names[byNameDown[0]]);

        var byMissingUp = Rows(await PageAsync(coordinator, Dashboard("2026-6M", "?sort=missing&dir=asc")), "data-unit").Select(r => rollup.Units.Single(u => u.Code == r.Key).Reports.Missing).ToList();
        Assert.Equal(byMissingUp.Order(), byMissingUp);

        var bad = await PageAsync(coordinator, Dashboard("2026-6M", "?sort=bogus&dir=sideways"));
        Assert.Contains("'bogus'", WebUtility.HtmlDecode(bad), StringComparison.Ordinal);
        Assert.Contains("Sắp xếp theo", WebUtility.HtmlDecode(bad), StringComparison.Ordinal);
        Assert.Contains("'sideways'", WebUtility.HtmlDecode(bad), StringComparison.Ordinal);
        Assert.Equal(byLate, Rows(bad, "data-unit").Select(r => r.Key));
    }

    [Fact]
    public async Task Dashboard_LatenessHistory_EachUnitsPeriodsAsTheHistoryQuery()
    {
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        var history = await demo.HistoryAsync();
        var rollup = await demo.RollupAsync("2026-9M");

        var rows = Rows(await PageAsync(coordinator, Dashboard("2026-9M")), "data-unit").ToDictionary(r => r.Key, r => r.Html, StringComparer.Ordinal);

        foreach (var unit in rollup.Units)
        {
            var shown = Tags(rows[unit.Code], "span").Where(s => s.ContainsKey("data-period")).Select(s => s["data-period"]).ToList();
            var due = history.Periods.Where(p => p.IsDueBy(history.AsOf) && history.Of(unit.UnitId, p.Id) is not null).ToList();
            Assert.Equal(due.Select(p => p.Key), shown);
            var late = Tags(rows[unit.Code], "a").Where(a => a.ContainsKey("data-late")).Select(a => int.Parse(a["data-late"], System.Globalization.CultureInfo.InvariantCulture));
            var expected = Tags(rows[unit.Code], "a").Where(a => a.ContainsKey("data-expected")).Select(a => int.Parse(a["data-expected"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(due.Select(p => history.Of(unit.UnitId, p.Id)!.Value.Late), late);
            Assert.Equal(due.Select(p => history.Of(unit.UnitId, p.Id)!.Value.Expected), expected);
        }

        // Sở Nội vụ, the demo's reporting unit: late in more than one period (the accepted-late quarter, the missing 6 months).
        var snv = history.Periods.Where(p => p.IsDueBy(history.AsOf)).Select(p => history.Of(rollup.Units.Single(u => u.Code == "SNV").UnitId, p.Id)!.Value.Late).ToList();
        Assert.True(snv.Count(l => l > 0) >= 2, string.Join(",", snv));
        // Sorting by the history puts the unit with the most late reports over every period first.
        var first = Rows(await PageAsync(coordinator, Dashboard("2026-9M", "?sort=history")), "data-unit")[0].Key;
        Assert.Equal(rollup.Units.Max(u => history.Total(u.UnitId).Late), history.Total(rollup.Units.Single(u => u.Code == first).UnitId).Late);
    }

    [Fact]
    public async Task DashboardList_EveryKindOfNumber_ListsThatManyWithLinksToTheReports()
    {
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        var html = await PageAsync(coordinator, Dashboard("2026-6M"));
        var links = CountedLinks(html).Where(a => a["href"].Contains("/list", StringComparison.Ordinal)).ToList();
        // Every number outside the unit table (summary, tasks, at risk, headings, levels), and the unit table's rows for
        // Sở Nội vụ and the first two units (one of each kind of number and link there: tallies and history).
        var unitRows = Rows(html, "data-unit");
        var sample = unitRows.Where(r => r.Key == "SNV").Concat(unitRows.Take(2)).SelectMany(r => CountedLinks(r.Html)).ToList();
        var unitTable = html[html.IndexOf("id=\"unit-table\"", StringComparison.Ordinal)..];
        var outside = CountedLinks(html[..html.IndexOf("id=\"unit-table\"", StringComparison.Ordinal)]);
        Assert.True(outside.Count > 60, $"{outside.Count} numbers outside the unit table");
        Assert.True(CountedLinks(unitTable).Count > 100);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in outside.Concat(sample).Where(a => a["href"].Contains("/list", StringComparison.Ordinal)).DistinctBy(a => a["href"]))
        {
            var list = await PageAsync(coordinator, link["href"]);
            var count = int.Parse(Tags(list, "strong").Single(s => s.ContainsKey("data-count"))["data-count"], System.Globalization.CultureInfo.InvariantCulture);
            var listed = link.ContainsKey("data-units")
                ? int.Parse(Tags(list, "span").Single(s => s.ContainsKey("data-units"))["data-units"], System.Globalization.CultureInfo.InvariantCulture)
                : count;
            Assert.True(int.Parse(link["data-count"], System.Globalization.CultureInfo.InvariantCulture) == listed, $"{link["href"]}: the number is {link["data-count"]}, the list has {listed}");
            // A long list comes in pages of RollupList.PageSize; the last page holds the rest.
            var rows = Rows(list, list.Contains("id=\"task-list\"", StringComparison.Ordinal) ? "data-task" : "data-obligation");
            Assert.Equal(Math.Min(count, RollupList.PageSize), rows.Count);
            if (count > RollupList.PageSize)
            {
                var pages = (count + RollupList.PageSize - 1) / RollupList.PageSize;
                var last = await PageAsync(coordinator, link["href"] + (link["href"].Contains('?', StringComparison.Ordinal) ? "&" : "?") + "page=" + pages.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(count - (pages - 1) * RollupList.PageSize, Rows(last, "data-obligation").Count);
            }

            kinds.UnionWith(new Uri("http://x" + link["href"]).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]));
        }

        Assert.Superset(new HashSet<string>(["standing", "late", "accepted", "done", "role", "task", "dimension", "unit", "level", "tasks"], StringComparer.Ordinal), kinds);

        // The missing reports of Sở Nội vụ: each line opens the report page.
        var missing = await PageAsync(coordinator, $"/plans/{demo.PlanId}/dashboard/2026-6M/list?standing=missing&unit=SNV");
        var reports = Tags(missing, "a").Where(a => a.TryGetValue("class", out var c) && c.Contains("report-link", StringComparison.Ordinal)).Select(a => a["href"]).ToList();
        Assert.NotEmpty(reports);
        Assert.All(Rows(missing, "data-obligation"), r => Assert.Contains("chưa gửi, quá hạn", WebUtility.HtmlDecode(r.Html), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(reports[0])).StatusCode);
    }

    [Fact]
    public async Task DashboardList_BadFilterValues_NamedInTheLabelsWithNothingListed()
    {
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");

        var response = await coordinator.GetAsync($"/plans/{demo.PlanId}/dashboard/2026-6M/list?standing=gone&late=maybe");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tình trạng báo cáo", html, StringComparison.Ordinal);
        Assert.Contains("'gone'", html, StringComparison.Ordinal);
        Assert.Contains("Trễ hạn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-obligation", html, StringComparison.Ordinal);
        var unknown = await coordinator.GetAsync($"/plans/{demo.PlanId}/dashboard/2026-6M/list?unit=KHONG-CO");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("KHONG-CO", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Leader_ReadsTheSameNumbersWithoutActions()
    {
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        using var leader = await SignIn.DemoAsync(demo.App, "lanhdao");

        var theirs = await PageAsync(leader, Dashboard("2026-9M"));
        var ours = await PageAsync(coordinator, Dashboard("2026-9M"));

        Assert.Equal(Numbers(ours).Where(n => n.Key != "reports.awaiting"), Numbers(theirs));
        Assert.Equal(Rows(ours, "data-unit").Select(r => Counts(r.Html)), Rows(theirs, "data-unit").Select(r => Counts(r.Html)));
        Assert.DoesNotContain("id=\"coordinator-actions\"", theirs, StringComparison.Ordinal);
        Assert.Contains("id=\"read-only\"", theirs, StringComparison.Ordinal);
        // No form but the layout's sign-out.
        Assert.Equal(["/account/logout"], Tags(theirs, "form").Where(f => f.TryGetValue("method", out var m) && m == "post").Select(f => f["action"]));
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/plans/{demo.PlanId}/dashboard/2026-9M/list?standing=missing")).StatusCode);
        Assert.Contains("id=\"dashboard-link\"", await PageAsync(leader, $"/plans/{demo.PlanId}"), StringComparison.Ordinal);
        Assert.Contains("id=\"dashboard-link\"", await PageAsync(leader, $"/plans/{demo.PlanId}/reporting"), StringComparison.Ordinal);
        Assert.Contains("id=\"dashboard-link\"", await PageAsync(coordinator, $"/plans/{demo.PlanId}"), StringComparison.Ordinal);
        Assert.Contains("id=\"dashboard-link\"", await PageAsync(coordinator, $"/plans/{demo.PlanId}/reporting"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_InEnglish_WordsAndDatesInEnglish_NumbersTheSame()
    {
        using var client = await SignIn.DemoAsync(demo.App, "lanhdao");
        var vietnamese = Numbers(await PageAsync(client, Dashboard("2026-6M")));
        await client.GetAsync("/language/en?returnUrl=/");

        var html = WebUtility.HtmlDecode(await PageAsync(client, Dashboard("2026-6M")));

        Assert.Contains("Reporting follow-up: 6 months 2026", html, StringComparison.Ordinal);
        Assert.Contains("as of <span id=\"as-of\">1 December 2026</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa gửi", html, StringComparison.Ordinal);
        Assert.Equal(vietnamese, Numbers(html));
        var list = WebUtility.HtmlDecode(await PageAsync(client, $"/plans/{demo.PlanId}/dashboard/2026-6M/list?standing=missing&unit=SNV"));
        Assert.Contains("missing · Sở Nội vụ", list, StringComparison.Ordinal);
        Assert.Contains("Open report", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_FocalPointAndUnitHead_Forbidden_NoSuchPlanOrPeriod_NotFound()
    {
        foreach (var user in new[] { "daumoi", "thutruong" })
        {
            using var client = await SignIn.DemoAsync(demo.App, user);
            AssertDenied(await client.GetAsync(Dashboard()));
            AssertDenied(await client.GetAsync(Dashboard("2026-6M")));
            AssertDenied(await client.GetAsync($"/plans/{demo.PlanId}/dashboard/2026-6M/list?standing=missing&unit=SNV"));
            AssertDenied(await client.GetAsync($"/plans/{demo.PlanId}/dashboard/2026-6M/list?tasks=notDoneOverdue"));
            // A bad filter tells a refused reader nothing about it either.
            AssertDenied(await client.GetAsync($"/plans/{demo.PlanId}/dashboard/2026-6M/list?standing=gone"));
            Assert.DoesNotContain("id=\"dashboard-link\"", await PageAsync(client, $"/plans/{demo.PlanId}"), StringComparison.Ordinal);
        }

        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Dashboard("2031-Q1"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Dashboard("quy-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/plans/{demo.PlanId + 999}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/plans/{demo.PlanId}/dashboard/2031-Q1/list")).StatusCode);
        using var anonymous = demo.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await anonymous.GetAsync(Dashboard());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/account/login", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_AnotherProvincesPlan_NotFoundBothWays()
    {
        var lamDong = await PlanScenario.ProvinceAsync(demo.App, "68");
        var haNoi = await PlanScenario.ProvinceAsync(demo.App, "01");
        using (var scope = demo.App.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<OrganisationImport>().ImportCommunesAsync("01", new Actor("test"))).Succeeded);
        }

        var haNoiPlan = await PlanScenario.DraftAsync(demo.App, haNoi, "Kế hoạch của Hà Nội", issuingBody: "Ủy ban nhân dân thành phố Hà Nội");
        await PlanScenario.IssueAsync(demo.App, haNoiPlan, "7", new DateOnly(2026, 1, 15));
        await PlanScenario.UserAsync(demo.App, "dieuphoi-hn", Roles.Member, (haNoi, UnitRoles.Coordinator, null));
        await PlanScenario.UserAsync(demo.App, "dieuphoi-ld", Roles.Member, (lamDong, UnitRoles.Coordinator, null));
        using var hn = await SignIn.DemoAsync(demo.App, "dieuphoi-hn");
        using var ld = await SignIn.DemoAsync(demo.App, "dieuphoi-ld");

        // Each province's coordinator follows their own plan…
        Assert.Contains("id=\"coordinator-actions\"", await PageAsync(hn, $"/plans/{haNoiPlan}/dashboard"), StringComparison.Ordinal);
        Assert.Contains("id=\"coordinator-actions\"", await PageAsync(ld, Dashboard("2026-6M")), StringComparison.Ordinal);
        // …and finds nothing of the other's, the dashboard, its lists or its periods.
        foreach (var (client, plan) in new[] { (hn, demo.PlanId), (ld, haNoiPlan) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/plans/{plan}/dashboard")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/plans/{plan}/dashboard/2026-6M")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/plans/{plan}/dashboard/2026-6M/list?standing=missing")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/plans/{plan}/dashboard/2026-6M/list?tasks=total")).StatusCode);
        }
    }
}
