namespace ChiSo.Units;

/// <summary>Query pieces shared by every feature that works within one province.</summary>
public static class UnitQueries
{
    /// <summary>
    /// The units under a province: its departments and communes (parent = province) and, before 2025, the communes
    /// under its districts (grandparent = province). Validity dates are the caller's to apply.
    /// </summary>
    public static IQueryable<Unit> InProvince(this IQueryable<Unit> units, int provinceId) =>
        units.Where(u => u.ParentId == provinceId || u.Parent!.ParentId == provinceId);
}
