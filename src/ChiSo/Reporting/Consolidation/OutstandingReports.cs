using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Consolidation;

/// <summary>Why a report is listed: never sent after its due date, sent back and not sent again in time, or sent late.</summary>
public enum OutstandingKind
{
    /// <summary>Chưa gửi: nothing submitted and the due date has passed.</summary>
    Missing,

    /// <summary>Trả lại, chưa gửi lại: returned to its unit, the due date has passed.</summary>
    Returned,

    /// <summary>Gửi chậm: in, but after the due date.</summary>
    SubmittedLate,
}

/// <summary>One report a unit owes or sent late: the task, the unit's role on it, why it is listed, the due date.</summary>
public sealed record OutstandingItem(string TaskCode, string TaskContent, AssignmentRole Role, OutstandingKind Kind, DateOnly DueDate, DateTimeOffset? SubmittedAt)
{
    /// <summary>Still owed: what a follow-up letter chases (a report sent late is in and is only listed).</summary>
    public bool Owed => Kind is OutstandingKind.Missing or OutstandingKind.Returned;
}

/// <summary>A unit with reports late or missing in the period, and those reports in task order.</summary>
public sealed record OutstandingUnit(int UnitId, string Code, string Name, UnitKind Kind, IReadOnlyList<OutstandingItem> Items)
{
    public bool Owes => Items.Any(i => i.Owed);
}

/// <summary>
/// The late and missing reports of a period, by unit — the list a consolidated report ends with and a follow-up letter
/// is addressed to. The roll-up's rules decide (<see cref="ObligationFacts"/>: missing from the day after the due date,
/// lateness as <see cref="Obligation.IsLate"/>), so the list always agrees with the roll-up's counts. A returned report is
/// listed once its due date has passed. Callers check access first (they hold the roll-up the caller may read).
/// </summary>
public sealed class OutstandingReports(ChiSoDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutstandingUnit>> ReadAsync(int planId, string periodKey, CancellationToken cancellationToken = default)
    {
        var period = await db.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == planId && p.Key == periodKey).Select(p => p.Id).SingleAsync(cancellationToken);
        var rows = await (from o in db.Set<Obligation>().AsNoTracking()
                          from r in db.Set<UnitReport>().Where(r => r.ObligationId == o.Id).DefaultIfEmpty()
                          where o.PlanId == planId && o.PeriodId == period && o.State == ObligationState.Open && o.TaskId != null
                          select new ObligationRow(o.Id, o.TaskId!.Value, o.UnitId, o.Role, o.DueDate, (ReportState?)r.State, r.TaskStatus, r.AchievedValue,
                              (DateTimeOffset?)r.SubmittedAt, (bool?)r.Late))
            .ToListAsync(cancellationToken);
        var today = clock.VietNamToday();
        var listed = rows.Select(r => (Row: r, Kind: KindOf(ObligationFacts.Of(r, today), today))).Where(x => x.Kind is not null).ToList();
        if (listed.Count == 0)
        {
            return [];
        }

        var taskIds = listed.Select(x => x.Row.TaskId).Distinct().ToList();
        var tasks = await db.Set<PlanTask>().AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Code, t.Content, t.Order }).ToDictionaryAsync(t => t.Id, cancellationToken);
        var unitIds = listed.Select(x => x.Row.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name, u.Kind })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        return listed.GroupBy(x => x.Row.UnitId)
            .Select(g => new OutstandingUnit(g.Key, units[g.Key].Code, units[g.Key].Name, units[g.Key].Kind,
                [.. g.OrderBy(x => tasks[x.Row.TaskId].Order).ThenBy(x => tasks[x.Row.TaskId].Code, NodeCodeComparer.Instance)
                    .Select(x => new OutstandingItem(tasks[x.Row.TaskId].Code, tasks[x.Row.TaskId].Content, x.Row.Role, x.Kind!.Value, x.Row.DueDate, x.Row.SubmittedAt))]))
            .OrderBy(u => LevelOf(u.Kind)).ThenBy(u => u.Name, VietnameseText.Comparer)
            .ToList();
    }

    private static OutstandingKind? KindOf(ObligationFacts facts, DateOnly today) => facts.Standing switch
    {
        Standing.Missing => OutstandingKind.Missing,
        Standing.Returned when today > facts.Row.DueDate => OutstandingKind.Returned,
        Standing.Reported when facts.Late => OutstandingKind.SubmittedLate,
        _ => null,
    };

    // Province-level agencies first, then districts, then communes, as the roll-up lists units.
    private static int LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.Commune => 2,
        UnitKind.District => 1,
        _ => 0,
    };
}
