using System.Net;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>/plans/{id}/reporting on the demo: the coordinator moves a period's due date, the period is the route's; others only read.</summary>
public sealed class ReportingSetupPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    /// <summary>A page's Forbid for a signed-in user is the "access denied" page.</summary>
    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal),
            $"{(int)response.StatusCode} {response.Headers.Location}");

    private async Task<int> PlanAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
    }

    private async Task<(PlanReportingPeriod Period, DateOnly[] ObligationDue)> PeriodAsync(int plan, string key)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var period = await db.Set<PlanReportingPeriod>().AsNoTracking().SingleAsync(p => p.PlanId == plan && p.Key == key);
        return (period, await db.Set<Obligation>().Where(o => o.PeriodId == period.Id).Select(o => o.DueDate).Distinct().ToArrayAsync());
    }

    [Fact]
    public async Task Coordinator_MovesQuarterOneToASunday_GetsTheMonday_AndTheBodyCannotNameAnotherPeriod()
    {
        var plan = await PlanAsync();
        using var coordinator = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var page = await coordinator.GetStringAsync($"/plans/{plan}/reporting");
        Assert.Contains("id=\"period-2026-Q1\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"rule-form\"", page, StringComparison.Ordinal);
        var sixMonths = await PeriodAsync(plan, "2026-6M");

        // 12 April 2026 is a Sunday. A "period" field in the body is ignored: the route names the period.
        var saved = await coordinator.PostAsync($"/plans/{plan}/reporting/2026-Q1?handler=Period", SignIn.Form(SignIn.Token(page, "period-form-2026-Q1"),
            ("DataFrom", "2025-12-15"), ("DataTo", "2026-03-14"), ("UnitDue", "2026-04-12"), ("ConsolidatedDue", "2026-04-20"), ("period", "2026-6M"), ("id", "999")));
        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("ngày 12 tháng 04 năm 2026 không phải ngày làm việc, chuyển sang ngày 13 tháng 04 năm 2026", html, StringComparison.Ordinal);
        var q1 = await PeriodAsync(plan, "2026-Q1");
        Assert.Equal(new DateOnly(2026, 4, 13), q1.Period.UnitDue);
        Assert.Equal([new DateOnly(2026, 4, 13)], q1.ObligationDue);
        Assert.Equal(sixMonths.Period.UnitDue, (await PeriodAsync(plan, "2026-6M")).Period.UnitDue);

        // A refused change names the field as labelled and keeps the dates.
        var refused = WebUtility.HtmlDecode(await (await coordinator.PostAsync($"/plans/{plan}/reporting/2026-Q1?handler=Period", SignIn.Form(SignIn.Token(page, "period-form-2026-Q1"),
            ("DataFrom", "2025-12-15"), ("DataTo", "2026-03-14"), ("UnitDue", "2026-04-13"), ("ConsolidatedDue", "2026-04-01")))).Content.ReadAsStringAsync());
        Assert.Contains("Hạn báo cáo tổng hợp", refused, StringComparison.Ordinal);
        Assert.Contains("không có gì được lưu", refused, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 4, 20), (await PeriodAsync(plan, "2026-Q1")).Period.ConsolidatedDue);

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync($"/plans/{plan}/reporting/2099-Q1?handler=Period", SignIn.Form(SignIn.Token(page, "period-form-2026-Q1"),
            ("DataFrom", "2099-01-01"), ("DataTo", "2099-03-14"), ("UnitDue", "2099-04-01"), ("ConsolidatedDue", "2099-04-20")))).StatusCode);
    }

    [Fact]
    public async Task FocalPointAndLeader_ReadTheDates_CannotChangeThem()
    {
        var plan = await PlanAsync();
        var before = await PeriodAsync(plan, "2026-9M");
        foreach (var user in new[] { "daumoi", "lanhdao", "thutruong" })
        {
            using var client = await SignIn.DemoAsync(fixture.App, user);
            var page = await client.GetStringAsync($"/plans/{plan}/reporting");
            Assert.Contains("id=\"period-2026-9M\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"rule-form\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"approval-form\"", page, StringComparison.Ordinal);
            var token = SignIn.Token(page);
            AssertDenied(await client.PostAsync($"/plans/{plan}/reporting/2026-9M?handler=Period", SignIn.Form(token,
                ("DataFrom", "2025-12-15"), ("DataTo", "2026-09-14"), ("UnitDue", "2026-12-31"), ("ConsolidatedDue", "2026-12-31"))));
            AssertDenied(await client.PostAsync($"/plans/{plan}/reporting?handler=Approval", SignIn.Form(token, ("UnitHeadApproval", "true"))));
            AssertDenied(await client.PostAsync($"/plans/{plan}/reporting?handler=Rule", SignIn.Form(token, ("UnitWorkingDays", "30"), ("ConsolidatedWorkingDays", "40"))));
        }

        Assert.Equal(before.Period.UnitDue, (await PeriodAsync(plan, "2026-9M")).Period.UnitDue);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignIn.DemoAsync(fixture.App, "daumoi")).GetAsync($"/plans/{plan + 1000}/reporting")).StatusCode);
    }

    [Fact]
    public async Task Coordinator_RequiresUnitHeadApproval_TheSettingShowsAndIsAudited()
    {
        var plan = await PlanAsync();
        using var coordinator = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var page = await coordinator.GetStringAsync($"/plans/{plan}/reporting");
        Assert.DoesNotContain("id=\"UnitHeadApproval\" name=\"UnitHeadApproval\" value=\"true\" checked", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync($"/plans/{plan}/reporting?handler=Approval",
            SignIn.Form(SignIn.Token(page, "approval-form"), ("UnitHeadApproval", "true")))).StatusCode);
        Assert.Contains("value=\"true\" checked", await coordinator.GetStringAsync($"/plans/{plan}/reporting"), StringComparison.Ordinal);
        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        Assert.Contains("phải được thủ trưởng đơn vị duyệt", WebUtility.HtmlDecode(await focal.GetStringAsync($"/plans/{plan}/reporting")), StringComparison.Ordinal);
        using var scope = fixture.App.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries.CountAsync(a => a.Action == "reporting.settings"));
    }

    [Fact]
    public async Task Coordinator_AppliesWorkingDays_EveryPeriodAndItsObligationsMove_BadCountNamed()
    {
        var plan = await PlanAsync();
        using var coordinator = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var page = await coordinator.GetStringAsync($"/plans/{plan}/reporting");

        var refused = WebUtility.HtmlDecode(await (await coordinator.PostAsync($"/plans/{plan}/reporting?handler=Rule",
            SignIn.Form(SignIn.Token(page, "rule-form"), ("UnitWorkingDays", "99"), ("ConsolidatedWorkingDays", "10")))).Content.ReadAsStringAsync());
        Assert.Contains("Số ngày làm việc (đơn vị)", refused, StringComparison.Ordinal);
        Assert.Contains("nhập số từ 0 đến 40", refused, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync($"/plans/{plan}/reporting?handler=Rule",
            SignIn.Form(SignIn.Token(page, "rule-form"), ("UnitWorkingDays", "5"), ("ConsolidatedWorkingDays", "15")))).StatusCode);
        // The 9 months end Wednesday 30/9/2026: five working days after is Wednesday 7 October.
        var nine = await PeriodAsync(plan, "2026-9M");
        Assert.Equal(new DateOnly(2026, 10, 7), nine.Period.UnitDue);
        Assert.Equal([new DateOnly(2026, 10, 7)], nine.ObligationDue);
    }
}
