using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Analysis;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Review;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// /plans/{id}/review on the demo read on 1 December 2026: the demo's 2026 plan (115/KH-UBND, drawn from PAPI 2025)
/// against the demo's illustrative 2026 results; who may open it; and a 2027 draft, whose year has no results yet and
/// which carries over what the 2026 plan has not done.
/// </summary>
public sealed partial class YearReviewPageTests : IAsyncLifetime
{
    private ChiSoWebFactory _app = null!;

    // An app each test: some of them change the demo (approve a report, draft a plan).
    public async Task InitializeAsync() => _app = await DemoInDecember.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Review_DemoPlan_ShowsTheAssociationLabelAndEachTaskWithItsNodesChange()
    {
        var (plan, before, after) = await DemoAsync();
        using var client = await SignIn.DemoAsync(_app, "dieuphoi");

        var html = await client.GetStringAsync($"/plans/{plan.Id}/review");

        Assert.Contains(ChangeWords.AssociationVi, html, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu minh họa", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-yet-imported\"", html, StringComparison.Ordinal);
        Assert.Contains("Năm 2026", html, StringComparison.Ordinal);
        var lamDong = plan.ProvinceId;
        var compared = 0;
        foreach (var task in plan.Tasks)
        {
            var row = Row(html, task.Id);
            Assert.Contains(task.Content, row, StringComparison.Ordinal);
            foreach (var node in task.Nodes.Where(n => n.FrameworkId.StartsWith("papi", StringComparison.Ordinal)))
            {
                // The scores from the results tables themselves, as the results pages show them.
                var then = before.Row(lamDong)!.Cell(node.NodeCode)!.Score!.Value;
                var now = after.Row(lamDong)!.Cell(node.NodeCode)!.Score!.Value;
                Assert.Contains($"PAPI {node.NodeCode} ", row, StringComparison.Ordinal);
                Assert.Contains($"{ChangeWords.Score(then)} → {ChangeWords.Score(now)}", row, StringComparison.Ordinal);
                compared++;
            }

            if (task.Nodes.Any(n => n.FrameworkId.StartsWith("papi", StringComparison.Ordinal)))
            {
                Assert.Matches(@"cả nước (tăng|giảm) \d+,\d\d|cả nước không đổi", row);
                Assert.Matches(@"hơn cả nước \d+,\d\d|kém cả nước \d+,\d\d|ngang cả nước", row);
                Assert.Matches(@"hạng \d+/34 → \d+/34", row);
            }
        }

        Assert.True(compared >= 3, $"{compared} demo nodes compared");
        // On 1 December the year's reports are not due: the page says the statuses may still change.
        Assert.Contains("id=\"reports-not-due\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"neglected\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"done-but-fell\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"not-done\"", html, StringComparison.Ordinal);

        // The plan page links it.
        var detail = await client.GetStringAsync($"/plans/{plan.Id}");
        Assert.Contains($"href=\"/plans/{plan.Id}/review\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_English_LabelsTheAssociationInEnglish()
    {
        var (plan, _, _) = await DemoAsync();
        using var client = await SignIn.DemoAsync(_app, "lanhdao");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/language/en?returnUrl=/")).StatusCode);

        var html = await client.GetStringAsync($"/plans/{plan.Id}/review");

        Assert.Contains(ChangeWords.AssociationEn, html, StringComparison.Ordinal);
        Assert.Contains("points; the country", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_WhoOpensIt_CoordinatorsAndLeadersRead_OthersRefused()
    {
        var (plan, _, _) = await DemoAsync();
        using var leader = await SignIn.DemoAsync(_app, "lanhdao");
        using var focal = await SignIn.DemoAsync(_app, "daumoi");
        using var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/plans/{plan.Id}/review")).StatusCode);
        // Sở Nội vụ's focal point reads the issued plan but not its analysis, and is not shown the link.
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync($"/plans/{plan.Id}")).StatusCode);
        Assert.DoesNotContain("/review\"", await focal.GetStringAsync($"/plans/{plan.Id}"), StringComparison.Ordinal);
        var refused = await focal.GetAsync($"/plans/{plan.Id}/review");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // Tampered ids: a plan that does not exist, an id that is not one.
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/plans/{plan.Id + 1000}/review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/plans/x/review")).StatusCode);
        var login = await anonymous.GetAsync($"/plans/{plan.Id}/review");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/login", login.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_DraftOfAYearNotImported_SaysSoAndTheDraftCarriesOverWhatIsNotDone()
    {
        var (plan, _, _) = await DemoAsync();
        using var client = await SignIn.DemoAsync(_app, "dieuphoi");
        var token = await SignIn.TokenAsync(client, "/plans", "draft-form");

        var drafted = await client.PostAsync("/plans?handler=Draft", SignIn.Form(token, ("Province", "68"), ("Family", "papi"), ("ResultYear", ""), ("Year", "2027")));

        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var id = int.Parse(PlanIdPattern().Match(drafted.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var html = await client.GetStringAsync($"/plans/{id}/review");
        Assert.Contains("id=\"not-yet-imported\"", html, StringComparison.Ordinal);
        Assert.Contains("Chưa có kết quả PAPI năm 2027.", html, StringComparison.Ordinal);
        Assert.Contains("Khi kết quả năm 2027 được nhập, trang này sẽ so với năm 2026", html, StringComparison.Ordinal);
        Assert.Contains(ChangeWords.AssociationVi, html, StringComparison.Ordinal);
        Assert.Contains("id=\"no-period\"", html, StringComparison.Ordinal);

        // The 2027 draft proposes the 2026 plan's tasks not done by 1 December, each flagged on the plan page.
        using var scope = _app.Services.CreateScope();
        var review = (await scope.ServiceProvider.GetRequiredService<YearReviewQueries>().ReadAsync(PlanRights.Everything, plan.Id)).Value!;
        var notWorked = review.DidNotWork.ToList();
        Assert.NotEmpty(notWorked);
        var draft = (await scope.ServiceProvider.GetRequiredService<PlanQueries>().ViewAsync(id))!;
        var detail = await client.GetStringAsync($"/plans/{id}");
        foreach (var task in notWorked)
        {
            var carried = Assert.Single(draft.Tasks, t => t.CarriedOver is not null && t.Content == task.Content);
            Assert.StartsWith("Chuyển tiếp từ Kế hoạch 115/KH-UBND: ", carried.CarriedOver, StringComparison.Ordinal);
            Assert.Contains($"id=\"carried-{carried.Id}\"", detail, StringComparison.Ordinal);
        }

        Assert.Contains("Chuyển tiếp từ Kế hoạch 115/KH-UBND", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeeding_The2026Results_LeaveThePlanAndItsObligationsAsDrawnFrom2025()
    {
        var (plan, _, after) = await DemoAsync();

        Assert.Equal(2025, plan.ResultYear);
        Assert.True(after.Illustrative);
        Assert.Equal(34, after.RankedCount);
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        // The plan, its obligations and its reports were all written before the 2026 results were imported.
        var imported = await db.ResultImports.Where(r => r.Year == 2026).Select(r => r.Id).SingleAsync();
        Assert.True(imported > await db.ResultImports.Where(r => r.Year < 2026).MaxAsync(r => r.Id));
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Id, a.Action }).ToListAsync();
        var importedAt = audit.Last(a => a.Action == "results.import").Id;
        Assert.Contains(audit, a => a.Id < importedAt && a.Action == "plan.issue");
        Assert.Contains(audit, a => a.Id < importedAt && a.Action.StartsWith("report.", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Id > importedAt && (a.Action.StartsWith("plan", StringComparison.Ordinal)
            || a.Action.StartsWith("report", StringComparison.Ordinal) || a.Action.StartsWith("obligation", StringComparison.Ordinal)));
    }

    private async Task<(PlanView Plan, YearTable Before, YearTable After)> DemoAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var id = await db.Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
        var plan = (await scope.ServiceProvider.GetRequiredService<PlanQueries>().ViewAsync(id))!;
        var analysis = scope.ServiceProvider.GetRequiredService<AnalysisService>();
        return (plan, (await analysis.TableAsync("papi", 2025))!, (await analysis.TableAsync("papi", 2026))!);
    }

    /// <summary>A task's rows of the review table: from its first row to the next task's (or the table's end).</summary>
    private static string Row(string html, int taskId)
    {
        var start = html.IndexOf($"id=\"review-task-{taskId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"task {taskId} is listed");
        var next = html.IndexOf("id=\"review-task-", start + 10, StringComparison.Ordinal);
        var end = next >= 0 ? next : html.IndexOf("</tbody>", start, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[start..end]);
    }

    [GeneratedRegex(@"/plans/(\d+)")]
    private static partial Regex PlanIdPattern();
}
