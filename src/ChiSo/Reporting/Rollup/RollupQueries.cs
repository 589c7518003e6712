using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Reports;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// The one read path of a period's consolidated figures: the dashboard, the consolidated report and the follow-up
/// letter, the API and the public site all read them here. Coordinators of the plan and leaders read it whole; anyone
/// else who may read the plan is refused (a unit sees its own reports on its to-do list), anyone who may not is told
/// it does not exist. A handful of queries whatever the plan's size: the plan, the period, its tasks and groups, the period's
/// obligations with their reports grouped per task and per unit (<see cref="ObligationFacts"/>), its leads, its units, and the
/// districts above them.
/// </summary>
public sealed class RollupQueries(ChiSoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<PeriodRollup>> ReadAsync(PlanRights rights, int planId, string periodId, CancellationToken cancellationToken = default) =>
        await RollupReads.RefusalAsync(db, rights, planId, cancellationToken) is { } refusal ? refusal : await ComputeAsync(planId, periodId, cancellationToken);

    /// <summary>
    /// The roll-up of an issued plan for the public site, without a caller: only plans in force (issued, or issued and
    /// being amended) are published. The caller shows only what is public (no unit's report text is in a roll-up).
    /// </summary>
    public async Task<Outcome<PeriodRollup>> ReadPublishedAsync(int planId, string periodId, CancellationToken cancellationToken = default)
    {
        var status = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => (PlanStatus?)p.Status).SingleOrDefaultAsync(cancellationToken);
        return status is PlanStatus.Issued or PlanStatus.Amending
            ? await ComputeAsync(planId, periodId, cancellationToken)
            : Problem.NotFound($"Không có kế hoạch {planId}.", $"No plan {planId}.");
    }

    private async Task<Outcome<PeriodRollup>> ComputeAsync(int planId, string periodId, CancellationToken cancellationToken)
    {
        if (await RollupReads.PeriodAsync(db, planId, periodId, cancellationToken) is not { } period)
        {
            return RollupReads.NoPeriod(planId, periodId);
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Tasks).Include(p => p.Groups).AsSplitQuery()
            .SingleAsync(p => p.Id == planId, cancellationToken);
        var inPeriod = from o in db.Set<Obligation>().AsNoTracking()
                       from r in db.Set<UnitReport>().Where(r => r.ObligationId == o.Id).DefaultIfEmpty()
                       where o.PlanId == planId && o.PeriodId == period.Id && o.State == ObligationState.Open && o.TaskId != null
                       select new
                       {
                           TaskId = o.TaskId!.Value, o.UnitId, o.Role, o.DueDate, State = (ReportState?)r.State, r.TaskStatus, Submitted = r.SubmittedAt != null,
                           Late = (bool?)r.Late, r.AchievedValue,
                       };
        // The obligations grouped by what the rules read (ObligationFacts): a few rows per task and per unit, judged once
        // each, instead of every obligation (135,030 for 4,500 units × 30 tasks) shipped and judged one by one.
        var taskGroups = await inPeriod.GroupBy(x => new { x.TaskId, x.Role, x.DueDate, x.State, x.TaskStatus, x.Submitted, x.Late })
            .Select(g => new { g.Key.TaskId, g.Key.Role, g.Key.DueDate, g.Key.State, g.Key.TaskStatus, g.Key.Submitted, g.Key.Late, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var unitGroups = await inPeriod.GroupBy(x => new { x.UnitId, x.DueDate, x.State, x.TaskStatus, x.Submitted, x.Late })
            .Select(g => new { g.Key.UnitId, g.Key.DueDate, g.Key.State, g.Key.TaskStatus, g.Key.Submitted, g.Key.Late, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // The leads one by one: their names head the task, and a single lead's figure is the task's achieved value.
        var leads = await inPeriod.Where(x => x.Role == AssignmentRole.Lead).Select(x => new { x.TaskId, x.UnitId, x.AchievedValue, x.State })
            .ToListAsync(cancellationToken);
        var unitIds = unitGroups.Select(g => g.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path)).ToDictionaryAsync(u => u.Id, cancellationToken);

        var today = clock.VietNamToday();
        var judgedTasks = taskGroups
            .Select(g => (g.TaskId, g.Role, Judged: (ObligationFacts.Judge(g.State, g.TaskStatus, g.Submitted, g.Late, g.DueDate, today), g.Count)))
            .ToLookup(g => g.TaskId);
        var leadNames = leads.ToLookup(l => l.TaskId, l => units[l.UnitId].Name);
        var leadValues = leads.Where(l => l.State is ReportState.Submitted or ReportState.Approved or ReportState.Accepted).ToLookup(l => l.TaskId, l => l.AchievedValue);
        var tasks = plan.Tasks
            .Where(t => judgedTasks.Contains(t.Id) || (plan.Status == PlanStatus.Issued && ListsPeriod(t, period.Key)))
            .OrderBy(t => t.Order).ThenBy(t => t.Code, NodeCodeComparer.Instance)
            .Select(t => TaskOf(t, [.. judgedTasks[t.Id].Select(g => (g.Role, g.Judged))], leadNames[t.Id],
                leadNames[t.Id].Count() == 1 ? leadValues[t.Id].FirstOrDefault() : null, period.DataTo, today))
            .ToList();

        var dimensions = plan.Groups.OrderBy(g => g.Order).Select(g => (Id: (int?)g.Id, g.Code, g.Title))
            .Append((Id: null, Code: "", Title: "Nhiệm vụ khác"))
            .Select(g => (g, Tasks: tasks.Where(t => t.GroupId == g.Id).ToList()))
            .Where(d => d.Tasks.Count > 0)
            .Select(d => new DimensionRollup(d.g.Id, d.g.Code, d.g.Title, [.. d.Tasks.Select(t => t.Code)], StatusCounts.Of(d.Tasks.Select(t => t.Status)),
                UnitTally.Sum(d.Tasks.Select(t => t.Units))))
            .ToList();

        var judgedUnits = unitGroups
            .Select(g => (g.UnitId, Judged: (ObligationFacts.Judge(g.State, g.TaskStatus, g.Submitted, g.Late, g.DueDate, today), g.Count)))
            .ToLookup(g => g.UnitId, g => g.Judged);
        var unitRollups = units.Values
            .Select(u => new UnitRollup(u.Id, u.Code, u.Name, u.Kind, u.ParentId, UnitTally.Of(judgedUnits[u.Id])))
            .OrderBy(u => LevelOf(u.Kind)).ThenBy(u => u.Name, VietnameseText.Comparer).ToList();
        var levels = unitRollups.GroupBy(u => LevelOf(u.Kind)).OrderBy(g => g.Key)
            .Select(g => new LevelRollup(g.Key, g.Count(), UnitTally.Sum(g.Select(u => u.Reports)))).ToList();
        var areas = await AreasAsync(units.Values, unitRollups, cancellationToken);

        return Outcome.Ok(new PeriodRollup(plan.Id, PlanName(plan), plan.Title, plan.Status, period.Period, period.DataFrom, period.DataTo, period.UnitDue,
            period.ConsolidatedDue, today, StatusCounts.Of(tasks.Select(t => t.Status)), UnitTally.Sum(unitRollups.Select(u => u.Reports)), tasks, dimensions,
            unitRollups, levels, areas));
    }

    /// <summary>"15/KH-UBND", or the symbol alone while the plan has no number.</summary>
    public static string PlanName(Plan plan) => string.IsNullOrEmpty(plan.Number) ? plan.Symbol : $"{plan.Number}/{plan.Symbol}";

    private static bool ListsPeriod(PlanTask task, string key) =>
        task.ReportingPeriods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(key, StringComparer.Ordinal);

    private static TaskRollup TaskOf(PlanTask task, IReadOnlyList<(AssignmentRole Role, (Judgement Judgement, int Count) Group)> groups, IEnumerable<string> leadNames,
        decimal? leadValue, DateOnly periodEnd, DateOnly today)
    {
        List<(Judgement, int)> Of(Func<AssignmentRole, bool> role) => [.. groups.Where(g => role(g.Role)).Select(g => g.Group)];
        var lead = Of(r => r == AssignmentRole.Lead);
        var executing = Of(r => r == AssignmentRole.Executing);
        var carrying = Of(r => r != AssignmentRole.Partner);
        var deadline = task.TimeframeDue ?? task.TimeframeTo;
        var ongoing = task.TimeframeKind is "Ongoing" or "Periodic";
        var status = TaskStanding.StatusOf([.. lead.Select(g => g.Item1)], [.. executing.Select(g => g.Item1)], deadline, ongoing, today);
        var executingTally = executing.Count > 0 ? UnitTally.Of(executing) : null;
        var carryingTally = UnitTally.Of(carrying);
        return new TaskRollup(task.Id, task.Code, task.Content, task.GroupId, task.TargetText, task.TimeframeText, deadline, status,
            [.. leadNames.Order(VietnameseText.Comparer)], carryingTally, executingTally, UnitTally.Of(Of(r => r == AssignmentRole.Partner)),
            TargetResult.Check(task, executingTally ?? carryingTally, leadValue, periodEnd, deadline));
    }

    internal static UnitLevel LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.Commune => UnitLevel.Commune,
        UnitKind.District => UnitLevel.District,
        _ => UnitLevel.Province,
    };

    // The districts (where they existed) above the period's units, each with what the units under it owe; communes
    // after the 2025 reform sit directly under the province and roll up to it alone.
    private async Task<IReadOnlyList<AreaRollup>> AreasAsync(IEnumerable<UnitInfo> units, IReadOnlyList<UnitRollup> rollups, CancellationToken cancellationToken)
    {
        var ancestorsOf = units.ToDictionary(u => u.Id, u => u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList());
        var ancestorIds = ancestorsOf.Values.SelectMany(a => a).Distinct().ToList();
        var districts = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id) && u.Kind == UnitKind.District)
            .Select(u => new { u.Id, u.Code, u.Name, u.Kind }).ToListAsync(cancellationToken);
        var under = districts.ToDictionary(d => d.Id, _ => new List<UnitTally>());
        foreach (var unit in rollups)
        {
            foreach (var id in ancestorsOf[unit.UnitId])
            {
                under.GetValueOrDefault(id)?.Add(unit.Reports);
            }
        }

        return districts
            .Select(d => new AreaRollup(d.Id, d.Code, d.Name, d.Kind, under[d.Id].Count, UnitTally.Sum(under[d.Id])))
            .OrderBy(a => a.Name, VietnameseText.Comparer).ToList();
    }

    private sealed record UnitInfo(int Id, string Code, string Name, UnitKind Kind, int? ParentId, string Path);
}
