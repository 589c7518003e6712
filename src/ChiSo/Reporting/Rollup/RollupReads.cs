using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// What every reader of a period's figures shares, so the roll-up, the list behind each of its numbers and the units'
/// lateness history cannot disagree: who may read them, the period of a plan by its id, and the period's open
/// obligations with their reports (the rows <see cref="ObligationFacts"/> judge).
/// </summary>
internal static class RollupReads
{
    /// <summary>
    /// Null when the caller may read the plan's figures: its coordinators and leaders. Anyone else who may read the plan
    /// is refused (a unit sees its own reports on its to-do list); anyone who may not is told it does not exist.
    /// </summary>
    public static async Task<Problem?> RefusalAsync(ChiSoDbContext db, PlanRights rights, int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.ProvinceId, p.Status }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null || !rights.CanRead(plan.ProvinceId, planId, plan.Status))
        {
            return Problem.NotFound($"Không có kế hoạch {planId}.", $"No plan {planId}.");
        }

        return !rights.CanEdit(plan.ProvinceId, planId) && !rights.ReadsAllIssued ? Problem.Forbidden() : null;
    }

    /// <summary>The plan's period by its id (2026-Q1), or null when the id is not a period or the plan has no such period.</summary>
    public static async Task<PlanReportingPeriod?> PeriodAsync(ChiSoDbContext db, int planId, string periodId, CancellationToken cancellationToken) =>
        ReportingPeriod.TryParse(periodId, out var parsed)
            ? await db.Set<PlanReportingPeriod>().AsNoTracking().SingleOrDefaultAsync(p => p.PlanId == planId && p.Key == parsed.Id, cancellationToken)
            : null;

    public static Problem NoPeriod(int planId, string periodId) =>
        Problem.NotFound($"Kế hoạch {planId} không có kỳ báo cáo '{periodId}'.", $"Plan {planId} has no reporting period '{periodId}'.");

    /// <summary>The period's open obligations on the plan's tasks, each with its report if there is one: one query.</summary>
    public static IQueryable<ObligationRow> Rows(ChiSoDbContext db, int planId, int periodId) =>
        from o in db.Set<Obligation>().AsNoTracking()
        from r in db.Set<UnitReport>().Where(r => r.ObligationId == o.Id).DefaultIfEmpty()
        where o.PlanId == planId && o.PeriodId == periodId && o.State == ObligationState.Open && o.TaskId != null
        select new ObligationRow(o.Id, o.TaskId!.Value, o.UnitId, o.Role, o.DueDate, (ReportState?)r.State, r.TaskStatus, r.AchievedValue,
            (DateTimeOffset?)r.SubmittedAt, (bool?)r.Late);
}
