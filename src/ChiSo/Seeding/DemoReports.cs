using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Seeding;

/// <summary>
/// The demo plan's reports, so the reporting pages show what a province sees a few periods in: the Department of Home
/// Affairs' reports in every state — accepted (on time and late), approved by its head, submitted, returned with a
/// comment, drafts — and obligations past due with no report at all. Each step goes through <see cref="ReportService"/>
/// as the demo's focal point, unit head or coordinator, with the service's clock set to when an officer would have
/// taken it (a few days before or after the due date), so lateness is decided as it would have been. A step whose time
/// has not come yet (the demo started early in the year) is left out; the audit log records when the seeding ran. The
/// other departments and a sample of communes file too (<see cref="DemoUnitReports"/>).
/// </summary>
public sealed class DemoReports(ChiSoDbContext db, UnitOfWork work, AuditLog audit, PlanAccess access, TimeProvider clock)
{
    public const string UnitCode = "SNV";

    private enum Scene { AcceptedOnTime, AcceptedLate, Approved, Returned, Submitted, SubmittedLate, Draft, Missing }

    /// <summary>What happens to the unit's obligations of the n-th period, by position in the period (task order).</summary>
    private static readonly Scene[][] Script =
    [
        [Scene.AcceptedOnTime, Scene.AcceptedLate, Scene.AcceptedOnTime, Scene.AcceptedOnTime, Scene.AcceptedOnTime],
        [Scene.Approved, Scene.Returned, Scene.Submitted, Scene.Missing, Scene.AcceptedOnTime],
        [Scene.Draft, Scene.SubmittedLate],
    ];

    public async Task RunAsync(int planId, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.UserName == "daumoi" || u.UserName == "thutruong" || u.UserName == "dieuphoi")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, StringComparer.Ordinal, cancellationToken);
        if (users.Count < 3)
        {
            return;
        }

        var focal = await CallerAsync(users["daumoi"], cancellationToken);
        var head = await CallerAsync(users["thutruong"], cancellationToken);
        var coordinator = await CallerAsync(users["dieuphoi"], cancellationToken);
        var owed = await (from o in db.Set<Obligation>().AsNoTracking()
                          join u in db.Units on o.UnitId equals u.Id
                          join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                          where o.PlanId == planId && u.Code == UnitCode && o.State == ObligationState.Open
                          select new { o.Id, o.TaskCode, o.DueDate, p.Kind, p.Year, p.Number }).ToListAsync(cancellationToken);
        var periods = owed.GroupBy(o => ReportingPeriod.Of(o.Kind, o.Year, o.Number)).OrderBy(g => g.Key).ToList();
        for (var n = 0; n < periods.Count && n < Script.Length; n++)
        {
            var items = periods[n].OrderBy(o => o.TaskCode, NodeCodeComparer.Instance).ToList();
            for (var i = 0; i < items.Count && i < Script[n].Length; i++)
            {
                await PlayAsync(Script[n][i], items[i].Id, items[i].TaskCode, periods[n].Key, items[i].DueDate, focal, head, coordinator, cancellationToken);
            }
        }

        await new DemoUnitReports(db, Service, CallerAsync, clock).RunAsync(planId, coordinator, cancellationToken);
    }

    private async Task PlayAsync(Scene scene, int obligation, string task, ReportingPeriod period, DateOnly due, ReportCaller focal, ReportCaller head,
        ReportCaller coordinator, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset At(int days, int hour) => VietNamClock.StartOfDay(due.AddDays(days)).AddHours(hour);
        var late = scene is Scene.AcceptedLate or Scene.SubmittedLate;
        var submitted = late ? At(2, 9) : At(-4, 9);
        var reviewed = submitted.AddDays(3).AddHours(1);
        var drafted = At(-10, 15);
        var last = scene switch
        {
            Scene.Draft => drafted,
            Scene.Submitted or Scene.SubmittedLate => submitted,
            _ => reviewed,
        };
        if (scene == Scene.Missing || last > now)
        {
            return;
        }

        var input = Input(task, period, done: scene is Scene.AcceptedOnTime or Scene.AcceptedLate);
        if (scene == Scene.Draft)
        {
            Check(await Service(drafted).SaveDraftAsync(focal, obligation, input, 0, Actor("daumoi"), ct));
            return;
        }

        var revision = Check(await Service(submitted).SaveAndSubmitAsync(focal, obligation, input, 0, Actor("daumoi"), ct));
        switch (scene)
        {
            case Scene.AcceptedOnTime or Scene.AcceptedLate:
                Check(await Service(reviewed).AcceptAsync(coordinator, obligation, revision, Actor("dieuphoi"), ct));
                break;
            case Scene.Approved:
                Check(await Service(reviewed).ApproveAsync(head, obligation, revision, Actor("thutruong"), ct));
                break;
            case Scene.Returned:
                Check(await Service(reviewed).ReturnAsync(coordinator, obligation, revision,
                    "Đề nghị bổ sung số liệu cụ thể (số văn bản đã ban hành, số cuộc kiểm tra) và minh chứng kèm theo.", Actor("dieuphoi"), ct));
                break;
        }
    }

    /// <summary>What an officer writes, in the demo's own words; the later periods carry the figures forward.</summary>
    private static ReportInput Input(string task, ReportingPeriod period, bool done) => new(
        done ? period.End.AddDays(-12) : null,
        null,
        $"{period.NameVi}: Sở Nội vụ đã triển khai nhiệm vụ {task} theo kế hoạch; ban hành văn bản hướng dẫn các cơ quan, địa phương và tổ chức kiểm tra tại 06 xã, phường.",
        $"12/HD-SNV | {period.End.AddDays(-20):yyyy-MM-dd} | Sở Nội vụ | Hướng dẫn triển khai nhiệm vụ {task}",
        "Một số xã, phường mới sắp xếp còn thiếu công chức phụ trách, báo cáo chậm.",
        "Đề nghị UBND tỉnh bổ sung biên chế công chức văn hóa – xã hội cho các xã, phường mới.");

    private ReportService Service(DateTimeOffset at) => new(db, work, audit, new ClockAt(at));

    private async Task<ReportCaller> CallerAsync(string userId, CancellationToken ct)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync(ct);
        return new ReportCaller(userId, await access.RightsAsync(userId, role => roles.Contains(role), ct));
    }

    private static Actor Actor(string name) => new(name);

    private static int Check(Outcome<int> outcome) =>
        outcome.Succeeded ? outcome.Value : throw new InvalidOperationException("Demo report failed: " + string.Join("; ", outcome.Problems));

    /// <summary>The service's "now" when the demo officer took the step.</summary>
    private sealed class ClockAt(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }
}
