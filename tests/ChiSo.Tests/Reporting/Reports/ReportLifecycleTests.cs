using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Reports;

/// <summary>
/// A report's life on the fixture plan (issued 20 January 2026; the test clock reads 15 March 2026): Sở Tư pháp's
/// focal point reports on task 1.1 (ongoing) for quarter I, due 1 April 2026; the coordinator returns, accepts, reopens.
/// </summary>
public sealed class ReportLifecycleTests
{
    private static readonly Actor Focal = new("dau-moi-stp", "127.0.0.1");
    private static readonly Actor Coordinator = new("dieuphoi", "127.0.0.1");

    private static Task<ReportingWorld> WorldAsync(DatabaseProvider provider) => ReportingWorld.CreateAsync(provider);

    private static ReportInput Input(string result, DateOnly? done = null) => new(done, null, result, "12/BC-STP | 10/3/2026 | Sở Tư pháp | Báo cáo", null, "Đề nghị bổ sung kinh phí");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Draft_Submit_Return_Resubmit_Accept_Reopen_EachStepKeptWithWhoAndWhy(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var reports = world.Database.Service<ReportService>(db);

        var rev = (await reports.SaveDraftAsync(world.FocalPoint, world.Q1, Input("Đã tổ chức 12 buổi phổ biến"), 0, Focal)).Value;
        Assert.Equal(1, rev);
        // A draft is the unit's own: another unit, and a leader, find nothing; the coordinator sees that there is a draft, not what it says.
        Assert.True((await reports.ReadAsync(world.OtherUnit, world.Q1)).IsNotFound);
        Assert.True((await reports.ReadAsync(world.Leader, world.Q1)).IsNotFound);
        Assert.Equal(ReportTaskStatus.Ongoing, (await reports.ReadAsync(world.Head, world.Q1)).Value!.Report!.TaskStatus);
        var seen = (await reports.ReadAsync(world.CoordinatorCaller, world.Q1)).Value!;
        Assert.True(seen.DraftWithheld);
        Assert.Equal((ReportState.Draft, rev), (seen.Report!.State, seen.Report.Revision));
        Assert.All(new[] { seen.Report.Result, seen.Report.Evidence, seen.Report.Proposals, seen.StartFrom.Result, seen.StartFrom.Proposals }, Assert.Null);
        Assert.Null(seen.Report.TaskStatus);

        // Accepting a draft is refused naming its state.
        var early = await reports.AcceptAsync(world.CoordinatorCaller, world.Q1, rev, Coordinator);
        Assert.True(early.IsConflict);
        Assert.Equal("state", early.Problems[0].Field);
        Assert.Contains("nháp", early.Problems[0].MessageVi, StringComparison.Ordinal);

        rev = (await reports.SubmitAsync(world.FocalPoint, world.Q1, rev, Focal)).Value;
        Assert.False((await reports.ReadAsync(world.Leader, world.Q1)).Value!.Report!.Late);
        Assert.Equal("comment", (await reports.ReturnAsync(world.CoordinatorCaller, world.Q1, rev, "  ", Coordinator)).Problems[0].Field);
        rev = (await reports.ReturnAsync(world.CoordinatorCaller, world.Q1, rev, "Ghi rõ số buổi ở từng xã", Coordinator)).Value;
        rev = (await reports.SaveDraftAsync(world.FocalPoint, world.Q1, Input("Đã tổ chức 12 buổi ở 12 xã"), rev, Focal)).Value;
        rev = (await reports.SubmitAsync(world.FocalPoint, world.Q1, rev, Focal)).Value;
        rev = (await reports.AcceptAsync(world.CoordinatorCaller, world.Q1, rev, Coordinator)).Value;

        // Accepted is locked: no edit, no second accept; a coordinator reopens with a reason.
        Assert.True((await reports.SaveDraftAsync(world.FocalPoint, world.Q1, Input("sửa"), rev, Focal)).IsConflict);
        Assert.True((await reports.AcceptAsync(world.CoordinatorCaller, world.Q1, rev, Coordinator)).IsConflict);
        Assert.Equal("reason", (await reports.ReopenAsync(world.CoordinatorCaller, world.Q1, rev, null, Coordinator)).Problems[0].Field);
        Assert.True((await reports.ReopenAsync(world.CoordinatorCaller, world.Q1, rev, "Số liệu xã Lộc Phát chưa đúng", Coordinator)).Succeeded);

        var report = (await reports.ReadAsync(world.FocalPoint, world.Q1)).Value!.Report!;
        Assert.Equal(ReportState.Returned, report.State);
        Assert.Equal(["create", "submit", "return", "submit", "accept", "reopen"], report.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.Equal("Số liệu xã Lộc Phát chưa đúng", report.History.OrderBy(h => h.Id).Last().Comment);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(UnitReport)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["report.create", "report.submit", "report.return", "report.save", "report.submit", "report.accept", "report.reopen"], audit);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WhoMayDoWhat_IsCheckedOnTheObligation(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var reports = world.Database.Service<ReportService>(db);

        // Another unit's focal point cannot write this unit's report (not found: no hint that it exists), nor can the head or the coordinator write it.
        Assert.True((await reports.SaveDraftAsync(world.OtherUnit, world.Q1, Input("x"), 0, Focal)).IsNotFound);
        Assert.True((await reports.SaveDraftAsync(world.Head, world.Q1, Input("x"), 0, Focal)).IsForbidden);
        Assert.True((await reports.SaveDraftAsync(world.CoordinatorCaller, world.Q1, Input("x"), 0, Coordinator)).IsForbidden);
        var rev = (await reports.SaveDraftAsync(world.FocalPoint, world.Q1, Input("Đã làm"), 0, Focal)).Value;
        rev = (await reports.SubmitAsync(world.FocalPoint, world.Q1, rev, Focal)).Value;
        // Only the unit head approves; only the coordinator accepts.
        Assert.True((await reports.ApproveAsync(world.FocalPoint, world.Q1, rev, Focal)).IsForbidden);
        Assert.True((await reports.AcceptAsync(world.Head, world.Q1, rev, Focal)).IsForbidden);
        rev = (await reports.ApproveAsync(world.Head, world.Q1, rev, Focal)).Value;
        Assert.True((await reports.AcceptAsync(world.CoordinatorCaller, world.Q1, rev, Coordinator)).Succeeded);
        Assert.True((await reports.ReadAsync(world.OtherUnit, world.Q1)).IsNotFound);
        Assert.Equal(ReportState.Accepted, (await reports.ReadAsync(world.Leader, world.Q1)).Value!.Report!.State);
        Assert.True((await reports.ReadAsync(world.FocalPoint, world.Q1 + 100000)).IsNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Submit_AfterTheDueDate_IsLateForGood_StaleRevisionsConflict_NextPeriodStartsFromThisOne(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var reports = world.Database.Service<ReportService>(db);
        var clock = (FixedClock)world.Database.Clock;

        var rev = (await reports.SaveDraftAsync(world.FocalPoint, world.Q1, Input("Đã tổ chức 12 buổi", new DateOnly(2026, 3, 20)), 0, Focal)).Value;
        Assert.True((await reports.SaveDraftAsync(world.FocalPoint, world.Q1, Input("bản cũ"), rev - 1, Focal)).IsConflict);
        // 2 April 2026 in Viet Nam (due 1 April): late.
        clock.Now = new DateTimeOffset(2026, 4, 1, 18, 0, 0, TimeSpan.Zero);
        rev = (await reports.SubmitAsync(world.FocalPoint, world.Q1, rev, Focal)).Value;
        rev = (await reports.ReturnAsync(world.CoordinatorCaller, world.Q1, rev, "Bổ sung", Coordinator)).Value;
        rev = (await reports.SubmitAsync(world.FocalPoint, world.Q1, rev, Focal)).Value;
        var q1 = (await reports.ReadAsync(world.FocalPoint, world.Q1)).Value!.Report!;
        Assert.True(q1.Late);
        Assert.Equal(ReportTaskStatus.DoneOnTime, q1.TaskStatus);

        var next = (await reports.ReadAsync(world.FocalPoint, world.SixMonths)).Value!;
        Assert.Null(next.Report);
        Assert.Equal(("Đã tổ chức 12 buổi", new DateOnly(2026, 3, 20)), (next.StartFrom.Result, next.StartFrom.CompletedOn));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Submit_FailingBeforeCommit_LeavesTheDraftAsItWas(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var services = world.Database.Services(db);
        var reports = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ReportService>(services);
        var rev = (await reports.SaveDraftAsync(world.FocalPoint, world.Q1, Input("Đã làm"), 0, Focal)).Value;
        var audits = await db.AuditEntries.CountAsync();

        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<UnitOfWork>(services).BeforeCommit =
            () => throw new InvalidOperationException("injected");
        await Assert.ThrowsAsync<InvalidOperationException>(() => reports.SubmitAsync(world.FocalPoint, world.Q1, rev, Focal));

        await using var check = world.Database.CreateContext();
        var report = await check.Set<UnitReport>().Include(r => r.History).SingleAsync();
        Assert.Equal((ReportState.Draft, rev, (DateTimeOffset?)null), (report.State, report.Revision, report.SubmittedAt));
        Assert.Single(report.History);
        Assert.Equal(audits, await check.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LeadsReport_ShowsThePartnersSubmittedContribution_NotTheirDrafts(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var snv = await db.Units.SingleAsync(u => u.Code == "SNV");
        ReportingWorld.AddMember(db, world.Database, "u-snv", snv.Id, UnitRoles.FocalPoint);
        await db.SaveChangesAsync();
        int Of(string unit) => (from o in db.Set<Obligation>() join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id join u in db.Units on o.UnitId equals u.Id
                                where o.TaskCode == "2.2" && p.Key == "2026-9M" && u.Code == unit select o.Id).Single();
        var partner = new ReportCaller("u-snv", new PlanRights(false, false, [], [], [world.ProvinceId]));
        var reports = world.Database.Service<ReportService>(db);

        var rev = (await reports.SaveDraftAsync(partner, Of("SNV"), Input("Sở Nội vụ đã cử 2 cán bộ tham gia đoàn kiểm tra"), 0, Focal)).Value;
        Assert.Empty((await reports.ReadAsync(world.OtherUnit, Of("TTT"))).Value!.Contributions);
        Assert.True((await reports.SubmitAsync(partner, Of("SNV"), rev, Focal)).Succeeded);

        var lead = (await reports.ReadAsync(world.OtherUnit, Of("TTT"))).Value!;
        var contribution = Assert.Single(lead.Contributions);
        Assert.Equal(("Sở Nội vụ", AssignmentRole.Partner, ReportState.Submitted), (contribution.UnitName, contribution.Role, contribution.State));
        Assert.Contains("2 cán bộ", contribution.Result, StringComparison.Ordinal);
        // The lead's first draft starts from it (after what the lead wrote last period: nothing here).
        Assert.Equal("- Sở Nội vụ: Sở Nội vụ đã cử 2 cán bộ tham gia đoàn kiểm tra", lead.StartFrom.Result);
        // The partner sees its own report, not the lead's or anyone else's.
        Assert.Empty((await reports.ReadAsync(partner, Of("SNV"))).Value!.Contributions);
        Assert.True((await reports.ReadAsync(partner, Of("TTT"))).IsNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SaveAndSubmit_RefusedSubmission_KeepsNoneOfItsEdits(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var reports = world.Database.Service<ReportService>(db);

        var refused = await reports.SaveAndSubmitAsync(world.FocalPoint, world.Q1, Input("") with { Difficulties = "Thiếu người" }, 0, Focal);
        Assert.Equal("result", Assert.Single(refused.Problems).Field);
        await using (var check = world.Database.CreateContext())
        {
            Assert.Empty(await check.Set<UnitReport>().ToListAsync());
            Assert.Empty(await check.AuditEntries.Where(a => a.EntityType == nameof(UnitReport)).ToListAsync());
        }

        var done = await reports.SaveAndSubmitAsync(world.FocalPoint, world.Q1, Input("Đã làm"), 0, Focal);
        Assert.Equal(2, done.Value);
        var report = (await reports.ReadAsync(world.FocalPoint, world.Q1)).Value!.Report!;
        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Equal(["create", "submit"], report.History.OrderBy(h => h.Id).Select(h => h.Action));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoEditorsAtOnce_OnTheSameRevision_OneSaves_TheOtherIsToldOfTheConflict(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using (var db = world.Database.CreateContext())
        {
            Assert.Equal(1, (await world.Database.Service<ReportService>(db).SaveDraftAsync(world.FocalPoint, world.Q1, Input("Bản đầu"), 0, Focal)).Value);
        }

        // Two requests, each with its own context, both editing revision 1 at the same moment.
        await using var first = world.Database.CreateContext();
        await using var second = world.Database.CreateContext();
        var outcomes = await Task.WhenAll(
            world.Database.Service<ReportService>(first).SaveDraftAsync(world.FocalPoint, world.Q1, Input("Bản của người thứ nhất"), 1, Focal),
            world.Database.Service<ReportService>(second).SaveDraftAsync(world.FocalPoint, world.Q1, Input("Bản của người thứ hai"), 1, Focal));

        Assert.Equal(1, outcomes.Count(o => o.Succeeded));
        Assert.Equal(1, outcomes.Count(o => o.IsConflict));
        await using var check = world.Database.CreateContext();
        var report = await check.Set<UnitReport>().SingleAsync();
        Assert.Equal(2, report.Revision);
        Assert.Equal(outcomes[0].Succeeded ? "Bản của người thứ nhất" : "Bản của người thứ hai", report.Result);
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(UnitReport)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task UnitHead_ApprovesOnlyItsOwnUnitsReports_AnotherUnitsIsNotFound(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var reports = world.Database.Service<ReportService>(db);
        var ttt = await db.Units.SingleAsync(u => u.Code == "TTT");
        var theirs = await (from o in db.Set<Obligation>() join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                            where o.PlanId == world.PlanId && o.UnitId == ttt.Id && p.Key == "2026-9M" select o.Id).FirstAsync();
        var rev = (await reports.SaveAndSubmitAsync(world.OtherUnit, theirs, Input("Thanh tra tỉnh đã kiểm tra 5 xã"), 0, Focal)).Value;

        // Sở Tư pháp's head finds nothing of Thanh tra tỉnh's: not to read, approve or return.
        Assert.True((await reports.ReadAsync(world.Head, theirs)).IsNotFound);
        Assert.True((await reports.ApproveAsync(world.Head, theirs, rev, Focal)).IsNotFound);
        Assert.True((await reports.ReturnAsync(world.Head, theirs, rev, "trả lại", Focal)).IsNotFound);
        await using var check = world.Database.CreateContext();
        Assert.Equal(ReportState.Submitted, (await check.Set<UnitReport>().SingleAsync(r => r.ObligationId == theirs)).State);
    }
}
