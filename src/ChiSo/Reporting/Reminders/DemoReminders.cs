using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChiSo.Reporting.Reminders;

/// <summary>
/// The demo's notifications: the reminder job run, as it would have run, on each day since the demo plan was issued
/// on which something was due — the reminder days around every due date and the days after each return — up to
/// today. Like the demo's reports it is played by the real service at the time it would have happened; what it cannot
/// know is a report's state on a past day, so a report submitted late is not reminded as overdue before it came.
/// </summary>
public sealed class DemoReminders(ChiSoDbContext db, ReminderRun run, IOptions<ReminderOptions> options, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.VietNamToday();
        var dueDates = await (from o in db.Set<Obligation>().AsNoTracking()
                              join p in db.Plans on o.PlanId equals p.Id
                              where o.State == ObligationState.Open && (p.Status == PlanStatus.Issued || p.Status == PlanStatus.Amending)
                              select o.DueDate).Distinct().ToListAsync(cancellationToken);
        var returns = await db.Set<ReportEvent>().AsNoTracking().Where(e => e.Action == "return" || e.Action == "reopen").Select(e => e.At).ToListAsync(cancellationToken);
        var days = ReminderDays.Default;
        var candidates = dueDates.SelectMany(d => days.Before.Select(b => d.AddDays(-b)).Concat(days.After.Select(a => d.AddDays(a))))
            .Concat(returns.Select(at => DateOnly.FromDateTime(at.ToVietNam().DateTime).AddDays(1)))
            .Where(d => d <= today).Distinct().Order().ToList();
        var written = 0;
        foreach (var day in candidates)
        {
            var at = VietNamClock.StartOfDay(day).AddHours(options.Value.SendHour);
            if (at <= now)
            {
                written += await run.ComposeAsync(day, at, cancellationToken);
            }
        }

        return written;
    }
}
