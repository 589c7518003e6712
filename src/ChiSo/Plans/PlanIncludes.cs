using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>What a whole plan is, for the one read path (<see cref="PlanQueries"/>) and the one write path (<see cref="PlanChanges"/>).</summary>
public static class PlanIncludes
{
    /// <summary>The plan with its province, groups, tasks, their assignments and node links, in split queries.</summary>
    public static IQueryable<Plan> Whole(this IQueryable<Plan> plans) =>
        plans
            .Include(p => p.Province)
            .Include(p => p.Groups)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments)
            .Include(p => p.Tasks).ThenInclude(t => t.Nodes)
            .AsSplitQuery();
}
