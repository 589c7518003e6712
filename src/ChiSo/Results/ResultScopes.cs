using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Results;

/// <summary>A resolved scope: the stored key and, for one province's communes, the province's unit at the result year.</summary>
public sealed record ResolvedScope(ResultScope Scope, Unit? Province)
{
    public static ResolvedScope Provinces { get; } = new(ResultScope.Provinces, null);

    /// <summary>"các tỉnh, thành phố" / "xã, phường của tỉnh Lâm Đồng" / "xã, phường cả nước".</summary>
    public string NameVi => Scope.IsProvinces ? "các tỉnh, thành phố" : Province is { } p ? $"xã, phường của {p.FullName}" : "xã, phường cả nước";

    public string NameEn => Scope.IsProvinces ? "provinces" : Province is { } p ? $"communes of {p.NameEn ?? p.Name}" : "communes of the whole country";
}

/// <summary>Turns what a user asked for (<see cref="ScopeRequest"/>) into a scope at a result year.</summary>
public static class ResultScopes
{
    public static async Task<Outcome<ResolvedScope>> ResolveAsync(ChiSoDbContext db, ScopeRequest request, int year, CancellationToken cancellationToken = default)
    {
        if (request.Level == UnitKind.Province)
        {
            return Outcome.Ok(ResolvedScope.Provinces);
        }

        if (request.ProvinceCode is not { } code)
        {
            return Outcome.Ok(new ResolvedScope(ResultScope.AllCommunes, null));
        }

        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        var province = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.Code == code).ToListAsync(cancellationToken))
            .FirstOrDefault(u => u.IsValidOn(date));
        return province is null
            ? Problem.Invalid("province", $"Không có tỉnh, thành phố mã '{code}' trong danh mục năm {year}.", $"No province with code '{code}' in {year}'s list.")
            : Outcome.Ok(new ResolvedScope(ResultScope.CommunesOf(province.Id), province));
    }

    /// <summary>A stored scope back to its province (for display).</summary>
    public static async Task<ResolvedScope> DescribeAsync(ChiSoDbContext db, ResultScope scope, CancellationToken cancellationToken = default) =>
        scope.ProvinceId is { } id
            ? new ResolvedScope(scope, await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken))
            : new ResolvedScope(scope, null);
}
