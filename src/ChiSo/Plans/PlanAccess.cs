using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>
/// Who may see and change plans (<see cref="PlanRights"/> holds the rules). Pages, the API and their guards ask
/// here rather than checking roles themselves; the answer is computed once per request and then applied to every
/// plan the request touches.
/// </summary>
public sealed class PlanAccess(ChiSoDbContext db)
{
    public async Task<PlanRights> RightsAsync(string? userId, Func<string, bool> isInRole, CancellationToken cancellationToken = default)
    {
        if (isInRole(Roles.Admin) || isInRole(Roles.Coordinator))
        {
            return PlanRights.Everything;
        }

        var leader = isInRole(Roles.Leader);
        if (userId is null)
        {
            return leader ? new PlanRights(false, true, [], [], []) : PlanRights.Nothing;
        }

        var memberships = await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.UnitId, m.Role, m.PlanId }).ToListAsync(cancellationToken);
        var coordinating = memberships.Where(m => m.Role == UnitRoles.Coordinator).ToList();
        return new PlanRights(false, leader,
            coordinating.Where(m => m.PlanId is null).Select(m => m.UnitId),
            coordinating.Where(m => m.PlanId is not null).Select(m => m.PlanId!.Value),
            await ProvincesOfAsync(memberships.Select(m => m.UnitId).Distinct().ToList(), cancellationToken));
    }

    /// <summary>
    /// Null when the user may do it; otherwise why not: a plan that does not exist and one the user may not read
    /// answer alike (not found), so a draft's existence is not given away; a plan the user reads but may not change
    /// is forbidden.
    /// </summary>
    public async Task<Problem?> RefusalAsync(PlanRights rights, int planId, bool toChange, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.ProvinceId, p.Status }).FirstOrDefaultAsync(cancellationToken);
        if (plan is null || !rights.CanRead(plan.ProvinceId, planId, plan.Status))
        {
            return PlanChanges.NotFound();
        }

        return toChange && !rights.CanEdit(plan.ProvinceId, planId) ? Problem.Forbidden() : null;
    }

    /// <summary>
    /// The provinces the units belong to (a department's parent; a commune's, or before July 2025 its district's),
    /// with the provinces merged into them in 2025, whose plans the merged province inherited.
    /// </summary>
    private async Task<IReadOnlyList<int>> ProvincesOfAsync(List<int> unitIds, CancellationToken cancellationToken)
    {
        // The provinces on the units' materialised paths (a unit's own path starts with each ancestor's): one query
        // whatever the depth, where climbing the parents took one query per level on every request.
        HashSet<int> provinces = unitIds.Count == 0 ? [] : (await (from u in db.Units.AsNoTracking()
                                                          where unitIds.Contains(u.Id)
                                                          from p in db.Units
                                                          where p.Kind == UnitKind.Province && p.Path != "" && u.Path.StartsWith(p.Path)
                                                          select p.Id).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        if (provinces.Count > 0)
        {
            var found = provinces.ToList();
            provinces.UnionWith(await db.UnitPredecessors.AsNoTracking().Where(p => found.Contains(p.UnitId)).Select(p => p.PredecessorId).ToListAsync(cancellationToken));
        }

        return provinces.ToList();
    }
}
