using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Obligations;

/// <summary>One obligation as it is listed: who owes what, for which period, by when.</summary>
public sealed record ObligationItem(int Id, string TaskCode, string UnitCode, string UnitName, AssignmentRole Role, string Period, DateOnly DueDate,
    ObligationState State, int? ReportId, bool Late);

/// <summary>Filters of the obligations list; each optional.</summary>
public sealed record ObligationFilter(string? Period = null, string? UnitCode = null, ObligationState? State = null);

/// <summary>
/// The obligations of a plan for whoever may see them: the plan's editors (coordinators, admins) and leaders see all;
/// anyone else who may read the plan sees only the obligations of their own units (<paramref name="ownUnits"/>). A plan
/// the caller may not read is "not found". Late means owed, still open, and its due date has passed in Viet Nam: a
/// missing report shows from the day after the due date.
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
                   where o.PlanId == planId
                   select new { o, Period = p.Key, u.Code, u.Name };
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
            .Select(r => new ObligationItem(r.o.Id, r.o.TaskCode, r.Code, r.Name, r.o.Role, r.Period, r.o.DueDate, r.o.State, null,
                r.o.State == ObligationState.Open && today > r.o.DueDate))
            .OrderBy(i => i.DueDate).ThenBy(i => i.TaskCode, NodeCodeComparer.Instance).ThenBy(i => i.UnitCode, StringComparer.Ordinal)
            .ToList());
    }
}
