using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>
/// The units a user acts for, from their memberships. Features filter by it (a focal point sees their units' tasks).
/// A province membership adds only the province itself, not its departments and communes: a coordinator's reach
/// over the province comes from their role, and widening it here would let a focal point of a province see every unit.
/// </summary>
public sealed class UnitScope(ChiSoDbContext db)
{
    public async Task<IReadOnlySet<int>> UnitIdsAsync(string userId, CancellationToken cancellationToken = default)
    {
        var ids = await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.UnitId).Distinct().ToListAsync(cancellationToken);
        return ids.ToHashSet();
    }
}
