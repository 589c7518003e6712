using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Units;

/// <summary>
/// Built-in rule groups used in assignments ("UBND cấp xã" = every commune People's Committee of the province;
/// "Các Sở, ban, ngành" = every department). A group resolves to its members at a date, so a task assigned in
/// 2024 to "all communes" means the communes of 2024, and one assigned after the 2025 reorganisation the new ones.
/// </summary>
public sealed class UnitGroups(ChiSoDbContext db)
{
    public const string AllCommunes = "all-communes";
    public const string AllDepartments = "all-departments";

    public static IReadOnlyList<(string Id, string NameVi, string NameEn)> BuiltIn { get; } =
    [
        (AllCommunes, "UBND các xã, phường", "All commune People's Committees"),
        (AllDepartments, "Các Sở, ban, ngành", "All departments"),
    ];

    public async Task<IReadOnlyList<Unit>> ResolveAsync(int provinceId, string group, DateOnly date, CancellationToken cancellationToken = default)
    {
        var kind = group switch
        {
            AllCommunes => UnitKind.Commune,
            AllDepartments => UnitKind.Department,
            _ => throw new ArgumentException($"Unknown group '{group}'.", nameof(group)),
        };
        var members = await db.Units.AsNoTracking()
            .InProvince(provinceId).Where(u => u.Kind == kind)
            .ToListAsync(cancellationToken);
        return members.Where(u => u.IsValidOn(date)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The members of a hand-made group that are valid at <paramref name="date"/>.</summary>
    public async Task<IReadOnlyList<Unit>> ResolveHandMadeAsync(int groupId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var members = await db.UnitGroupMembers.AsNoTracking().Where(m => m.UnitGroupId == groupId).Select(m => m.Unit!).ToListAsync(cancellationToken);
        return members.Where(u => u.IsValidOn(date)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }
}
