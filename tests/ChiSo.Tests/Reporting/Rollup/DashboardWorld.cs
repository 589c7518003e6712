using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Rollup;

/// <summary>
/// The dashboard tests' world: a plan issued on 20 January 2026 with tasks under two headings and one under none, a
/// district (as before July 2025) holding six of the communes, and reports in every state across quarter I and the
/// 6 months — on time, late, returned, drafts, accepted, approved, missing — written straight into the database.
/// </summary>
internal sealed record DashboardWorld(TestDatabase Database, int ProvinceId, int PlanId, int DistrictId) : IAsyncDisposable
{
    /// <summary>20 July 2026: both the quarter's (1 April) and the 6 months' (1 July) reports are due; the 9 months' are not.</summary>
    public static readonly DateTimeOffset TwentiethOfJuly = new(2026, 7, 20, 3, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<TaskInput> Tasks { get; } =
    [
        new()
        {
            Code = "1.1", GroupCode = "1", Content = "Kiểm tra việc tiếp công dân tại các xã, phường",
            TargetText = "Ít nhất 30% số xã được kiểm tra", TargetComparator = TargetComparator.AtLeast, TargetValue = "30", TargetUnit = "%",
            TargetBasis = TargetBasis.ShareOfMembers, Leads = ["Thanh tra tỉnh"], Executing = ["UBND các xã, phường"], TimeframeText = "Năm 2026",
        },
        new() { Code = "1.2", GroupCode = "1", Content = "Ban hành quy chế dân chủ ở cơ sở", Leads = ["Sở Tư pháp"], Partners = ["Sở Nội vụ"], TimeframeText = "Năm 2026" },
        new() { Code = "2.1", GroupCode = "2", Content = "Công khai thủ tục hành chính", Leads = ["Sở Nội vụ"], TimeframeText = "Quý I/2026" },
        new() { Code = "2.2", GroupCode = "2", Content = "Đối thoại định kỳ với người dân", Leads = ["Văn phòng Ủy ban nhân dân tỉnh"], TimeframeText = "Thường xuyên" },
        new() { Code = "3.1", Content = "Tổng kết việc thực hiện kế hoạch", Leads = ["Sở Tư pháp"], TimeframeText = "Năm 2026" },
    ];

    public TimeProvider ClockAt(DateTimeOffset now) => new FixedClock(now);

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public static async Task<DashboardWorld> CreateAsync(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var db = database.CreateContext();
        var district = new Unit { Code = "H1", Kind = UnitKind.District, Name = "Huyện Thử Nghiệm", FullName = "Huyện Thử Nghiệm", ParentId = provinceId };
        db.Units.Add(district);
        await db.SaveChangesAsync();
        foreach (var commune in await db.Units.Where(u => u.ParentId == provinceId && u.Kind == UnitKind.Commune).OrderBy(u => u.Code).Take(6).ToListAsync())
        {
            commune.ParentId = district.Id;
        }

        await db.SaveChangesAsync();
        var created = await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, Tasks, PlanFixtures.Coordinator);
        Assert.True(created.Succeeded, string.Join("; ", created.Problems.Select(p => p.MessageEn)));
        var issued = await PlanFixtures.IssueAsync(database, db, created.Value, "12", new DateOnly(2026, 1, 20));
        Assert.True(issued.Succeeded, string.Join("; ", issued.Problems.Select(p => p.MessageEn)));
        await ReportAsync(db, created.Value);
        return new DashboardWorld(database, provinceId, created.Value, district.Id);
    }

    public static async Task<List<Obligation>> ObligationsAsync(ChiSoDbContext db, int planId, string period) =>
        await (from o in db.Set<Obligation>()
               join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
               where o.PlanId == planId && p.Key == period
               select o).OrderBy(o => o.Id).ToListAsync();

    // Quarter I: of the communes on 1.1, 20 on time (12 done), 5 late, 3 returned, 4 drafts, the rest nothing; 1.2's lead
    // accepted and its partner late; 2.1 approved, late and not done; 2.2 on time. 6 months: 10 communes on time, 2 late,
    // a draft; 1.2's lead returned; 3.1 accepted; Sở Nội vụ sends nothing (1.2 as partner, 2.1 asked about again).
    private static async Task ReportAsync(ChiSoDbContext db, int planId)
    {
        var q1 = await ObligationsAsync(db, planId, "2026-Q1");
        var communes = q1.Where(o => o.TaskCode == "1.1" && o.Role == AssignmentRole.Executing).ToList();
        for (var i = 0; i < 32; i++)
        {
            var (state, late) = i switch
            {
                < 20 => (ReportState.Submitted, false),
                < 25 => (ReportState.Submitted, true),
                < 28 => (ReportState.Returned, false),
                _ => (ReportState.Draft, false),
            };
            Report(db, communes[i], state, i < 12 || i is >= 20 and < 23 ? ReportTaskStatus.DoneOnTime : ReportTaskStatus.NotDoneWithin, late);
        }

        Report(db, q1.Single(o => o.TaskCode == "1.2" && o.Role == AssignmentRole.Lead), ReportState.Accepted, ReportTaskStatus.NotDoneWithin, late: false);
        Report(db, q1.Single(o => o.TaskCode == "1.2" && o.Role == AssignmentRole.Partner), ReportState.Submitted, ReportTaskStatus.NotDoneWithin, late: true);
        Report(db, q1.Single(o => o.TaskCode == "2.1"), ReportState.Approved, ReportTaskStatus.NotDoneOverdue, late: true);
        Report(db, q1.Single(o => o.TaskCode == "2.2"), ReportState.Submitted, ReportTaskStatus.Ongoing, late: false);

        var six = await ObligationsAsync(db, planId, "2026-6M");
        var sixCommunes = six.Where(o => o.TaskCode == "1.1" && o.Role == AssignmentRole.Executing).ToList();
        for (var i = 0; i < 13; i++)
        {
            Report(db, sixCommunes[i], i < 12 ? ReportState.Submitted : ReportState.Draft, ReportTaskStatus.DoneOnTime, late: i is >= 10 and < 12);
        }

        Report(db, six.Single(o => o.TaskCode == "1.2" && o.Role == AssignmentRole.Lead), ReportState.Returned, ReportTaskStatus.NotDoneWithin, late: false);
        Report(db, six.Single(o => o.TaskCode == "3.1"), ReportState.Accepted, ReportTaskStatus.DoneOnTime, late: false);
        await db.SaveChangesAsync();
    }

    private static void Report(ChiSoDbContext db, Obligation o, ReportState state, ReportTaskStatus? status, bool late) =>
        db.Set<UnitReport>().Add(new UnitReport
        {
            ObligationId = o.Id, State = state, TaskStatus = state == ReportState.Draft ? null : status, Late = late, Revision = 1, UpdatedBy = "test",
            SubmittedAt = state == ReportState.Draft ? null : VietNamClock.StartOfDay(late ? o.DueDate.AddDays(3) : o.DueDate.AddDays(-1)).ToUniversalTime(),
            UpdatedAt = TwentiethOfJuly,
        });
}
