using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Units;

/// <summary>A unit formed (partly) from another, and whether it is the one that takes over the other's tasks.</summary>
public sealed record UnitSuccessor(Unit Unit, bool IsMain);

/// <summary>
/// Who stands for a unit after it ended, read from <c>unit_predecessors</c> (successor → predecessor). A department that
/// Decree 45/2025 merged into another hands its tasks to that one; one split between several (Sở Lao động - Thương binh
/// và Xã hội) to the successor flagged as main (Sở Nội vụ). Successions are followed as far as needed, so a task of
/// 2021 is owed at any later date by whoever holds it then.
/// </summary>
public sealed class UnitSuccession(ChiSoDbContext db)
{
    private const int MaxSteps = 8;

    /// <summary>The units formed from <paramref name="unitId"/>, the main one first.</summary>
    public async Task<IReadOnlyList<UnitSuccessor>> SuccessorsAsync(int unitId, CancellationToken cancellationToken = default) =>
        (await SuccessorsAsync([unitId], cancellationToken))[unitId].ToList();

    /// <summary>The successors of each of <paramref name="unitIds"/> (main first); a unit that did not end has none.</summary>
    public async Task<ILookup<int, UnitSuccessor>> SuccessorsAsync(IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken = default)
    {
        var ids = unitIds.Distinct().ToList();
        var links = await db.UnitPredecessors.AsNoTracking().Where(p => ids.Contains(p.PredecessorId)).ToListAsync(cancellationToken);
        var successorIds = links.Select(l => l.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => successorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        return links
            .OrderByDescending(l => l.IsMainSuccessor).ThenBy(l => units[l.UnitId].Name, Text.VietnameseText.Comparer)
            .ToLookup(l => l.PredecessorId, l => new UnitSuccessor(units[l.UnitId], l.IsMainSuccessor || links.Count(o => o.PredecessorId == l.PredecessorId) == 1));
    }

    /// <summary>
    /// The unit that owes what was given to <paramref name="unitId"/> at <paramref name="date"/>: the unit itself while it
    /// is valid, after it ended its main successor valid then (followed through later successions); null when there is
    /// none (a district after 1 July 2025 has no successor body; a date before the unit existed).
    /// </summary>
    public async Task<Unit?> OwnerAtAsync(int unitId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        var seen = new HashSet<int>();
        for (var step = 0; unit is not null && step < MaxSteps && seen.Add(unit.Id); step++)
        {
            if (unit.IsValidOn(date))
            {
                return unit;
            }

            if (unit.ValidTo is not { } to || date <= to)
            {
                return null;
            }

            var successors = await SuccessorsAsync(unit.Id, cancellationToken);
            unit = successors.FirstOrDefault(s => s.IsMain)?.Unit;
        }

        return null;
    }
}
