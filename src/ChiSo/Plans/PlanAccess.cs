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
        var provinces = new HashSet<int>();
        for (var level = 0; unitIds.Count > 0 && level < 4; level++)
        {
            var ids = unitIds;
            var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Kind, u.ParentId }).ToListAsync(cancellationToken);
            provinces.UnionWith(units.Where(u => u.Kind == UnitKind.Province).Select(u => u.Id));
            unitIds = units.Where(u => u.Kind != UnitKind.Province && u.ParentId is not null).Select(u => u.ParentId!.Value).Distinct().ToList();
        }

        if (provinces.Count > 0)
        {
            var found = provinces.ToList();
            provinces.UnionWith(await db.UnitPredecessors.AsNoTracking().Where(p => found.Contains(p.UnitId)).Select(p => p.PredecessorId).ToListAsync(cancellationToken));
        }

        return provinces.ToList();
    }
}
