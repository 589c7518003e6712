using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>A membership as pages list it.</summary>
public sealed record MembershipSummary(int Id, string UserId, int UnitId, string UnitName, UnitKind UnitKind, string Role, int? PlanId,
    DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A unit an admin can grant a membership for.</summary>
public sealed record AssignableUnit(int Id, string Code, string Name, UnitKind Kind);

/// <summary>
/// Grants and revokes per-unit roles. Each change is one unit of work with its audit row, so there is no
/// membership without a record of who granted it.
/// </summary>
public sealed class UnitMemberships(UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    private ChiSoDbContext Db => work.Db;

    public async Task<IReadOnlyList<MembershipSummary>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await Query(Db.UnitMemberships.Where(m => m.UserId == userId)).ToListAsync(cancellationToken);

    /// <summary>Every membership, grouped by user: the accounts page shows them all without a query per user.</summary>
    public async Task<ILookup<string, MembershipSummary>> ListAllAsync(CancellationToken cancellationToken = default) =>
        (await Query(Db.UnitMemberships).ToListAsync(cancellationToken)).ToLookup(m => m.UserId, StringComparer.Ordinal);

    /// <summary>The province (for coordinators) and its departments and communes valid today, in that order.</summary>
    public async Task<IReadOnlyList<AssignableUnit>> AssignableUnitsAsync(string provinceCode, CancellationToken cancellationToken = default)
    {
        var today = clock.VietNamToday();
        var provinces = await Db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.Code == provinceCode).ToListAsync(cancellationToken);
        var province = provinces.FirstOrDefault(p => p.IsValidOn(today));
        if (province is null)
        {
            return [];
        }

        var members = await Db.Units.AsNoTracking()
            .Where(u => (u.Kind == UnitKind.Department || u.Kind == UnitKind.Commune) && u.ParentId == province.Id)
            .ToListAsync(cancellationToken);
        return members.Where(u => u.IsValidOn(today))
            .OrderBy(u => u.Kind == UnitKind.Department ? 0 : 1)
            .ThenBy(u => u.Name, StringComparer.Create(Text.VietnameseFormat.Culture, ignoreCase: true))
            .Prepend(province)
            .Select(u => new AssignableUnit(u.Id, u.Code, u.FullName, u.Kind))
            .ToList();
    }

    /// <summary>Grants a per-unit role; the membership's id, or why not (nothing saved).</summary>
    public Task<Outcome<int>> GrantAsync(string userId, int unitId, string role, int? planId, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<int>(async ct =>
        {
            var db = work.Db;
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return Problem.NotFound("Không có tài khoản này.", "No such account.");
            }

            if (!UnitRoles.IsKnown(role))
            {
                return Problem.Invalid("unitRole", $"Vai trò theo đơn vị '{role}' không hợp lệ.", $"Unknown unit role '{role}'.");
            }

            if (unitId <= 0)
            {
                return Problem.Required("unitId", "Chọn đơn vị (gõ tên để tìm).", "Choose a unit (type its name to search).");
            }

            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
            if (unit is null)
            {
                return Problem.Invalid("unitId", "Đơn vị đã chọn không có trong danh mục; hãy chọn lại.", "The chosen unit is not in the registry; choose again.");
            }

            if (role == UnitRoles.Coordinator && unit.Kind != UnitKind.Province)
            {
                return Problem.Invalid("unitRole", "Vai trò điều phối chỉ gán cho tỉnh.", "A coordinator membership must be for a province.");
            }

            if (planId is not null)
            {
                if (role != UnitRoles.Coordinator)
                {
                    return Problem.Invalid("planId", "Chỉ vai trò điều phối được giới hạn theo kế hoạch.", "Only a coordinator can be limited to a plan.");
                }

                if (!await db.Plans.AnyAsync(p => p.Id == planId && p.ProvinceId == unitId, ct))
                {
                    return Problem.Invalid("planId", $"Không tìm thấy kế hoạch {planId} của tỉnh này.", $"Unknown plan {planId} for this province.");
                }
            }

            // Checked here as well as by the unique index, which lets through duplicates whose PlanId is NULL.
            if (await db.UnitMemberships.AnyAsync(m => m.UserId == userId && m.UnitId == unitId && m.Role == role && m.PlanId == planId, ct))
            {
                return new Problem(ProblemCodes.Duplicate, $"{user.UserName} đã có vai trò này tại {unit.Name}.",
                    $"{user.UserName} already has this role for {unit.Name}.") { Field = "unitRole" };
            }

            var membership = new UnitMembership
            {
                UserId = userId, UnitId = unitId, Role = role, PlanId = planId, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name,
            };
            db.UnitMemberships.Add(membership);
            // Saved first (inside the unit of work's transaction) so the audit row can name the membership by its id.
            await db.SaveChangesAsync(ct);
            audit.Record(actor, "membership.grant", nameof(UnitMembership), Id(membership),
                newValues: new { user = user.UserName, unit = unit.Code, unitName = unit.Name, role, planId });
            return Outcome.Ok(membership.Id);
        }, cancellationToken);

    /// <summary>Revokes a membership; its id, or not-found when it is already gone.</summary>
    public Task<Outcome<int>> RevokeAsync(int membershipId, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<int>(async ct =>
        {
            var db = work.Db;
            var membership = await db.UnitMemberships.Include(m => m.Unit).SingleOrDefaultAsync(m => m.Id == membershipId, ct);
            if (membership is null)
            {
                return Problem.NotFound("Không có quyền theo đơn vị này (có thể đã bị thu hồi).", "No such membership (it may already be revoked).");
            }

            var userName = await db.Users.Where(u => u.Id == membership.UserId).Select(u => u.UserName).SingleAsync(ct);
            db.UnitMemberships.Remove(membership);
            audit.Record(actor, "membership.revoke", nameof(UnitMembership), Id(membership),
                oldValues: new { user = userName, unit = membership.Unit!.Code, unitName = membership.Unit.Name, membership.Role, membership.PlanId });
            return Outcome.Ok(membershipId);
        }, cancellationToken);

    private static IQueryable<MembershipSummary> Query(IQueryable<UnitMembership> memberships) =>
        memberships.AsNoTracking()
            .OrderBy(m => m.UserId).ThenBy(m => m.Unit!.Name).ThenBy(m => m.Role).ThenBy(m => m.Id)
            .Select(m => new MembershipSummary(m.Id, m.UserId, m.UnitId, m.Unit!.FullName, m.Unit.Kind, m.Role, m.PlanId, m.CreatedAt, m.CreatedBy));

    private static string Id(UnitMembership membership) => membership.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
