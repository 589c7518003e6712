using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Obligations;

/// <summary>One obligation as it is listed: who owes what, for which period, by when.</summary>
public sealed record ObligationItem(int Id, string TaskCode, string UnitCode, string UnitName, AssignmentRole Role, string Period, DateOnly DueDate,
    ObligationState State, int? ReportId, Reports.ReportState? ReportState, bool Late);

/// <summary>A report one of the user's units owes, for their to-do list.</summary>
public sealed record OwedReport(int ObligationId, int PlanId, string PlanNumber, string PlanTitle, ReportingPeriod Period, DateOnly DueDate, string TaskCode, string TaskContent,
    string UnitName, AssignmentRole Role, Reports.ReportState? State, bool Late)
{
    /// <summary>The unit's code, as the unit's report page for the period names it (<c>/plans/{id}/reports/{period}/{unitCode}</c>).</summary>
    public string UnitCode { get; init; } = "";
}

/// <summary>Filters of the obligations list; each optional.</summary>
public sealed record ObligationFilter(string? Period = null, string? UnitCode = null, ObligationState? State = null);

/// <summary>
/// The obligations of a plan for whoever may see them: the plan's editors (coordinators, admins) and leaders see all;
/// anyone else who may read the plan sees only the obligations of their own units (<paramref name="ownUnits"/>). A plan
/// the caller may not read is "not found". Late means owed, still open, and its due date has passed in Viet Nam: a
/// missing report shows from the day after the due date, and a report submitted after it stays late.
/// </summary>
public sealed class ObligationQueries(ChiSoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<ObligationItem>>> ListAsync(PlanRights rights, IReadOnlyCollection<int> ownUnits, int planId,
        ObligationFilter filter, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.ProvinceId, p.Status }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null || !rights.CanRead(plan.ProvinceId, plan.Id, plan.Status))
        {
            return Problem.NotFound($"Không có kế hoạch {planId}.", $"No plan {planId}.");
        }

        var wholePlan = rights.CanEdit(plan.ProvinceId, plan.Id) || rights.ReadsAllIssued;
        var rows = from o in db.Set<Obligation>().AsNoTracking()
                   join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                   join u in db.Units on o.UnitId equals u.Id
                   join r in db.Set<Reports.UnitReport>() on o.Id equals r.ObligationId into reports
                   from r in reports.DefaultIfEmpty()
                   where o.PlanId == planId
                   select new { o, Period = p.Key, u.Code, u.Name, ReportId = (int?)r.Id, ReportState = (Reports.ReportState?)r.State, SubmittedAt = (DateTimeOffset?)r.SubmittedAt, Late = (bool?)r.Late };
        if (!wholePlan)
        {
            var own = ownUnits.ToList();
            rows = rows.Where(r => own.Contains(r.o.UnitId));
        }

        if (filter.Period is { Length: > 0 } period)
        {
            rows = rows.Where(r => r.Period == period);
        }

        if (filter.UnitCode is { Length: > 0 } unit)
        {
            rows = rows.Where(r => r.Code == unit);
        }

        if (filter.State is { } state)
        {
            rows = rows.Where(r => r.o.State == state);
        }

        var today = clock.VietNamToday();
        var list = await rows.ToListAsync(cancellationToken);
        return Outcome.Ok<IReadOnlyList<ObligationItem>>(list
            .Select(r => new ObligationItem(r.o.Id, r.o.TaskCode, r.Code, r.Name, r.o.Role, r.Period, r.o.DueDate, r.o.State, r.ReportId, r.ReportState,
                Obligation.IsLate(r.Late, r.SubmittedAt, r.o.State, r.o.DueDate, today)))
            .OrderBy(i => i.DueDate).ThenBy(i => i.TaskCode, NodeCodeComparer.Instance).ThenBy(i => i.UnitCode, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>
    /// What <paramref name="unitIds"/> (the user's own units) owe and is not accepted yet in issued plans, soonest due first:
    /// the to-do list of "Nhiệm vụ của tôi". A plan being amended keeps its issued obligations until the amendment is issued.
    /// </summary>
    public async Task<IReadOnlyList<OwedReport>> OwedByAsync(IReadOnlySet<int> unitIds, CancellationToken cancellationToken = default)
    {
        if (unitIds.Count == 0)
        {
            return [];
        }

        var ids = unitIds.ToList();
        var rows = await (from o in db.Set<Obligation>().AsNoTracking()
                          join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                          join plan in db.Plans on o.PlanId equals plan.Id
                          join t in db.PlanTasks on o.TaskId equals t.Id
                          join u in db.Units on o.UnitId equals u.Id
                          join r in db.Set<Reports.UnitReport>() on o.Id equals r.ObligationId into reports
                          from r in reports.DefaultIfEmpty()
                          where ids.Contains(o.UnitId) && o.State == ObligationState.Open
                                && (plan.Status == PlanStatus.Issued || plan.Status == PlanStatus.Amending)
                                // An accepted report is done: it leaves the to-do list (and comes back if reopened).
                                && (r == null || r.State != Reports.ReportState.Accepted)
                          select new
                          {
                              o.Id, o.PlanId, PlanNumber = plan.Number, plan.Symbol, plan.Title, p.Kind, p.Year, PeriodNumber = p.Number, o.DueDate, o.TaskCode, t.Content, u.Name, u.Code, o.Role,
                              ReportState = (Reports.ReportState?)r.State, SubmittedAt = (DateTimeOffset?)r.SubmittedAt, ReportLate = (bool?)r.Late,
                          })
            .ToListAsync(cancellationToken);
        var today = clock.VietNamToday();
        return rows.Select(r => new OwedReport(r.Id, r.PlanId, string.IsNullOrEmpty(r.PlanNumber) ? r.Symbol : $"{r.PlanNumber}/{r.Symbol}", r.Title,
                ReportingPeriod.Of(r.Kind, r.Year, r.PeriodNumber), r.DueDate, r.TaskCode, r.Content, r.Name, r.Role,
                r.ReportState, Obligation.IsLate(r.ReportLate, r.SubmittedAt, ObligationState.Open, r.DueDate, today)) { UnitCode = r.Code })
            .OrderBy(r => r.DueDate).ThenBy(r => r.PlanId).ThenBy(r => r.TaskCode, NodeCodeComparer.Instance).ThenBy(r => r.UnitName, Text.VietnameseText.Comparer)
            .ToList();
    }

    /// <summary>The obligation a report URL names (<c>/plans/{id}/reports/{period}/{unitCode}/{taskCode}</c>), or null.</summary>
    public async Task<int?> FindAsync(int planId, string period, string unitCode, string taskCode, CancellationToken cancellationToken = default)
    {
        if (!ReportingPeriod.TryParse(period, out var parsed))
        {
            return null;
        }

        var key = parsed.Id;
        return await (from o in db.Set<Obligation>()
                      join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                      join u in db.Units on o.UnitId equals u.Id
                      where o.PlanId == planId && p.Key == key && u.Code == unitCode && o.TaskCode == taskCode && o.TaskId != null
                      select (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
