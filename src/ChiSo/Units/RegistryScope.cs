using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Units;

/// <summary>
/// The registry as it stood for a province at a date: which province units' bodies, districts and communes count. A
/// province valid at the date is itself. A merged province at a date before it existed (a 2021 plan of today's Lâm
/// Đồng) is its predecessors of that date — narrowed to the one the plan's own header names ("Ủy ban nhân dân tỉnh Đắk
/// Nông") when it names exactly one, otherwise all of them, so a name two predecessors share is shown as ambiguous,
/// never guessed. The province's own undated bodies (departments that never ended) count at every date.
/// </summary>
/// <param name="ProvinceIds">The province itself first, then the predecessors in scope.</param>
public sealed record RegistryScope(int ProvinceId, DateOnly Date, IReadOnlyList<int> ProvinceIds, IReadOnlyList<Unit> Predecessors)
{
    /// <summary>The predecessors' names for pages ("Đắk Nông"), empty when the province itself is in scope.</summary>
    public string PredecessorNames => string.Join(", ", Predecessors.Select(p => p.Name));

    /// <summary>The units of the scope (not provinces), valid at its date, each with its parent loaded.</summary>
    public async Task<IReadOnlyList<Unit>> UnitsAsync(ChiSoDbContext db, CancellationToken cancellationToken = default)
    {
        var ids = ProvinceIds.ToList();
        var units = await db.Units.AsNoTracking().Include(u => u.Parent)
            .Where(u => u.Kind != UnitKind.Province
                && ((u.ParentId != null && ids.Contains(u.ParentId.Value)) || (u.Parent!.ParentId != null && ids.Contains(u.Parent.ParentId.Value))))
            .ToListAsync(cancellationToken);
        return units.Where(u => u.IsValidOn(Date)).ToList();
    }

    /// <summary>
    /// The province (by id) a unit of this scope belongs to: its parent, or its grandparent for communes under districts
    /// and units under departments.
    /// </summary>
    public int? ProvinceOf(Unit unit) =>
        unit.ParentId is { } p && ProvinceIds.Contains(p) ? p
        : unit.Parent?.ParentId is { } g && ProvinceIds.Contains(g) ? g
        : null;

    /// <summary>"Đắk Nông" for a unit of a predecessor when several provinces are in scope; null otherwise.</summary>
    public string? QualifierOf(Unit unit) =>
        Predecessors.Count > 1 && ProvinceOf(unit) is { } id && Predecessors.FirstOrDefault(p => p.Id == id) is { } predecessor ? predecessor.Name : null;

    /// <param name="namedIn">Text from the plan that may name the province of its time: its issuing body and place.</param>
    public static async Task<RegistryScope> ForAsync(ChiSoDbContext db, int provinceId, DateOnly date, string? namedIn = null, CancellationToken cancellationToken = default)
    {
        var province = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == provinceId, cancellationToken);
        if (province is null || province.IsValidOn(date))
        {
            return new RegistryScope(provinceId, date, [provinceId], []);
        }

        var predecessors = (await db.UnitPredecessors.AsNoTracking().Where(p => p.UnitId == provinceId).Select(p => p.Predecessor!).ToListAsync(cancellationToken))
            .Where(p => p.Kind == UnitKind.Province && p.IsValidOn(date))
            .OrderBy(p => p.Name, VietnameseText.Comparer).ToList();
        var text = " " + VietnameseText.Fold(namedIn) + " ";
        var named = predecessors.Where(p => text.Contains(" " + VietnameseText.Fold(p.Name) + " ", StringComparison.Ordinal)).ToList();
        var chosen = named.Count == 1 ? named : predecessors;
        return new RegistryScope(provinceId, date, [provinceId, .. chosen.Select(p => p.Id)], chosen);
    }
}
