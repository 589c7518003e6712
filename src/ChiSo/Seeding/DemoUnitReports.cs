using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Seeding;

/// <summary>
/// The other units of the demo plan, so the dashboard, the follow-up letter and the public page show a province as it
/// is a few periods in: most departments and a sample of communes (every sixth) file, most on time and accepted, some
/// late, a few returned or still missing — the same unit tends to be late again (a unit's habit is fixed by its code, so
/// its lateness history across periods reads true). Each unit gets a focal-point account that cannot sign in (no
/// password: "Đầu mối … (minh họa)"); every step goes through <see cref="ReportService"/> at the time an officer would
/// have taken it, as <see cref="DemoReports"/> does for Sở Nội vụ.
/// </summary>
internal sealed class DemoUnitReports(ChiSoDbContext db, Func<DateTimeOffset, ReportService> serviceAt, Func<string, CancellationToken, Task<ReportCaller>> callerOf,
    TimeProvider clock)
{
    private enum Fate { OnTime, Late, Returned, SubmittedOnly, Missing }

    public async Task RunAsync(int planId, ReportCaller coordinator, CancellationToken ct)
    {
        var owed = await (from o in db.Set<Obligation>().AsNoTracking()
                          join u in db.Units on o.UnitId equals u.Id
                          join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                          where o.PlanId == planId && o.State == ObligationState.Open && u.Code != DemoReports.UnitCode
                                && (u.Kind == UnitKind.Department || u.Kind == UnitKind.Commune)
                          select new { o.Id, o.UnitId, u.Code, u.Name, UnitKind = u.Kind, o.TaskCode, o.DueDate, PeriodKind = p.Kind, p.Year, p.Number, p.Key })
            .ToListAsync(ct);
        var communes = owed.Where(o => o.UnitKind == UnitKind.Commune).Select(o => o.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var sampled = communes.Where((_, i) => i % 6 == 0).ToHashSet(StringComparer.Ordinal);
        var periods = owed.Select(o => o.Key).Distinct().Order(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        foreach (var unit in owed.Where(o => o.UnitKind == UnitKind.Department || sampled.Contains(o.Code)).GroupBy(o => (o.UnitId, o.Code, o.Name)).OrderBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            ReportCaller? focal = null;
            foreach (var period in unit.GroupBy(o => o.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var fate = FateOf(unit.Key.Code, periods.IndexOf(period.Key));
                var due = period.First().DueDate;
                var submittedAt = VietNamClock.StartOfDay(due.AddDays(fate == Fate.Late ? 6 : -2)).AddHours(10);
                if (fate == Fate.Missing || submittedAt.AddDays(3) > now)
                {
                    continue;
                }

                focal ??= await FocalPointAsync(unit.Key.UnitId, unit.Key.Code, unit.Key.Name, ct);
                var reportingPeriod = ReportingPeriod.Of(period.First().PeriodKind, period.First().Year, period.First().Number);
                foreach (var item in period.OrderBy(o => o.TaskCode, NodeCodeComparer.Instance))
                {
                    var input = new ReportInput(fate is Fate.OnTime ? reportingPeriod.End.AddDays(-15) : null, null,
                        $"{reportingPeriod.NameVi}: {unit.Key.Name} đã triển khai nhiệm vụ {item.TaskCode}; tổ chức tuyên truyền, niêm yết công khai và tự kiểm tra tại cơ quan, đơn vị.",
                        null, "Nhân lực còn mỏng sau khi sắp xếp tổ chức bộ máy.", null);
                    var actor = new Actor(UserName(unit.Key.Code));
                    var revision = Check(await serviceAt(submittedAt).SaveAndSubmitAsync(focal, item.Id, input, 0, actor, ct));
                    var reviewed = submittedAt.AddDays(3);
                    if (fate is Fate.OnTime or Fate.Late)
                    {
                        Check(await serviceAt(reviewed).AcceptAsync(coordinator, item.Id, revision, new Actor("dieuphoi"), ct));
                    }
                    else if (fate == Fate.Returned)
                    {
                        Check(await serviceAt(reviewed).ReturnAsync(coordinator, item.Id, revision,
                            "Báo cáo chưa nêu kết quả cụ thể; đề nghị bổ sung số liệu và văn bản minh chứng.", new Actor("dieuphoi"), ct));
                    }
                }
            }
        }
    }

    public static string UserName(string unitCode) => "daumoi." + unitCode.ToLowerInvariant();

    // A unit's habit from its code: most file on time; a few are often late, or often silent. Then the period's luck.
    private static Fate FateOf(string unitCode, int period)
    {
        var habit = Hash(unitCode) % 10;
        var luck = Hash(unitCode + "/" + period.ToString(System.Globalization.CultureInfo.InvariantCulture)) % 10;
        return habit switch
        {
            < 6 => luck switch { < 8 => Fate.OnTime, 8 => Fate.Late, _ => Fate.SubmittedOnly },
            < 8 => luck switch { < 5 => Fate.Late, < 8 => Fate.OnTime, _ => Fate.Returned },
            _ => luck switch { < 4 => Fate.Missing, < 7 => Fate.Late, _ => Fate.OnTime },
        };
    }

    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private async Task<ReportCaller> FocalPointAsync(int unitId, string code, string name, CancellationToken ct)
    {
        var userName = UserName(code);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            // No password: the account exists so the unit's reports have an author; nobody signs in with it.
            user = new ChiSoUser
            {
                UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = $"Đầu mối {name} (minh họa)",
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.Member, ct);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            db.UnitMemberships.Add(new UnitMembership { UserId = user.Id, UnitId = unitId, Role = UnitRoles.FocalPoint, CreatedAt = clock.GetUtcNow(), CreatedBy = "demo" });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return await callerOf(user.Id, ct);
    }

    private static int Check(Outcome<int> outcome) =>
        outcome.Succeeded ? outcome.Value : throw new InvalidOperationException("Demo report failed: " + string.Join("; ", outcome.Problems));
}
