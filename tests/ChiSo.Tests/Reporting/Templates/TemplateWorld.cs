using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Intake;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Templates;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Reporting.Templates;

/// <summary>
/// The template tests' world: a plan issued on 20 January 2026 (the clock reads 15 March 2026) in which Sở Tư pháp leads
/// tasks 1.1 (ongoing), 1.2 (quarter I, with Thanh tra tỉnh as partner) and 1.10 (ongoing), and Thanh tra tỉnh leads 2.1,
/// which Sở Tư pháp does not owe. Sở Tư pháp's focal point and head, Thanh tra tỉnh's focal point, a coordinator and a leader.
/// </summary>
internal sealed record TemplateWorld(TestDatabase Database, int ProvinceId, int PlanId) : IAsyncDisposable
{
    public const string Period = "2026-Q1";

    public static readonly Actor Focal = new("dau-moi-stp", "127.0.0.1");

    private static PlanRights Member(int province) => new(false, false, [], [], [province]);

    public ReportCaller FocalPoint => new("u-focal", Member(ProvinceId));

    public ReportCaller Head => new("u-head", Member(ProvinceId));

    public ReportCaller OtherUnit => new("u-other", Member(ProvinceId));

    public ReportCaller Coordinator => new("u-coord", PlanRights.Everything);

    public ReportCaller Leader => new("u-leader", new PlanRights(false, true, [], [], []));

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public static IReadOnlyList<TaskInput> Tasks { get; } =
    [
        new() { Code = "1.1", GroupCode = "1", Content = "Phổ biến quyền được biết, được bàn của người dân tại các thôn, tổ dân phố", Leads = ["Sở Tư pháp"], TimeframeText = "Thường xuyên" },
        new()
        {
            Code = "1.2", GroupCode = "1", Content = "Tổ chức đối thoại với người dân về \"thủ tục hành chính\" ở cấp xã", TargetText = "Ít nhất 12 cuộc đối thoại",
            Leads = ["Sở Tư pháp"], Partners = ["Thanh tra tỉnh"], TimeframeText = "Quý I/2026",
        },
        new() { Code = "1.10", GroupCode = "1", Content = "Hướng dẫn hòa giải ở cơ sở", Leads = ["Sở Tư pháp"], TimeframeText = "Thường xuyên" },
        new() { Code = "2.1", GroupCode = "2", Content = "Kiểm tra việc công khai ngân sách cấp xã", Leads = ["Thanh tra tỉnh"], TimeframeText = "Thường xuyên" },
    ];

    public static async Task<TemplateWorld> CreateAsync(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var db = database.CreateContext();
        var created = await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, Tasks, PlanFixtures.Coordinator);
        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        Assert.True((await PlanFixtures.IssueAsync(database, db, created.Value, "12", new DateOnly(2026, 1, 20))).Succeeded);
        var stp = await db.Units.SingleAsync(u => u.Code == "STP");
        var ttt = await db.Units.SingleAsync(u => u.Code == "TTT");
        foreach (var (user, unit, role) in new[] { ("u-focal", stp.Id, UnitRoles.FocalPoint), ("u-head", stp.Id, UnitRoles.UnitHead), ("u-other", ttt.Id, UnitRoles.FocalPoint) })
        {
            ReportingWorld.AddMember(db, database, user, unit, role);
        }

        await db.SaveChangesAsync();
        return new TemplateWorld(database, provinceId, created.Value);
    }

    /// <summary>The template service around <paramref name="db"/>, with upload bounds when a test sets its own.</summary>
    public UnitReportTemplates Templates(ChiSoDbContext db, IntakeLimits? limits = null) =>
        ChiSoCoreServices.Around(db, Database.Clock, services =>
        {
            if (limits is not null)
            {
                services.AddSingleton(limits);
            }
        }).GetRequiredService<UnitReportTemplates>();

    public ReportService Reports(ChiSoDbContext db) => Database.Service<ReportService>(db);

    /// <summary>The obligation of <paramref name="unitCode"/> on <paramref name="taskCode"/> for <paramref name="period"/>.</summary>
    public async Task<int> ObligationAsync(ChiSoDbContext db, string taskCode, string unitCode = "STP", string period = Period) =>
        await (from o in db.Set<Obligation>()
               join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
               join u in db.Units on o.UnitId equals u.Id
               where o.PlanId == PlanId && o.TaskCode == taskCode && u.Code == unitCode && p.Key == period
               select o.Id).SingleAsync();

    public async Task<byte[]> TemplateAsync(ChiSoDbContext db, ReportCaller? caller = null, string unitCode = "STP", string period = Period)
    {
        var template = await Templates(db).TemplateAsync(caller ?? FocalPoint, PlanId, period, unitCode);
        Assert.True(template.Succeeded, string.Join("; ", template.Problems));
        return template.Value!.Content;
    }
}
