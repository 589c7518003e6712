using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Periods;

/// <summary>
/// A plan's reporting periods as records. Issuing writes them: every period a task of the plan reports in (the
/// task's timeframe decides which, <see cref="Plans.Timeframes.ReportingPeriods"/>), or the usual four of each plan
/// year when no task names one, each with the default window and due dates (<see cref="ReportingDeadlines"/>).
/// Issuing an amendment adds the periods its tasks newly need and keeps the others as they were (edited dates too).
/// </summary>
public sealed class PlanPeriods(ChiSoDbContext db, CalendarService calendar)
{
    /// <summary>
    /// The periods of a plan <paramref name="rights"/> may read: the records once it is issued; for a draft, the ones
    /// issuing would write (<c>Stored</c> false). A plan the caller may not read is "not found", as one that does not exist.
    /// </summary>
    public async Task<Outcome<PlanPeriodsView>> ReadAsync(PlanRights rights, int planId, CancellationToken cancellationToken = default)
    {
        var head = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.ProvinceId, p.Status }).SingleOrDefaultAsync(cancellationToken);
        if (head is null || !rights.CanRead(head.ProvinceId, planId, head.Status))
        {
            return Problem.NotFound($"Không có kế hoạch {planId}.", $"No plan {planId}.");
        }

        var stored = await ListAsync(planId, cancellationToken);
        if (stored.Count > 0 || head.Status != PlanStatus.Draft)
        {
            return Outcome.Ok(new PlanPeriodsView(planId, true, stored));
        }

        // Only a draft's preview needs the tasks (their timeframes decide the periods issuing will write).
        var plan = await db.Plans.AsNoTracking().Include(p => p.Tasks).SingleAsync(p => p.Id == planId, cancellationToken);
        var days = await calendar.CalendarAsync(cancellationToken);
        return Outcome.Ok(new PlanPeriodsView(planId, false, Needed(plan).Select(p => ReportingDeadlines.Default(planId, p, days)).ToList()));
    }

    /// <summary>The plan's periods in the order they end (quarter III before the 9-month report).</summary>
    public async Task<IReadOnlyList<PlanReportingPeriod>> ListAsync(int planId, CancellationToken cancellationToken = default) =>
        (await db.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(cancellationToken))
        .OrderBy(p => p.Period).ToList();

    /// <summary>
    /// Stages the periods <paramref name="plan"/> needs and does not have yet; part of the caller's unit of work (the
    /// issuing), whose audit row it adds to. Returns the ids of the periods added.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddMissingAsync(Plan plan, CancellationToken cancellationToken)
    {
        var needed = Needed(plan);
        var existing = await db.Set<PlanReportingPeriod>().Where(p => p.PlanId == plan.Id).Select(p => p.Key).ToListAsync(cancellationToken);
        var missing = needed.Where(p => !existing.Contains(p.Id, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        var days = await calendar.CalendarAsync(cancellationToken);
        db.Set<PlanReportingPeriod>().AddRange(missing.Select(p => ReportingDeadlines.Default(plan.Id, p, days)));
        return missing.Select(p => p.Id).ToList();
    }

    /// <summary>The periods a plan's tasks report in, or the usual four of each plan year when none names one.</summary>
    public static IReadOnlyList<ReportingPeriod> Needed(Plan plan)
    {
        var fromTasks = plan.Tasks
            .SelectMany(t => t.ReportingPeriods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(code => ReportingPeriod.TryParse(code, out var p) ? p : (ReportingPeriod?)null)
            .OfType<ReportingPeriod>()
            .ToHashSet();
        if (fromTasks.Count == 0)
        {
            for (var year = plan.FromYear; year <= plan.ToYear; year++)
            {
                fromTasks.UnionWith(ReportingPeriod.Usual(year));
            }
        }

        return fromTasks.Order().ToList();
    }
}

/// <summary>A plan's periods; <paramref name="Stored"/> false for a draft's preview of what issuing will write.</summary>
public sealed record PlanPeriodsView(int PlanId, bool Stored, IReadOnlyList<PlanReportingPeriod> Periods);
