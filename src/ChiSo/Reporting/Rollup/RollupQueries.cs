using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// The one read path of a period's consolidated figures: the dashboard, the consolidated report and the follow-up
/// letter, the API and the public site all read them here. Coordinators of the plan and leaders read it whole; anyone
/// else who may read the plan is refused (a unit sees its own reports on its to-do list), anyone who may not is told
/// it does not exist. Five queries whatever the plan's size: the plan, the period, its tasks, the period's obligations
/// with their reports, and the districts above the units.
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
        var rows = await RollupReads.Rows(db, planId, period.Id).ToListAsync(cancellationToken);
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path)).ToDictionaryAsync(u => u.Id, cancellationToken);

        var today = clock.VietNamToday();
        var facts = rows.Select(r => ObligationFacts.Of(r, today)).ToList();
        var byTask = facts.ToLookup(f => f.Row.TaskId);
        var tasks = plan.Tasks
            .Where(t => byTask.Contains(t.Id) || (plan.Status == PlanStatus.Issued && ListsPeriod(t, period.Key)))
            .OrderBy(t => t.Order).ThenBy(t => t.Code, NodeCodeComparer.Instance)
            .Select(t => TaskOf(t, [.. byTask[t.Id]], units, period.DataTo, today))
            .ToList();
        var statusOf = tasks.ToDictionary(t => t.TaskId, t => t.Status);

        var dimensions = plan.Groups.OrderBy(g => g.Order).Select(g => (Id: (int?)g.Id, g.Code, g.Title))
            .Append((Id: null, Code: "", Title: "Nhiệm vụ khác"))
            .Select(g => (g, Tasks: tasks.Where(t => t.GroupId == g.Id).ToList()))
            .Where(d => d.Tasks.Count > 0)
            .Select(d => new DimensionRollup(d.g.Id, d.g.Code, d.g.Title, [.. d.Tasks.Select(t => t.Code)], StatusCounts.Of(d.Tasks.Select(t => t.Status)),
                UnitTally.Sum(d.Tasks.Select(t => t.Units))))
            .ToList();

        var byUnit = facts.ToLookup(f => f.Row.UnitId);
        var unitRollups = units.Values
            .Select(u => new UnitRollup(u.Id, u.Code, u.Name, u.Kind, u.ParentId, UnitTally.Of(byUnit[u.Id])))
            .OrderBy(u => LevelOf(u.Kind)).ThenBy(u => u.Name, VietnameseText.Comparer).ToList();
        var levels = unitRollups.GroupBy(u => LevelOf(u.Kind)).OrderBy(g => g.Key)
            .Select(g => new LevelRollup(g.Key, g.Count(), UnitTally.Sum(g.Select(u => u.Reports)))).ToList();
        var areas = await AreasAsync(units.Values, unitRollups, cancellationToken);

        return Outcome.Ok(new PeriodRollup(plan.Id, PlanName(plan), plan.Title, plan.Status, period.Period, period.DataFrom, period.DataTo, period.UnitDue,
            period.ConsolidatedDue, today, StatusCounts.Of(tasks.Select(t => t.Status)), UnitTally.Of(facts), tasks, dimensions, unitRollups, levels, areas));
    }

    /// <summary>"15/KH-UBND", or the symbol alone while the plan has no number.</summary>
    public static string PlanName(Plan plan) => string.IsNullOrEmpty(plan.Number) ? plan.Symbol : $"{plan.Number}/{plan.Symbol}";

    private static bool ListsPeriod(PlanTask task, string key) =>
        task.ReportingPeriods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(key, StringComparer.Ordinal);

    private static TaskRollup TaskOf(PlanTask task, IReadOnlyList<ObligationFacts> facts, IReadOnlyDictionary<int, UnitInfo> units, DateOnly periodEnd, DateOnly today)
    {
        var carrying = facts.Where(f => f.Row.Role != AssignmentRole.Partner).ToList();
        var lead = facts.Where(f => f.Row.Role == AssignmentRole.Lead).ToList();
        var executing = facts.Where(f => f.Row.Role == AssignmentRole.Executing).ToList();
        var deadline = task.TimeframeDue ?? task.TimeframeTo;
        var ongoing = task.TimeframeKind is "Ongoing" or "Periodic";
        var status = TaskStanding.StatusOf(lead, executing, deadline, ongoing, today);
        var reportedLead = lead.Count == 1 && lead[0].Standing == Standing.Reported ? lead[0].Row : null;
        var members = executing.Count > 0 ? executing : carrying;
        return new TaskRollup(task.Id, task.Code, task.Content, task.GroupId, task.TargetText, task.TimeframeText, deadline, status,
            [.. lead.Select(f => units[f.Row.UnitId].Name).Order(VietnameseText.Comparer)],
            UnitTally.Of(carrying), executing.Count > 0 ? UnitTally.Of(executing) : null, UnitTally.Of(facts.Where(f => f.Row.Role == AssignmentRole.Partner)),
            TargetResult.Check(task, members, reportedLead?.AchievedValue, periodEnd, deadline));
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
