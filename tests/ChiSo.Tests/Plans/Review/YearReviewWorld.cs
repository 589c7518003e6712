using System.Text;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Review;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Results;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Plans.Review;

/// <summary>
/// A year in review worked out by hand. Four provinces scored by PAPI in 2025 and 2026 (only the dimensions and the
/// sub-dimensions the tasks name), Lâm Đồng's 2026 plan 12/KH-UBND drawn from 2025 (issued 20 January 2026), and its
/// year's reports as read on 20 January 2027, after the year's due date:
/// <list type="bullet">
/// <item>1.1 (Sở Tư pháp, PAPI 1.1) done on time; Lâm Đồng +0,30, the nation +0,15 (1,25 → 1,40): better by 0,15;</item>
/// <item>2.1 (Sở Nội vụ, PAPI 2.2) done late; +0,10 against the nation's +0,20 (1,10 → 1,30): worse by 0,10 — done but fell;</item>
/// <item>2.2 (Thanh tra tỉnh, PAPI dimension 2, due in quarter III) never reported: not done, overdue; +0,20 as the nation;</item>
/// <item>2.3 (Văn phòng UBND tỉnh, no node) ongoing, not reported.</item>
/// </list>
/// No task touches dimensions 3–8: 3 fell 0,20 while the nation stayed at 5,00 (neglected and fell); 4 rose more than
/// the nation; 5 fell 0,10 while the nation fell 0,25 (a fall, but not against the nation); 6–8 did not move.
/// </summary>
internal sealed record YearReviewWorld(TestDatabase Database, int ProvinceId, int PlanId) : IAsyncDisposable
{
    /// <summary>20 January 2027, 10:00 in Viet Nam: the year's reports were due in early January.</summary>
    public static readonly DateTimeOffset ReadOn = new(2027, 1, 20, 3, 0, 0, TimeSpan.Zero);

    public const string Results2025 = """
        Tỉnh,1,1.1,2,2.2,3,4,5,6,7,8
        Lâm Đồng,5,1.20,4,1.00,5,5,5,5,5,5
        Hà Nội,6,1.50,5,1.40,6,6,6,6,6,6
        Gia Lai,4,1.00,3,0.80,4,4,4,4,4,4
        Cần Thơ,5,1.30,4,1.20,5,5,5,5,5,5

        """;

    public const string Results2026 = """
        Tỉnh,1,1.1,2,2.2,3,4,5,6,7,8
        Lâm Đồng,5.30,1.50,4.20,1.10,4.80,5.30,4.90,5,5,5
        Hà Nội,6.10,1.60,5.10,1.60,6.00,6.00,5.70,6,6,6
        Gia Lai,4.10,1.10,3.30,1.00,4.10,4.00,3.70,4,4,4
        Cần Thơ,5.10,1.40,4.20,1.50,5.10,4.90,4.70,5,5,5

        """;

    public static IReadOnlyList<TaskInput> Tasks { get; } =
    [
        new()
        {
            Code = "1.1", GroupCode = "1", Content = "Tập huấn cho trưởng thôn về quyền được biết của người dân",
            Leads = ["Sở Tư pháp"], TimeframeText = "Quý II/2026", Nodes = [new("papi-2021", "1.1")],
        },
        new()
        {
            Code = "2.1", GroupCode = "2", Content = "Rà soát và niêm yết công khai danh sách hộ nghèo tại thôn, tổ dân phố",
            Leads = ["Sở Nội vụ"], TimeframeText = "Quý II/2026", Nodes = [new("papi-2021", "2.2")],
        },
        new()
        {
            Code = "2.2", GroupCode = "2", Content = "Thanh tra việc công khai thông tin ở cấp xã",
            Leads = ["Thanh tra tỉnh"], TimeframeText = "Quý III/2026", Nodes = [new("papi-2021", "2")],
        },
        new()
        {
            Code = "2.3", GroupCode = "2", Content = "Duy trì chuyên mục hỏi đáp chính sách trên cổng thông tin tỉnh",
            Leads = ["Văn phòng Ủy ban nhân dân tỉnh"], TimeframeText = "Thường xuyên",
        },
    ];

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    /// <summary>The world; without <paramref name="with2026"/> the 2026 results are not imported yet.</summary>
    public static async Task<YearReviewWorld> CreateAsync(DatabaseProvider provider, bool with2026 = true)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var db = database.CreateContext();
        await ImportAsync(database, db, 2025, Results2025);
        if (with2026)
        {
            await ImportAsync(database, db, 2026, Results2026);
        }

        var created = await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, Tasks, PlanFixtures.Coordinator);
        Assert.True(created.Succeeded, string.Join("; ", created.Problems.Select(p => p.MessageEn)));
        var issued = await PlanFixtures.IssueAsync(database, db, created.Value, "12", new DateOnly(2026, 1, 20));
        Assert.True(issued.Succeeded, string.Join("; ", issued.Problems.Select(p => p.MessageEn)));

        var year = await (from o in db.Set<Obligation>()
                          join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                          where o.PlanId == created.Value && p.Key == "2026-Y"
                          select o).ToListAsync();
        Report(db, year.Single(o => o.TaskCode == "1.1"), ReportState.Accepted, ReportTaskStatus.DoneOnTime);
        Report(db, year.Single(o => o.TaskCode == "2.1"), ReportState.Submitted, ReportTaskStatus.DoneLate);
        await db.SaveChangesAsync();
        return new YearReviewWorld(database, provinceId, created.Value);
    }

    /// <summary>The core services on 20 January 2027 around <paramref name="db"/>.</summary>
    public static IServiceProvider Services(ChiSoDbContext db) => ChiSoCoreServices.Around(db, new FixedClock(ReadOn));

    public static async Task ImportAsync(TestDatabase database, ChiSoDbContext db, int year, string csv)
    {
        var outcome = await database.Service<ResultsImportService>(db)
            .ImportAsync("papi", year, new MemoryStream(Encoding.UTF8.GetBytes(csv)), $"papi-{year}.csv", "text/csv", new Actor("dieuphoi", "127.0.0.1"));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => $"{e.Row}/{e.Column}: {e.MessageEn}")));
    }

    private static void Report(ChiSoDbContext db, Obligation o, ReportState state, ReportTaskStatus status) =>
        db.Set<UnitReport>().Add(new UnitReport
        {
            ObligationId = o.Id, State = state, TaskStatus = status, Late = false, Revision = 1, UpdatedBy = "test",
            SubmittedAt = ChiSo.Common.VietNamClock.StartOfDay(o.DueDate.AddDays(-1)).ToUniversalTime(), UpdatedAt = ReadOn,
        });
}
