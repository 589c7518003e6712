using System.Globalization;

namespace ChiSo.Units;

/// <summary>
/// Builds a unit's materialised <see cref="Unit.Path"/> and <see cref="Unit.Level"/> from its parent's. Pure: the
/// caller (<see cref="Data.UnitPathMaintenance"/>) hands it tracked units whose parents are loaded.
/// </summary>
public static class UnitPaths
{
    /// <summary>Room for 30 levels of ten-digit ids; real trees are three deep (province, district, commune).</summary>
    public const int MaxLength = 400;

    public static string Root(int id) => string.Create(CultureInfo.InvariantCulture, $"/{id}/");

    public static string Child(string parentPath, int id) => string.Create(CultureInfo.InvariantCulture, $"{parentPath}{id}/");

    /// <summary>
    /// Sets the path and level of every unit in <paramref name="units"/> from its parent, parents first when they are in
    /// the set too; a parent outside the set is taken as it is. <paramref name="find"/> returns a loaded unit by id.
    /// </summary>
    /// <exception cref="InvalidOperationException">A unit would sit under itself, or its parent is not loaded.</exception>
    public static void Recompute(IReadOnlyCollection<Unit> units, Func<int, Unit?> find)
    {
        var todo = new HashSet<Unit>(units, ReferenceEqualityComparer.Instance);
        var busy = new HashSet<Unit>(ReferenceEqualityComparer.Instance);
        foreach (var unit in units)
        {
            Compute(unit, todo, busy, find);
        }
    }

    private static void Compute(Unit unit, HashSet<Unit> todo, HashSet<Unit> busy, Func<int, Unit?> find)
    {
        if (!todo.Contains(unit))
        {
            return;
        }

        if (!busy.Add(unit))
        {
            throw new InvalidOperationException($"Unit {unit.Id} ({unit.Code}) would be under itself: its parents form a loop.");
        }

        if (unit.ParentId is not { } parentId)
        {
            unit.Path = Root(unit.Id);
            unit.Level = 0;
        }
        else
        {
            var parent = find(parentId) ?? throw new InvalidOperationException($"The parent {parentId} of unit {unit.Id} is not loaded.");
            Compute(parent, todo, busy, find);
            unit.Path = Child(parent.Path, unit.Id);
            unit.Level = parent.Level + 1;
        }

        busy.Remove(unit);
        todo.Remove(unit);
    }
}
