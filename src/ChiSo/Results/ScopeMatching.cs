using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Results;

/// <summary>
/// How the unit names of a results file are matched for a scope, among the units valid at the year's reference
/// date: provinces; the communes of one province; or every commune of the country, where a name alone is often
/// ambiguous (many "Xã Tân Lập") and a province column — or the commune's code — says which one. Two candidates
/// are never guessed between: the row is refused with both named.
/// </summary>
public sealed class ScopeMatching
{
    private ScopeMatching(Func<string, UnitMatch> unit, Func<string, UnitMatch>? province, Func<string, Unit, UnitMatch>? within)
    {
        Unit = unit;
        Province = province;
        Within = within;
    }

    /// <summary>A unit by the file's first column alone (a code, or a name unique in the scope).</summary>
    public Func<string, UnitMatch> Unit { get; }

    /// <summary>For commune scopes: the province a province column names (only the scope's own, for one province's communes).</summary>
    public Func<string, UnitMatch>? Province { get; }

    /// <summary>A commune among those of the province its row's province column named.</summary>
    public Func<string, Unit, UnitMatch>? Within { get; }

    public static async Task<Outcome<ScopeMatching>> BuildAsync(ChiSoDbContext db, ResolvedScope scope, int year, CancellationToken cancellationToken = default)
    {
        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        var provinces = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province).ToListAsync(cancellationToken))
            .Where(u => u.IsValidOn(date)).ToList();
        if (scope.Scope.IsProvinces)
        {
            var matcher = new UnitNameMatcher(provinces);
            return Outcome.Ok(new ScopeMatching(t => matcher.Match(t, date), null, null));
        }

        // Communes hang on their province (two tiers, from 1 July 2025) or on a district of it (before).
        var provinceId = scope.Province?.Id;
        var communes = (await db.Units.AsNoTracking().Include(u => u.Parent)
                .Where(u => u.Kind == UnitKind.Commune && (provinceId == null || u.ParentId == provinceId || u.Parent!.ParentId == provinceId))
                .ToListAsync(cancellationToken))
            .Where(u => u.IsValidOn(date))
            .ToList();
        if (communes.Count == 0)
        {
            var where = scope.Province?.FullName ?? "cả nước";
            return Problem.Invalid("province",
                $"Chưa có danh sách xã, phường ({where}) áp dụng cho năm {year}: nhập danh sách đơn vị ở trang Đơn vị trước"
                + (year < 2025 ? " (danh sách trước ngày 01/7/2025)." : "."),
                $"No list of communes ({scope.Province?.NameEn ?? scope.Province?.Name ?? "whole country"}) for {year} yet: import the units on the Units page first"
                + (year < 2025 ? " (the list from before 1 July 2025)." : "."));
        }

        var all = new UnitNameMatcher(communes);
        var byProvince = communes.ToLookup(ProvinceOf);
        var perProvince = new Dictionary<int, UnitNameMatcher>();
        var provinceMatcher = new UnitNameMatcher(scope.Province is { } only ? provinces.Where(p => p.Id == only.Id) : provinces);
        UnitMatch Within(string text, Unit province)
        {
            if (!perProvince.TryGetValue(province.Id, out var matcher))
            {
                perProvince[province.Id] = matcher = new UnitNameMatcher(byProvince[province.Id]);
            }

            return matcher.Match(text, date);
        }

        return Outcome.Ok(new ScopeMatching(t => all.Match(t, date), t => provinceMatcher.Match(t, date), Within));
    }

    private static int ProvinceOf(Unit commune) =>
        commune.Parent is { Kind: UnitKind.Province } province ? province.Id : commune.Parent?.ParentId ?? 0;
}
