namespace ChiSo.Units;

/// <summary>Query pieces shared by every feature that works within one province.</summary>
public static class UnitQueries
{
    /// <summary>
    /// The units under a province: its departments and communes (parent = province) and, before 2025, the communes
    /// under its districts (grandparent = province). Validity dates are the caller's to apply. A province is a root
    /// unit (level 0), so its path is known from its id and the query is one indexed prefix match.
    /// </summary>
    public static IQueryable<Unit> InProvince(this IQueryable<Unit> units, int provinceId) =>
        units.UnderPath(UnitPaths.Root(provinceId), 0, maxDepth: 2);

    /// <summary>Every unit below <paramref name="ancestor"/>, at any depth, without the ancestor itself.</summary>
    public static IQueryable<Unit> Under(this IQueryable<Unit> units, Unit ancestor) =>
        units.UnderPath(PathOf(ancestor), ancestor.Level, maxDepth: null);

    /// <summary>The units at most <paramref name="depth"/> levels below <paramref name="ancestor"/> (1: its children).</summary>
    public static IQueryable<Unit> Under(this IQueryable<Unit> units, Unit ancestor, int depth) =>
        units.UnderPath(PathOf(ancestor), ancestor.Level, depth);

    private static IQueryable<Unit> UnderPath(this IQueryable<Unit> units, string path, int level, int? maxDepth)
    {
        // Level > ancestor's level leaves the ancestor out and keeps the prefix match an index range (no Path <> @path).
        var under = units.Where(u => u.Path.StartsWith(path) && u.Level > level);
        if (maxDepth is not { } depth)
        {
            return under;
        }

        var deepest = level + depth;
        return under.Where(u => u.Level <= deepest);
    }

    private static string PathOf(Unit ancestor) =>
        ancestor.Path.Length > 0
            ? ancestor.Path
            : throw new ArgumentException($"Unit {ancestor.Id} has no path yet: save it (or load it from the database) first.", nameof(ancestor));
}
