using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Setup;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Setup;

/// <summary>
/// A plan's reporting set-up after issue (fixture plan issued 20 January 2026): a coordinator moves a period's dates
/// (a Sunday becomes the Monday, the open obligations follow), sets every due date by "N working days after the period
/// ends", and makes unit-head approval a step before acceptance. Nobody else changes any of it.
/// </summary>
public sealed class ReportingSetupTests
{
    private static readonly Actor Coordinator = new("dieuphoi", "127.0.0.1");

    private static Task<ReportingWorld> WorldAsync(DatabaseProvider provider) => ReportingWorld.CreateAsync(provider);

    private static async Task<Dictionary<string, DateOnly>> DueByPeriodAsync(ChiSoDbContext db, int planId) =>
        await (from o in db.Set<Obligation>() join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id where o.PlanId == planId
               group o by p.Key into g select new { g.Key, Due = g.Max(o => o.DueDate), Min = g.Min(o => o.DueDate) })
            .ToDictionaryAsync(g => g.Key, g => g.Due == g.Min ? g.Due : DateOnly.MinValue);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SetPeriod_DueOnASunday_MovesToMonday_OpenObligationsFollow_OthersUntouched(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var setup = world.Database.Service<ReportingSetup>(db);
        var before = await DueByPeriodAsync(db, world.PlanId);

        // 5 April 2026 is a Sunday; 18 April a Saturday.
        var saved = await setup.SetPeriodAsync(PlanRights.Everything, world.PlanId, "2026-q1",
            new PeriodDates(new DateOnly(2025, 12, 10), new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 5), new DateOnly(2026, 4, 18)), Coordinator);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        Assert.Equal(2, saved.Value!.Count);
        Assert.Contains("ngày 05 tháng 04 năm 2026 không phải ngày làm việc, chuyển sang ngày 06 tháng 04 năm 2026", saved.Value[0].Vi, StringComparison.Ordinal);

        await using var check = world.Database.CreateContext();
        var q1 = await check.Set<PlanReportingPeriod>().SingleAsync(p => p.PlanId == world.PlanId && p.Key == "2026-Q1");
        Assert.Equal((new DateOnly(2025, 12, 10), new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 20)),
            (q1.DataFrom, q1.DataTo, q1.UnitDue, q1.ConsolidatedDue));
        var after = await DueByPeriodAsync(check, world.PlanId);
        Assert.Equal(new DateOnly(2026, 4, 6), after["2026-Q1"]);
        Assert.All(after.Where(p => p.Key != "2026-Q1"), p => Assert.Equal(before[p.Key], p.Value));
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "period.set");
        Assert.Equal($"{world.PlanId}/2026-Q1", audit.EntityId);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SetPeriod_BadDatesOrNoRight_NamedRefusals_NothingSaved(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var setup = world.Database.Service<ReportingSetup>(db);
        var good = new PeriodDates(new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 14), new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 20));

        var backwards = await setup.SetPeriodAsync(PlanRights.Everything, world.PlanId, "2026-Q1", good with { DataTo = new DateOnly(2025, 12, 1) }, Coordinator);
        Assert.Contains("dataTo", backwards.Problems.Select(p => p.Field));
        var early = await setup.SetPeriodAsync(PlanRights.Everything, world.PlanId, "2026-Q1", good with { ConsolidatedDue = new DateOnly(2026, 3, 31) }, Coordinator);
        Assert.Equal("consolidatedDue", Assert.Single(early.Problems).Field);
        var missing = await setup.SetPeriodAsync(PlanRights.Everything, world.PlanId, "2026-Q1", good with { UnitDue = null }, Coordinator);
        Assert.Equal(("unitDue", "required"), (Assert.Single(missing.Problems).Field, missing.Problems[0].Code));
        var farOff = await setup.SetPeriodAsync(PlanRights.Everything, world.PlanId, "2026-Q1", good with { ConsolidatedDue = new DateOnly(2031, 1, 2) }, Coordinator);
        Assert.False(farOff.Succeeded);

        // Someone who reads the plan may not change it; someone who cannot read it, or a period the plan does not have, is not found.
        Assert.True((await setup.SetPeriodAsync(world.Member, world.PlanId, "2026-Q1", good, Coordinator)).IsForbidden);
        Assert.True((await setup.SetPeriodAsync(PlanRights.Nothing, world.PlanId, "2026-Q1", good, Coordinator)).IsNotFound);
        Assert.True((await setup.SetPeriodAsync(PlanRights.Everything, world.PlanId, "2031-Q1", good, Coordinator)).IsNotFound);
        Assert.True((await setup.SetPeriodAsync(PlanRights.Everything, world.PlanId, "Q9", good, Coordinator)).IsNotFound);
        Assert.True((await setup.SetUnitHeadApprovalAsync(world.Member, world.PlanId, true, Coordinator)).IsForbidden);

        await using var check = world.Database.CreateContext();
        Assert.Empty(await check.AuditEntries.Where(a => a.EntityType == nameof(PlanReportingPeriod) || a.EntityType == nameof(PlanReportingSettings)).ToListAsync());
        var q1 = await check.Set<PlanReportingPeriod>().SingleAsync(p => p.PlanId == world.PlanId && p.Key == "2026-Q1");
        Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 4, 1)), (q1.DataFrom, q1.UnitDue));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApplyWorkingDays_CountsWorkingDaysAfterEachPeriodEnds_ForEveryPeriodAndItsObligations(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var setup = world.Database.Service<ReportingSetup>(db);

        Assert.Equal("unitWorkingDays", Assert.Single((await setup.ApplyWorkingDaysAsync(PlanRights.Everything, world.PlanId, -1, 10, Coordinator)).Problems).Field);
        Assert.Equal("consolidatedWorkingDays", Assert.Single((await setup.ApplyWorkingDaysAsync(PlanRights.Everything, world.PlanId, 10, 5, Coordinator)).Problems).Field);
        Assert.True((await setup.ApplyWorkingDaysAsync(world.Member, world.PlanId, 5, 15, Coordinator)).IsForbidden);

        var applied = await setup.ApplyWorkingDaysAsync(PlanRights.Everything, world.PlanId, 5, 15, Coordinator);
        Assert.True(applied.Succeeded, string.Join("; ", applied.Problems));
        await using var check = world.Database.CreateContext();
        var periods = await check.Set<PlanReportingPeriod>().Where(p => p.PlanId == world.PlanId).ToDictionaryAsync(p => p.Key);
        // Q1 ends Tuesday 31/3/2026: 1, 2, 3, 6, 7 April are the five working days after; fifteen reach 21 April.
        Assert.Equal((new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 21)), (periods["2026-Q1"].UnitDue, periods["2026-Q1"].ConsolidatedDue));
        // The 9 months end Wednesday 30/9/2026: 1, 2, 5, 6, 7 October.
        Assert.Equal(new DateOnly(2026, 10, 7), periods["2026-9M"].UnitDue);
        // The year ends Thursday 31/12/2026; 1 January is a holiday: 4, 5, 6, 7, 8 January 2027.
        Assert.Equal(new DateOnly(2027, 1, 8), periods["2026-Y"].UnitDue);

        var due = await DueByPeriodAsync(check, world.PlanId);
        Assert.All(periods.Values, p => Assert.Equal(p.UnitDue, due[p.Key]));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "period.rule"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UnitHeadApproval_Required_CoordinatorCannotAcceptBeforeTheHead_HeadMayReturn(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var setup = world.Database.Service<ReportingSetup>(db);
        var reports = world.Database.Service<ReportService>(db);
        var q1 = await (from o in db.Set<Obligation>() join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                        where o.PlanId == world.PlanId && o.UnitId == world.StpId && o.TaskCode == "1.1" && p.Key == "2026-Q1" select o.Id).SingleAsync();
        var focal = new ReportCaller("u-focal", world.Member);
        var head = new ReportCaller("u-head", world.Member);
        var coordinator = new ReportCaller("u-coord", PlanRights.Everything);
        var input = new ReportInput(null, null, "Đã tổ chức 8 buổi đối thoại", null, null, null);

        Assert.False((await setup.SettingsAsync(world.PlanId)).UnitHeadApproval);
        Assert.True((await setup.SetUnitHeadApprovalAsync(PlanRights.Everything, world.PlanId, true, Coordinator)).Succeeded);
        var rev = (await reports.SaveAndSubmitAsync(focal, q1, input, 0, new Actor("u-focal"))).Value;
        Assert.True((await reports.ReadAsync(coordinator, q1)).Value!.UnitHeadApproval);

        var refused = await reports.AcceptAsync(coordinator, q1, rev, Coordinator);
        Assert.True(refused.IsConflict);
        Assert.Equal("state", refused.Problems[0].Field);
        Assert.Contains("thủ trưởng", refused.Problems[0].MessageVi, StringComparison.Ordinal);

        // The head sends it back rather than approve it; the focal point resubmits; the head approves; now it is accepted.
        rev = (await reports.ReturnAsync(head, q1, rev, "Bổ sung danh sách xã đã đối thoại", new Actor("u-head"))).Value;
        rev = (await reports.SaveAndSubmitAsync(focal, q1, input with { Result = "Đã tổ chức 8 buổi đối thoại tại 8 xã" }, rev, new Actor("u-focal"))).Value;
        Assert.True((await reports.ReturnAsync(focal, q1, rev, "tự trả lại", new Actor("u-focal"))).IsForbidden);
        rev = (await reports.ApproveAsync(head, q1, rev, new Actor("u-head"))).Value;
        // Once approved, only the coordinator may return it; the head's step is done.
        Assert.True((await reports.ReturnAsync(head, q1, rev, "đổi ý", new Actor("u-head"))).IsForbidden);
        Assert.True((await reports.AcceptAsync(coordinator, q1, rev, Coordinator)).Succeeded);

        await using var check = world.Database.CreateContext();
        var history = await check.Set<ReportEvent>().OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["create", "submit", "return", "submit", "approve", "accept"], history);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "reporting.settings"));

        // Without the setting, a submitted report is accepted directly (the default).
        Assert.True((await setup.SetUnitHeadApprovalAsync(PlanRights.Everything, world.PlanId, false, Coordinator)).Succeeded);
        var sixMonths = await (from o in db.Set<Obligation>() join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                               where o.PlanId == world.PlanId && o.UnitId == world.StpId && o.TaskCode == "1.1" && p.Key == "2026-6M" select o.Id).SingleAsync();
        var r6 = (await reports.SaveAndSubmitAsync(focal, sixMonths, input, 0, new Actor("u-focal"))).Value;
        Assert.True((await reports.AcceptAsync(coordinator, sixMonths, r6, Coordinator)).Succeeded);
    }
}
