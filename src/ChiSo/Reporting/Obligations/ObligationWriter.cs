using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Obligations;

/// <summary>What issuing did to a plan's obligations.</summary>
public sealed record ObligationChanges(int Added, int Closed, int Reopened, int Open);

/// <summary>
/// Writes a plan's obligations when it is issued: for each task and each period it reports in, every unit that owes it
/// at the end of that period (<see cref="TaskOwners"/>: a unit named directly or its successor, the members of a group
/// at that date — "UBND các xã, phường" are the communes that exist then). An amendment adds what is newly owed, keeps
/// what still is (due dates edited since stay), and closes what no longer is; nothing is ever deleted, so a report
/// already filed keeps its obligation. Part of the issuing's unit of work (its transaction: new obligations are written
/// at once, in bulk).
/// </summary>
public sealed class ObligationWriter(ChiSoDbContext db, TaskOwners taskOwners, TimeProvider clock)
{
    public async Task<ObligationChanges> WriteAsync(Plan plan, CancellationToken cancellationToken)
    {
        var periods = await db.Set<PlanReportingPeriod>().Where(p => p.PlanId == plan.Id).ToListAsync(cancellationToken);
        var byKey = periods.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var wanted = new Dictionary<(int PeriodId, int UnitId, int TaskId), (AssignmentRole Role, PlanReportingPeriod Period, string TaskCode)>();
        // One registry read per period end (a plan has a handful), not one per task and period.
        var ownersAt = new Dictionary<DateOnly, IReadOnlyDictionary<int, IReadOnlyList<TaskOwner>>>();
        foreach (var task in plan.Tasks)
        {
            foreach (var code in task.ReportingPeriods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!byKey.TryGetValue(code, out var period))
                {
                    continue;
                }

                var end = period.Period.End;
                if (!ownersAt.TryGetValue(end, out var owners))
                {
                    ownersAt[end] = owners = await taskOwners.ForPlanAsync(plan, end, cancellationToken);
                }

                foreach (var owner in owners[task.Id])
                {
                    foreach (var unit in owner.Units)
                    {
                        var key = (period.Id, unit.Id, task.Id);
                        // The lead's duty includes a partner's: one obligation per unit and task, in its strongest role.
                        if (!wanted.TryGetValue(key, out var known) || owner.Role < known.Role)
                        {
                            wanted[key] = (owner.Role, period, task.Code);
                        }
                    }
                }
            }
        }

        var now = clock.GetUtcNow();
        int closed = 0, reopened = 0;
        var all = await db.Set<Obligation>().Where(o => o.PlanId == plan.Id).ToListAsync(cancellationToken);
        foreach (var existing in all)
        {
            var key = (existing.PeriodId, existing.UnitId, existing.TaskId ?? 0);
            if (existing.TaskId is not null && wanted.Remove(key, out var still))
            {
                existing.Role = still.Role;
                existing.TaskCode = still.TaskCode;
                if (existing.State == ObligationState.Closed)
                {
                    (existing.State, existing.ClosedAt) = (ObligationState.Open, null);
                    reopened++;
                }
            }
            else if (existing.State == ObligationState.Open)
            {
                (existing.State, existing.ClosedAt) = (ObligationState.Closed, now);
                closed++;
            }
        }

        // The new ones in bulk, untracked (ObligationRowsWriter); the few existing ones an amendment changes stay tracked.
        await ObligationRowsWriter.WriteAsync(db, [.. wanted.Select(w => new Obligation
        {
            PlanId = plan.Id,
            PeriodId = w.Key.PeriodId,
            TaskId = w.Key.TaskId,
            TaskCode = w.Value.TaskCode,
            UnitId = w.Key.UnitId,
            Role = w.Value.Role,
            DueDate = w.Value.Period.UnitDue,
            State = ObligationState.Open,
            CreatedAt = now,
        })], cancellationToken);
        var open = all.Count(o => o.State == ObligationState.Open) + wanted.Count;
        return new ObligationChanges(wanted.Count, closed, reopened, open);
    }
}
