using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Plans;

/// <summary>The demo seeded on 1 December 2026: its plan has reports in every state, late ones and missing ones, and a unit head who approves.</summary>
public sealed partial class DemoReportsTests : IAsyncLifetime
{
    private ChiSoWebFactory _app = null!;

    // An app each test: some of them change the demo (approve a report, draft a plan).
    public async Task InitializeAsync() => _app = await DemoInDecember.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Row(int Id, string Period, string Task, DateOnly Due, ReportState? State, bool Late, int? Report);

    private async Task<List<Row>> SnvAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        return await (from o in db.Set<Obligation>()
                      join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                      join u in db.Units on o.UnitId equals u.Id
                      join r in db.Set<UnitReport>() on o.Id equals r.ObligationId into rs
                      from r in rs.DefaultIfEmpty()
                      where u.Code == "SNV"
                      select new Row(o.Id, p.Key, o.TaskCode, o.DueDate, (ReportState?)r.State, r != null && r.Late, (int?)r.Id)).ToListAsync();
    }

    [Fact]
    public async Task Demo_HasReportsInEveryState_LateAndMissingOnes()
    {
        var rows = await SnvAsync();
        var states = rows.Where(r => r.State is not null).Select(r => r.State!.Value).ToHashSet();
        Assert.Equal(Enum.GetValues<ReportState>().ToHashSet(), states);
        Assert.Contains(rows, r => r.State == ReportState.Accepted && r.Late);
        Assert.Contains(rows, r => r.State == ReportState.Submitted && r.Late);
        Assert.Contains(rows, r => r.State == ReportState.Accepted && !r.Late);
        // Missing: no report and the due date has passed (1 December 2026).
        Assert.Contains(rows, r => r.Report is null && r.Due < new DateOnly(2026, 12, 1));
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var returned = rows.First(r => r.State == ReportState.Returned);
        Assert.NotNull((await db.Set<ReportEvent>().Where(e => e.ReportId == returned.Report && e.Action == "return").SingleAsync()).Comment);
        // Every step went through the service: one audit row per step.
        Assert.Equal(await db.Set<ReportEvent>().CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == nameof(UnitReport)));
    }

    [Fact]
    public async Task Demo_OtherUnitsFile_MostAcceptedSomeLateReturnedOrMissing_LateOnesLateAgain()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var plan = await db.Plans.Where(p => p.Status == ChiSo.Plans.PlanStatus.Issued).Select(p => p.Id).FirstAsync();
        var rollups = scope.ServiceProvider.GetRequiredService<ChiSo.Reporting.Rollup.RollupQueries>();
        var byPeriod = new List<ChiSo.Reporting.Rollup.PeriodRollup>();
        foreach (var period in new[] { "2026-Q1", "2026-6M", "2026-9M" })
        {
            byPeriod.Add((await rollups.ReadAsync(ChiSo.Plans.PlanRights.Everything, plan, period)).Value!);
        }

        var nine = byPeriod[^1];
        var others = nine.Units.Where(u => u.Code != "SNV").ToList();
        Assert.True(others.Count(u => u.Reports.Accepted > 0) >= 5, "several other units have accepted reports");
        Assert.Contains(others, u => u.Kind == ChiSo.Units.UnitKind.Commune && u.Reports.Reported > 0);
        Assert.Contains(others, u => u.Reports.Returned > 0);
        Assert.Contains(others, u => u.Reports.LateReported > 0);
        Assert.True(nine.Reports.Missing > 0 && nine.Reports.Accepted > nine.Reports.Missing / 10);
        // Habits: some unit is late in more than one period.
        var lateIn = byPeriod.SelectMany(r => r.Units.Where(u => u.Reports.Late > 0).Select(u => u.Code)).GroupBy(c => c).Where(g => g.Count() >= 2);
        Assert.NotEmpty(lateIn);
        // Every step went through the service (one audit row per history step), by accounts that cannot sign in.
        Assert.Equal(await db.Set<ReportEvent>().CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == nameof(UnitReport)));
        Assert.All(await db.Users.Where(u => u.UserName!.StartsWith("daumoi.")).ToListAsync(), u => Assert.Null(u.PasswordHash));
    }

    [Fact]
    public async Task DemoUnitHead_ApprovesASubmittedReport_CoordinatorSeesNoDraftText()
    {
        var rows = await SnvAsync();
        var submitted = rows.First(r => r.State == ReportState.Submitted);
        using var head = await SignIn.DemoAsync(_app, "thutruong");
        var page = await head.GetStringAsync($"/my/reports/{submitted.Id}");
        Assert.Contains("?handler=Approve", page, StringComparison.Ordinal);
        var approved = await head.PostAsync($"/my/reports/{submitted.Id}?handler=Approve",
            SignIn.Form(SignIn.Token(page, "review-form"), ("Revision", RevisionOf().Match(page).Groups[1].Value)));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ReportState.Approved, (await SnvAsync()).Single(r => r.Id == submitted.Id).State);

        var draft = rows.First(r => r.State == ReportState.Draft);
        using var coordinator = await SignIn.DemoAsync(_app, "dieuphoi");
        var seen = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/my/reports/{draft.Id}"));
        Assert.Contains("id=\"draft-withheld\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Nội vụ đã triển khai", seen, StringComparison.Ordinal);
        using var focal = await SignIn.DemoAsync(_app, "daumoi");
        Assert.Contains("Sở Nội vụ đã triển khai", WebUtility.HtmlDecode(await focal.GetStringAsync($"/my/reports/{draft.Id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FocalPointsToDo_LeavesAcceptedOut_ShowsTheReturnedOneAndTheMissingOnes()
    {
        var rows = await SnvAsync();
        using var focal = await SignIn.DemoAsync(_app, "daumoi");
        var todo = await focal.GetStringAsync("/my/tasks");
        foreach (var accepted in rows.Where(r => r.State == ReportState.Accepted))
        {
            Assert.DoesNotContain($"href=\"/my/reports/{accepted.Id}\"", todo, StringComparison.Ordinal);
        }

        Assert.Contains($"href=\"/my/reports/{rows.First(r => r.State == ReportState.Returned).Id}\"", todo, StringComparison.Ordinal);
        Assert.Contains("data-state=\"returned\"", todo, StringComparison.Ordinal);
        Assert.Contains("data-state=\"none\"", todo, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", todo, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionOf();
}
