using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Reporting.Consolidation;

/// <summary>
/// Quarter I 2026 of a plan issued on 20 January, read on Friday 10 April 2026 (the units' due date was 1 April), with
/// reports written straight into the database in every state and with texts that say which state they are in: what is
/// accepted must reach the narrative, what is not must never. Tasks: 1.1 (Thanh tra tỉnh leads, every commune carries it
/// out, ≥ 30% of communes), 1.2 (Sở Tư pháp leads, Sở Nội vụ partners), 2.1 (Sở Nội vụ), 2.2 (Văn phòng, ongoing).
/// </summary>
internal sealed record ConsolidationWorld(TestDatabase Database, int ProvinceId, int PlanId, IReadOnlyList<string> Communes) : IAsyncDisposable
{
    public static readonly DateTimeOffset TenthOfApril = new(2026, 4, 10, 3, 0, 0, TimeSpan.Zero);

    public const string AcceptedLead = "Sở Tư pháp đã tham mưu ban hành Quy chế dân chủ ở cơ sở (Quyết định số 15/QĐ-UBND).";
    public const string AcceptedDifficulty = "Thiếu công chức pháp chế ở cơ sở.";
    public const string AcceptedProposal = "Đề nghị bổ sung kinh phí tập huấn cho các xã.";
    public const string AcceptedCommunes = "Đã tổ chức kiểm tra việc tiếp công dân.";
    public const string CommunesDifficulty = "Thiếu kinh phí đi lại.";

    /// <summary>Texts of reports that are not accepted: a submitted, an approved, a returned, a late one not yet accepted, a draft.</summary>
    public static readonly string[] NotAccepted =
    [
        "ĐÃ GỬI NHƯNG CHƯA TIẾP NHẬN", "KHÓ KHĂN CHƯA TIẾP NHẬN", "ĐỀ XUẤT CHƯA TIẾP NHẬN", "ĐÃ DUYỆT NHƯNG CHƯA TIẾP NHẬN", "BỊ TRẢ LẠI",
        "GỬI CHẬM CHƯA TIẾP NHẬN", "BẢN NHÁP CỦA VĂN PHÒNG", "KHÓ KHĂN TRONG BẢN NHÁP",
    ];

    public static IReadOnlyList<TaskInput> Tasks { get; } =
    [
        new()
        {
            Code = "1.1", GroupCode = "1", Content = "Kiểm tra việc tiếp công dân tại các xã, phường",
            TargetText = "Ít nhất 30% số xã được kiểm tra", TargetComparator = TargetComparator.AtLeast, TargetValue = "30", TargetUnit = "%",
            TargetBasis = TargetBasis.ShareOfMembers, Leads = ["Thanh tra tỉnh"], Executing = ["UBND các xã, phường"], TimeframeText = "Năm 2026",
        },
        new()
        {
            Code = "1.2", GroupCode = "1", Content = "Ban hành quy chế dân chủ ở cơ sở",
            Leads = ["Sở Tư pháp"], Partners = ["Sở Nội vụ"], TimeframeText = "Quý I/2026",
        },
        new() { Code = "2.1", GroupCode = "2", Content = "Công khai thủ tục hành chính", Leads = ["Sở Nội vụ"], TimeframeText = "Quý I/2026" },
        new() { Code = "2.2", GroupCode = "2", Content = "Đối thoại định kỳ với người dân", Leads = ["Văn phòng Ủy ban nhân dân tỉnh"], TimeframeText = "Thường xuyên" },
    ];

    public FixedClock Clock { get; } = new(TenthOfApril);

    /// <summary>Core services around <paramref name="db"/> on 10 April 2026.</summary>
    public IServiceProvider Services(ChiSoDbContext db) => ChiSoCoreServices.Around(db, Clock);

    public T Service<T>(ChiSoDbContext db) where T : notnull => Services(db).GetRequiredService<T>();

    public PlanRights Coordinator => new(false, false, [ProvinceId], [], []);

    public PlanRights Leader => new(false, true, [], [], []);

    /// <summary>A focal point of a unit of the province: reads the issued plan, not its consolidation.</summary>
    public PlanRights Member => new(false, false, [], [], [ProvinceId]);

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public static async Task<ConsolidationWorld> CreateAsync(DatabaseProvider provider, bool reports = true)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var db = database.CreateContext();
        var created = await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, Tasks, PlanFixtures.Coordinator);
        Assert.True(created.Succeeded, string.Join("; ", created.Problems.Select(p => p.MessageEn)));
        var issued = await PlanFixtures.IssueAsync(database, db, created.Value, "12", new DateOnly(2026, 1, 20));
        Assert.True(issued.Succeeded, string.Join("; ", issued.Problems.Select(p => p.MessageEn)));
        var q1 = await ObligationsAsync(db, created.Value, "2026-Q1");
        var communes = q1.Where(o => o.TaskCode == "1.1" && o.Role == AssignmentRole.Executing).OrderBy(o => o.UnitId).ToList();
        if (reports)
        {
            Obligation Of(string task, AssignmentRole role) => q1.Single(o => o.TaskCode == task && o.Role == role);
            Report(db, Of("1.2", AssignmentRole.Lead), ReportState.Accepted, ReportTaskStatus.DoneLate, false, AcceptedLead, AcceptedDifficulty, AcceptedProposal);
            Report(db, Of("1.2", AssignmentRole.Partner), ReportState.Submitted, ReportTaskStatus.DoneOnTime, false, NotAccepted[0], NotAccepted[1], NotAccepted[2]);
            Report(db, Of("2.1", AssignmentRole.Lead), ReportState.Approved, ReportTaskStatus.NotDoneOverdue, false, NotAccepted[3], null, null);
            Report(db, Of("2.2", AssignmentRole.Lead), ReportState.Draft, null, false, NotAccepted[6], NotAccepted[7], null);
            // 1.1: two communes accepted with the same words, one returned, one in late and not yet accepted; the rest nothing.
            Report(db, communes[0], ReportState.Accepted, ReportTaskStatus.DoneOnTime, false, AcceptedCommunes, CommunesDifficulty, null);
            Report(db, communes[1], ReportState.Accepted, ReportTaskStatus.DoneOnTime, false, AcceptedCommunes, CommunesDifficulty, null);
            Report(db, communes[2], ReportState.Returned, ReportTaskStatus.DoneOnTime, false, NotAccepted[4], null, null);
            Report(db, communes[3], ReportState.Submitted, ReportTaskStatus.DoneOnTime, true, NotAccepted[5], null, null);
            await db.SaveChangesAsync();
        }

        var ids = communes.Select(o => o.UnitId).ToList();
        var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        return new ConsolidationWorld(database, provinceId, created.Value, [.. ids.Select(id => names[id])]);
    }

    public static void Report(ChiSoDbContext db, Obligation o, ReportState state, ReportTaskStatus? status, bool late, string? result, string? difficulties,
        string? proposals) =>
        db.Set<UnitReport>().Add(new UnitReport
        {
            ObligationId = o.Id, State = state, TaskStatus = status, Late = late, Revision = 1, UpdatedBy = "test",
            SubmittedAt = state == ReportState.Draft ? null : VietNamClock.StartOfDay(late ? o.DueDate.AddDays(3) : o.DueDate.AddDays(-1)).ToUniversalTime(),
            UpdatedAt = TenthOfApril, Result = result, Difficulties = difficulties, Proposals = proposals,
        });

    public static async Task<List<Obligation>> ObligationsAsync(ChiSoDbContext db, int planId, string period) =>
        await (from o in db.Set<Obligation>()
               join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
               where o.PlanId == planId && p.Key == period
               select o).ToListAsync();
}
