using ChiSo.Common;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Units;

/// <summary>A built-in rule group: every unit of one kind in the province's registry at a date, within its own validity.</summary>
/// <param name="ValidTo">The last day the group can exist (the district People's Committees ended on 30 June 2025).</param>
public sealed record BuiltInGroup(string Id, string NameVi, string NameEn, UnitKind Kind, DateOnly? ValidTo = null)
{
    public bool IsValidOn(DateOnly date) => ValidTo is not { } to || date <= to;
}

/// <summary>
/// Built-in rule groups used in assignments ("UBND cấp xã" = every commune People's Committee of the province;
/// "Các Sở, ban, ngành" = every department; before July 2025 "UBND cấp huyện" = every district). A group resolves to
/// its members at a date, so a task assigned in 2024 to "all communes" means the communes, wards and towns of the
/// districts of 2024, and one assigned after the 2025 reorganisation the new ones. A group used at a date when it
/// cannot exist (districts after 1 July 2025) is refused, never resolved to nothing in silence.
/// </summary>
public sealed class UnitGroups(ChiSoDbContext db)
{
    public const string AllCommunes = "all-communes";
    public const string AllDepartments = "all-departments";
    public const string AllDistricts = "all-districts";
    public const string PublicServiceUnits = "public-service-units";
    public const string CentralAgencies = "central-agencies";

    public static IReadOnlyList<BuiltInGroup> BuiltIn { get; } =
    [
        new(AllCommunes, "UBND các xã, phường", "All commune People's Committees", UnitKind.Commune),
        new(AllDepartments, "Các Sở, ban, ngành", "All departments", UnitKind.Department),
        new(AllDistricts, "UBND các huyện, thị xã, thành phố", "All district People's Committees (before 1 July 2025)", UnitKind.District,
            ReorganisationDates.LastDayOf63Provinces),
        new(PublicServiceUnits, "Các đơn vị sự nghiệp", "Public service units", UnitKind.PublicService),
        new(CentralAgencies, "Các cơ quan trung ương đóng trên địa bàn tỉnh", "Central agencies in the province", UnitKind.CentralAgency),
    ];

    public static BuiltInGroup? Find(string? id) => BuiltIn.FirstOrDefault(g => string.Equals(g.Id, id?.Trim(), StringComparison.Ordinal));

    /// <summary>The built-in groups that can exist at <paramref name="date"/>.</summary>
    public static IReadOnlyList<BuiltInGroup> ValidOn(DateOnly date) => BuiltIn.Where(g => g.IsValidOn(date)).ToList();

    /// <summary>Why a built-in group cannot be used at <paramref name="date"/>, or null when it can.</summary>
    public static Problem? Refusal(string group, DateOnly date, string? printed = null)
    {
        var found = Find(group);
        var name = printed ?? found?.NameVi ?? group;
        if (found is null)
        {
            return new Problem(ProblemCodes.Unmatched, $"Không có nhóm có sẵn '{name}'.", $"There is no built-in group '{name}'.");
        }

        if (found.IsValidOn(date))
        {
            return null;
        }

        var day = date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return new Problem(ProblemCodes.Invalid,
            $"'{name}' không còn tồn tại vào ngày {day}: cấp huyện kết thúc hoạt động từ ngày 01/7/2025. Hãy giao cho UBND các xã, phường hoặc một đơn vị cụ thể.",
            $"'{name}' cannot be used on {day}: districts ceased to exist on 1 July 2025. Assign the communes (UBND các xã, phường) or a named unit instead.");
    }

    /// <summary>The members at <paramref name="date"/> in the province's registry of that date (its predecessors for a date before it existed).</summary>
    public Task<IReadOnlyList<Unit>> ResolveAsync(int provinceId, string group, DateOnly date, CancellationToken cancellationToken = default) =>
        ResolveAsync(provinceId, group, date, namedIn: null, cancellationToken);

    /// <param name="namedIn">The plan's issuing body and place, which say which predecessor an old plan belongs to (see <see cref="RegistryScope"/>).</param>
    public async Task<IReadOnlyList<Unit>> ResolveAsync(int provinceId, string group, DateOnly date, string? namedIn, CancellationToken cancellationToken = default) =>
        await ResolveAsync(await RegistryScope.ForAsync(db, provinceId, date, namedIn, cancellationToken), group, cancellationToken);

    /// <summary>The members in <paramref name="scope"/> at its date; none when the group cannot exist then (see <see cref="Refusal"/>).</summary>
    public async Task<IReadOnlyList<Unit>> ResolveAsync(RegistryScope scope, string group, CancellationToken cancellationToken = default) =>
        Members(await scope.UnitsAsync(db, cancellationToken), group, scope.Date);

    /// <summary>
    /// The members among <paramref name="scopeUnits"/> (a scope's units, already read) at <paramref name="date"/>: a
    /// caller resolving many groups at one date reads the registry once.
    /// </summary>
    public static IReadOnlyList<Unit> Members(IReadOnlyList<Unit> scopeUnits, string group, DateOnly date)
    {
        var found = Find(group) ?? throw new ArgumentException($"Unknown group '{group}'.", nameof(group));
        if (!found.IsValidOn(date))
        {
            return [];
        }

        return scopeUnits.Where(u => u.Kind == found.Kind).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The members of a hand-made group that are valid at <paramref name="date"/>.</summary>
    public async Task<IReadOnlyList<Unit>> ResolveHandMadeAsync(int groupId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var members = await db.UnitGroupMembers.AsNoTracking().Where(m => m.UnitGroupId == groupId).Select(m => m.Unit!).ToListAsync(cancellationToken);
        return members.Where(u => u.IsValidOn(date)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }
}
