using ChiSo.Accounts;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>
/// Who may change a plan. Admins and coordinators (account role) may change every plan; a user whose coordinator
/// role is a unit membership may change the plans of that province, or only the one plan the membership names.
/// Everyone else reads. Pages and handlers ask here rather than checking roles themselves.
/// </summary>
public sealed class PlanAccess(ChiSoDbContext db)
{
    /// <param name="planId">Null when asking whether the user may start a new plan in the province.</param>
    public async Task<bool> CanEditAsync(string? userId, Func<string, bool> isInRole, int provinceId, int? planId, CancellationToken cancellationToken = default)
    {
        if (isInRole(Roles.Admin) || isInRole(Roles.Coordinator))
        {
            return true;
        }

        if (userId is null)
        {
            return false;
        }

        return await db.UnitMemberships.AsNoTracking().AnyAsync(m =>
            m.UserId == userId && m.Role == UnitRoles.Coordinator && m.UnitId == provinceId && (m.PlanId == null || m.PlanId == planId), cancellationToken);
    }

    /// <summary>
    /// Whether the plan exists (null when not) and the user may change it: one small query for the plan's province,
    /// so guards do not load the whole plan that the handler loads again.
    /// </summary>
    public async Task<bool?> CanEditPlanAsync(string? userId, Func<string, bool> isInRole, int planId, CancellationToken cancellationToken = default)
    {
        var provinceId = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => (int?)p.ProvinceId).FirstOrDefaultAsync(cancellationToken);
        return provinceId is null ? null : await CanEditAsync(userId, isInRole, provinceId.Value, planId, cancellationToken);
    }

    /// <summary>Whether the user coordinates anything at all (to show the authoring forms).</summary>
    public async Task<bool> CoordinatesAnyAsync(string? userId, Func<string, bool> isInRole, CancellationToken cancellationToken = default) =>
        isInRole(Roles.Admin) || isInRole(Roles.Coordinator)
        || (userId is not null && await db.UnitMemberships.AsNoTracking().AnyAsync(m => m.UserId == userId && m.Role == UnitRoles.Coordinator, cancellationToken));
}
