using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// Each unit's record across the plan's periods: how many reports it owed in each and how many of them were late
/// (submitted after the due date, or still missing), so the dashboard shows whether a late unit is late every time.
/// The figures are one grouped query in the database rather than every period's rows in memory (a national plan owes
/// half a million reports a year); its condition is <see cref="Obligation.IsLate"/> written in SQL, and a test holds
/// it to <see cref="ObligationFacts"/> period by period. Read by the roll-up's readers only.
/// </summary>
public sealed class LatenessHistory(ChiSoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PlanLateness>> ReadAsync(PlanRights rights, int planId, CancellationToken cancellationToken = default)
    {
        if (await RollupReads.RefusalAsync(db, rights, planId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var today = clock.VietNamToday();
        var periods = (await db.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(cancellationToken))
            .Select(p => new LatenessPeriod(p.Id, p.Key, p.Period, p.UnitDue)).OrderBy(p => p.Period).ToList();
        // The same obligations as the roll-up's (open, on a task of the plan), late as Obligation.IsLate decides.
        var cells = await (from o in db.Set<Obligation>().AsNoTracking()
                           from r in db.Set<UnitReport>().Where(r => r.ObligationId == o.Id).DefaultIfEmpty()
                           where o.PlanId == planId && o.State == ObligationState.Open && o.TaskId != null
                           group new { Late = (bool?)r.Late == true || (r.SubmittedAt == null && o.DueDate < today) } by new { o.UnitId, o.PeriodId } into g
                           select new { g.Key.UnitId, g.Key.PeriodId, Expected = g.Count(), Late = g.Sum(x => x.Late ? 1 : 0) })
            .ToListAsync(cancellationToken);
        return Outcome.Ok(new PlanLateness(today, periods, cells.ToDictionary(c => (c.UnitId, c.PeriodId), c => new Lateness(c.Expected, c.Late))));
    }
}

/// <summary>The plan's periods in order and, per (unit, period) that owed reports, what was owed and what came late.</summary>
public sealed record PlanLateness(DateOnly AsOf, IReadOnlyList<LatenessPeriod> Periods, IReadOnlyDictionary<(int UnitId, int PeriodId), Lateness> Cells)
{
    /// <summary>Null when the unit owed nothing in the period.</summary>
    public Lateness? Of(int unitId, int periodId) => Cells.TryGetValue((unitId, periodId), out var cell) ? cell : null;

    /// <summary>All the unit's periods together.</summary>
    public Lateness Total(int unitId)
    {
        var (expected, late) = (0, 0);
        foreach (var period in Periods)
        {
            if (Of(unitId, period.Id) is { } cell)
            {
                (expected, late) = (expected + cell.Expected, late + cell.Late);
            }
        }

        return new Lateness(expected, late);
    }
}

/// <summary>One of the plan's periods; reports of it are late from the day after <see cref="UnitDue"/>.</summary>
public sealed record LatenessPeriod(int Id, string Key, ReportingPeriod Period, DateOnly UnitDue)
{
    public bool IsDueBy(DateOnly day) => day > UnitDue;
}

/// <summary>Reports a unit owed in a period, and how many of them were late.</summary>
public readonly record struct Lateness(int Expected, int Late);
