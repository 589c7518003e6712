using ChiSo.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChiSo.Data;

/// <summary>
/// Keeps <see cref="Unit.Path"/> and <see cref="Unit.Level"/> right for every writer (seeders, imports, tests) in one
/// place, <see cref="ChiSoDbContext"/>'s save, instead of in each writer.
/// <para>
/// A path holds the unit's own id, which a new unit gets only from its insert. So a save that adds or re-parents units
/// runs in two passes inside one transaction (the caller's, or one of its own): the first writes the rows (new ones
/// with an empty path), the second writes the paths. Nobody else sees the empty path: the transaction commits both
/// passes or neither. The alternative, reserving ids ahead (PostgreSQL sequences, SQLite's max + 1), differs per
/// database and races with concurrent writers; the extra UPDATE costs one statement per unit, and units change rarely
/// (the reference data, an organisation import). A re-parented unit moves its whole subtree: its descendants are
/// found by its old path, which the database still holds until the second pass.
/// </para>
/// </summary>
internal static class UnitPathMaintenance
{
    /// <summary>The units of this save that need a path: the added and those whose parent changed.</summary>
    public static List<Unit> Pending(ChiSoDbContext db) =>
        db.ChangeTracker.Entries<Unit>().Where(NeedsPath).Select(e => e.Entity).ToList();

    private static bool NeedsPath(EntityEntry<Unit> entry) => entry.State switch
    {
        EntityState.Added => true,
        EntityState.Modified => entry.Property(u => u.ParentId) is { IsModified: true } parent && parent.OriginalValue != parent.CurrentValue,
        _ => false,
    };

    /// <summary>After the first pass: loads what the paths depend on and sets them (the caller saves again).</summary>
    public static async Task ApplyAsync(ChiSoDbContext db, List<Unit> pending, CancellationToken cancellationToken)
    {
        foreach (var oldPath in OldPaths(pending))
        {
            await db.Units.Where(u => u.Path.StartsWith(oldPath)).LoadAsync(cancellationToken);
        }

        var units = WithDescendants(db, pending);
        var missing = MissingParents(db, units);
        if (missing.Count > 0)
        {
            await db.Units.Where(u => missing.Contains(u.Id)).LoadAsync(cancellationToken);
        }

        var local = db.Units.Local;
        UnitPaths.Recompute(units, id => local.FindEntry(id)?.Entity);
    }

    /// <summary>The same for the synchronous <c>SaveChanges</c>.</summary>
    public static void Apply(ChiSoDbContext db, List<Unit> pending)
    {
        foreach (var oldPath in OldPaths(pending))
        {
            db.Units.Where(u => u.Path.StartsWith(oldPath)).Load();
        }

        var units = WithDescendants(db, pending);
        var missing = MissingParents(db, units);
        if (missing.Count > 0)
        {
            db.Units.Where(u => missing.Contains(u.Id)).Load();
        }

        var local = db.Units.Local;
        UnitPaths.Recompute(units, id => local.FindEntry(id)?.Entity);
    }

    // A new unit has no path yet and no descendants in the database.
    private static List<string> OldPaths(List<Unit> pending) => pending.Select(u => u.Path).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    // Loaded descendants still carry their old paths in memory (only the pending units' parents changed).
    private static List<Unit> WithDescendants(ChiSoDbContext db, List<Unit> pending)
    {
        var oldPaths = OldPaths(pending);
        var set = new HashSet<Unit>(pending, ReferenceEqualityComparer.Instance);
        foreach (var unit in db.Units.Local)
        {
            if (oldPaths.Any(p => unit.Path.StartsWith(p, StringComparison.Ordinal)))
            {
                set.Add(unit);
            }
        }

        return [.. set];
    }

    // DbSet.Local detects changes in every tracked entity each time it is read: read once, not once per unit (an import
    // of 4,500 units spent a minute here).
    private static List<int> MissingParents(ChiSoDbContext db, List<Unit> units)
    {
        var local = db.Units.Local;
        return units.Where(u => u.ParentId is { } p && local.FindEntry(p) is null).Select(u => u.ParentId!.Value).Distinct().ToList();
    }
}
