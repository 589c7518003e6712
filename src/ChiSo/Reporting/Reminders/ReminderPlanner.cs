using System.Globalization;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Setup;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Reminders;

/// <summary>One thing one person is told on one day.</summary>
public sealed record ReminderItem(NotificationKind Kind, int PlanId, string PlanNumber, string PeriodKey, int ObligationId, string UnitName, string TaskCode,
    DateOnly DueDate, int? ReportEventId = null, string? Comment = null)
{
    public string Link => "/my/reports/" + ObligationId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A person's items for the day.</summary>
public sealed record RecipientItems(Recipient Recipient, IReadOnlyList<ReminderItem> Items);

/// <summary>
/// Works out, for one Viet Nam day, who is told what. An obligation is still owed while it is open in an issued plan
/// (or one being amended) and its report is missing, a draft or returned — the to-do list's rule, less what was
/// submitted and waits for review. With the plan's <see cref="ReminderDays"/>:
/// <list type="bullet">
/// <item>on each "before" day its unit's focal points are told it is due soon (0: due today);</item>
/// <item>on each "after" day, that it is overdue;</item>
/// <item>on the last "after" day also the unit's heads and the plan's coordinators (escalation).</item>
/// </list>
/// Reminders fall on exact calendar days: a day the job never ran on (the server was down all day) is not made up the
/// next day, which would tell people the wrong number of days; the dashboard and the follow-up letter list what is
/// missing anyway. A returned report is told to the focal points once: its latest return (or reopening) step, if it
/// is from the last <see cref="ReturnedLookbackDays"/> days, up to <c>now</c>, and not told to them before. A person
/// gets one item per obligation — the most pressing — and all of them in one digest.
/// </summary>
public sealed class ReminderPlanner(ChiSoDbContext db)
{
    /// <summary>How far back a return is still news: enabling the job on an old database does not replay last year's returns.</summary>
    public const int ReturnedLookbackDays = 7;

    private sealed record Owed(int ObligationId, int PlanId, int ProvinceId, string? Number, string Symbol, string PeriodKey, int UnitId, string UnitName, string TaskCode,
        DateOnly DueDate)
    {
        public string PlanNumber => string.IsNullOrEmpty(Number) ? Symbol : $"{Number}/{Symbol}";
    }

    public async Task<IReadOnlyList<RecipientItems>> PlanAsync(DateOnly day, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var settings = await db.Set<PlanReportingSettings>().AsNoTracking().ToDictionaryAsync(s => s.PlanId, s => ReminderDays.Of(s), cancellationToken);
        var all = settings.Values.Append(ReminderDays.Default).ToList();
        var dueDates = all.SelectMany(d => d.Before.Select(b => day.AddDays(b)).Concat(d.After.Select(a => day.AddDays(-a)))).Distinct().ToList();
        var owed = await OwedQuery().Where(x => dueDates.Contains(x.Obligation.DueDate) && (x.Report == null || x.Report.State == ReportState.Draft || x.Report.State == ReportState.Returned))
            .Select(x => new Owed(x.Obligation.Id, x.Obligation.PlanId, x.ProvinceId, x.Number, x.Symbol, x.Key, x.Obligation.UnitId, x.UnitName, x.Obligation.TaskCode, x.Obligation.DueDate))
            .ToListAsync(cancellationToken);
        var returned = await ReturnedAsync(now, cancellationToken);
        var recipients = await ReminderRecipients.LoadAsync(db, owed.Select(o => o.UnitId).Concat(returned.Select(r => r.Owed.UnitId)).Distinct().ToList(), cancellationToken);
        var told = await ToldAsync(returned.Select(r => r.EventId).ToList(), cancellationToken);

        var items = new Dictionary<(string User, int Obligation), ReminderItem>();
        void Add(string user, ReminderItem item)
        {
            // One item per person and obligation: the kind listed first in ReminderText.Order wins.
            if (!items.TryGetValue((user, item.ObligationId), out var known) || Rank(item.Kind) < Rank(known.Kind))
            {
                items[(user, item.ObligationId)] = item;
            }
        }

        foreach (var (o, eventId, comment) in returned)
        {
            foreach (var user in recipients.FocalPoints(o.UnitId).Where(u => !told.Contains((u, eventId))))
            {
                Add(user, Item(NotificationKind.Returned, o) with { ReportEventId = eventId, Comment = Clip(comment) });
            }
        }

        foreach (var o in owed)
        {
            var days = settings.GetValueOrDefault(o.PlanId) ?? ReminderDays.Default;
            var offset = day.DayNumber - o.DueDate.DayNumber;
            if (days.Before.Contains(-offset))
            {
                recipients.FocalPoints(o.UnitId).ToList().ForEach(u => Add(u, Item(NotificationKind.DueSoon, o)));
            }

            if (offset > 0 && days.After.Contains(offset))
            {
                recipients.FocalPoints(o.UnitId).ToList().ForEach(u => Add(u, Item(NotificationKind.Overdue, o)));
            }

            if (offset > 0 && offset == days.EscalationDay)
            {
                recipients.UnitHeads(o.UnitId).Concat(recipients.Coordinators(o.PlanId, o.ProvinceId)).ToList().ForEach(u => Add(u, Item(NotificationKind.Escalation, o)));
            }
        }

        return items.GroupBy(i => i.Key.User, StringComparer.Ordinal)
            .Select(g => new RecipientItems(recipients.People[g.Key], g.Select(i => i.Value).OrderBy(i => Rank(i.Kind)).ThenBy(i => i.ObligationId).ToList()))
            .OrderBy(r => r.Recipient.UserId, StringComparer.Ordinal)
            .ToList();
    }

    private static int Rank(NotificationKind kind) => kind switch
    {
        NotificationKind.Returned => 0,
        NotificationKind.Overdue => 1,
        NotificationKind.DueSoon => 2,
        _ => 3,
    };

    private static ReminderItem Item(NotificationKind kind, Owed o) => new(kind, o.PlanId, o.PlanNumber, o.PeriodKey, o.ObligationId, o.UnitName, o.TaskCode, o.DueDate);

    private static string? Clip(string? comment) =>
        comment is null ? null : comment.Length <= Notification.CommentMaxLength ? comment : comment[..(Notification.CommentMaxLength - 1)] + "…";

    /// <summary>Open obligations of issued plans (or plans being amended) with their task still in the plan, and their report if any.</summary>
    private IQueryable<OwedRow> OwedQuery() =>
        from o in db.Set<Obligation>().AsNoTracking()
        join plan in db.Plans on o.PlanId equals plan.Id
        join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
        join u in db.Units on o.UnitId equals u.Id
        from r in db.Set<UnitReport>().Where(r => r.ObligationId == o.Id).DefaultIfEmpty()
        where o.State == ObligationState.Open && o.TaskId != null && (plan.Status == PlanStatus.Issued || plan.Status == PlanStatus.Amending)
        select new OwedRow { Obligation = o, Report = r, ProvinceId = plan.ProvinceId, Number = plan.Number, Symbol = plan.Symbol, Key = p.Key, UnitName = u.Name };

    private sealed class OwedRow
    {
        public required Obligation Obligation { get; init; }
        public UnitReport? Report { get; init; }
        public int ProvinceId { get; init; }
        public string? Number { get; init; }
        public required string Symbol { get; init; }
        public required string Key { get; init; }
        public required string UnitName { get; init; }
    }

    /// <summary>Reports returned now, with the step that returned them (the latest return or reopening), when it is recent news.</summary>
    private async Task<List<(Owed Owed, int EventId, string? Comment)>> ReturnedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reports = await OwedQuery().Where(x => x.Report != null && x.Report.State == ReportState.Returned)
            .Select(x => new { Owed = new Owed(x.Obligation.Id, x.Obligation.PlanId, x.ProvinceId, x.Number, x.Symbol, x.Key, x.Obligation.UnitId, x.UnitName, x.Obligation.TaskCode, x.Obligation.DueDate), ReportId = x.Report!.Id })
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return [];
        }

        var ids = reports.Select(r => r.ReportId).ToList();
        // SQLite cannot compare DateTimeOffset in SQL: the few return steps of returned reports are filtered here.
        var steps = await db.Set<ReportEvent>().AsNoTracking().Where(e => ids.Contains(e.ReportId) && (e.Action == "return" || e.Action == "reopen"))
            .Select(e => new { e.Id, e.ReportId, e.At, e.Comment }).ToListAsync(cancellationToken);
        var latest = steps.GroupBy(e => e.ReportId).ToDictionary(g => g.Key, g => g.MaxBy(e => (e.At, e.Id))!);
        var since = now.AddDays(-ReturnedLookbackDays);
        return reports.Where(r => latest.TryGetValue(r.ReportId, out var e) && e.At <= now && e.At > since)
            .Select(r => (r.Owed, latest[r.ReportId].Id, latest[r.ReportId].Comment)).ToList();
    }

    private async Task<HashSet<(string User, int Event)>> ToldAsync(List<int> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0)
        {
            return [];
        }

        var told = await db.Set<Notification>().AsNoTracking().Where(n => n.ReportEventId != null && eventIds.Contains(n.ReportEventId.Value))
            .Select(n => new { n.UserId, Event = n.ReportEventId!.Value }).ToListAsync(cancellationToken);
        return told.Select(t => (t.UserId, t.Event)).ToHashSet();
    }
}
