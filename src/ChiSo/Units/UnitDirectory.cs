using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Units;

/// <summary>A choice in a unit picker: a built-in group, a hand-made group or a unit, with its label and what it is.</summary>
public sealed record AssigneeChoice(AssigneeKey Key, string Label, AssigneeChoiceKind Kind)
{
    /// <summary>The label without tone marks or case, for search as users type ("so noi vu" finds "Sở Nội vụ").</summary>
    public string Folded { get; } = VietnameseText.Fold(Label);
}

public enum AssigneeChoiceKind
{
    Group,
    Body,
    Commune,
    District,
}

/// <summary>
/// The one read path for units: the provinces at a date, one province by code, the units of a province at a date,
/// what tasks can be assigned to, predecessors of a merged province, and search that ignores tone marks and case.
/// Pages and endpoints ask here instead of querying the database, so "the current province" and "valid at" are
/// spelled once.
/// </summary>
public sealed class UnitDirectory(ChiSoDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ChiSoOptions> options)
{
    /// <summary>The provinces valid at <paramref name="on"/> (today in Viet Nam when null), in Vietnamese order.</summary>
    public async Task<IReadOnlyList<Unit>> ProvincesAsync(DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        var date = on ?? clock.VietNamToday();
        var provinces = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province).ToListAsync(cancellationToken);
        return provinces.Where(u => u.IsValidOn(date)).OrderBy(u => u.Name, VietnameseText.Comparer).ToList();
    }

    /// <summary>
    /// The province with this code valid at <paramref name="on"/> (today when null). Codes were reused by the 2025
    /// merger ("68" is the old and the new Lâm Đồng), so the date decides; failing that, the latest one.
    /// </summary>
    public async Task<Unit?> ProvinceAsync(string? code, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var date = on ?? clock.VietNamToday();
        var candidates = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.Code == code.Trim()).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(u => u.IsValidOn(date))
            ?? candidates.OrderByDescending(u => u.ValidTo ?? DateOnly.MaxValue).FirstOrDefault();
    }

    public async Task<Unit?> ProvinceAsync(int provinceId, CancellationToken cancellationToken = default) =>
        await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == provinceId && u.Kind == UnitKind.Province, cancellationToken);

    /// <summary>
    /// The province this installation works for: the configured one (<c>ChiSo:HomeProvince</c>) when given,
    /// otherwise the current province that has the most units registered under it (a province loads its own
    /// departments and communes); null on an empty installation. Never the demo's code by default.
    /// </summary>
    public async Task<Unit?> HomeProvinceAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.HomeProvince is { Length: > 0 } configuredCode)
        {
            return await ProvinceAsync(configuredCode, cancellationToken: cancellationToken);
        }

        var today = clock.VietNamToday();
        var counts = await db.Units.AsNoTracking()
            .Where(u => u.ParentId != null && u.Kind != UnitKind.Province && u.Parent!.Kind == UnitKind.Province)
            .GroupBy(u => u.ParentId!.Value).Select(g => new { ProvinceId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in counts.OrderByDescending(c => c.Count))
        {
            if (await ProvinceAsync(row.ProvinceId, cancellationToken) is { } province && province.IsValidOn(today))
            {
                return province;
            }
        }

        return null;
    }

    /// <summary>The provinces a merged province was formed from (none for a province that was not merged).</summary>
    public async Task<IReadOnlyList<Unit>> PredecessorsAsync(int unitId, CancellationToken cancellationToken = default) =>
        (await db.UnitPredecessors.AsNoTracking().Where(p => p.UnitId == unitId).Select(p => p.Predecessor!).ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, VietnameseText.Comparer).ToList();

    /// <summary>Every merged unit with the units it was formed from.</summary>
    public async Task<ILookup<int, Unit>> AllPredecessorsAsync(CancellationToken cancellationToken = default) =>
        (await db.UnitPredecessors.AsNoTracking().Include(p => p.Predecessor).ToListAsync(cancellationToken))
            .ToLookup(p => p.UnitId, p => p.Predecessor!);

    /// <summary>
    /// The units under a province (departments, communes, districts and their communes) valid at
    /// <paramref name="on"/>, or all of them across time when null; with <paramref name="withPredecessors"/> also
    /// those of the provinces it was formed from. Parents are loaded.
    /// </summary>
    public async Task<IReadOnlyList<Unit>> InProvinceAsync(int provinceId, DateOnly? on = null, bool withPredecessors = false, CancellationToken cancellationToken = default)
    {
        var ids = new List<int> { provinceId };
        if (withPredecessors)
        {
            ids.AddRange(await db.UnitPredecessors.AsNoTracking().Where(p => p.UnitId == provinceId).Select(p => p.PredecessorId).ToListAsync(cancellationToken));
        }

        var units = await db.Units.AsNoTracking().Include(u => u.Parent)
            .Where(u => (u.ParentId != null && ids.Contains(u.ParentId.Value)) || (u.Parent!.ParentId != null && ids.Contains(u.Parent.ParentId.Value)))
            .ToListAsync(cancellationToken);
        return units.Where(u => on is not { } date || u.IsValidOn(date))
            .OrderBy(u => u.Kind).ThenBy(u => u.Name, VietnameseText.Comparer).ToList();
    }

    /// <summary>
    /// The units under every province that carried <paramref name="code"/> (the 2025 merger reused codes: "68" is
    /// the old and the new Lâm Đồng, and a department that ended in June 2025 may hang on either), valid at
    /// <paramref name="on"/>.
    /// </summary>
    public async Task<IReadOnlyList<Unit>> InProvinceCodeAsync(string code, DateOnly on, CancellationToken cancellationToken = default)
    {
        var units = new List<Unit>();
        foreach (var id in await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.Code == code).Select(u => u.Id).ToListAsync(cancellationToken))
        {
            units.AddRange(await InProvinceAsync(id, on, cancellationToken: cancellationToken));
        }

        return units.DistinctBy(u => u.Id).OrderBy(u => u.Kind).ThenBy(u => u.Name, VietnameseText.Comparer).ToList();
    }

    /// <summary>
    /// What a plan's tasks (or a group, or a role) can be given to at <paramref name="on"/>: the built-in rule
    /// groups, the province's hand-made groups, then its bodies and communes.
    /// </summary>
    public async Task<IReadOnlyList<AssigneeChoice>> AssigneeChoicesAsync(int provinceId, DateOnly on, bool withGroups = true, CancellationToken cancellationToken = default)
    {
        var choices = new List<AssigneeChoice>();
        if (withGroups)
        {
            choices.AddRange(UnitGroups.BuiltIn.Select(g => new AssigneeChoice(AssigneeKey.ForBuiltIn(g.Id), g.NameVi, AssigneeChoiceKind.Group)));
            var groups = await db.UnitGroups.AsNoTracking().Where(g => g.ProvinceId == provinceId).ToListAsync(cancellationToken);
            choices.AddRange(groups.OrderBy(g => g.Name, VietnameseText.Comparer)
                .Select(g => new AssigneeChoice(AssigneeKey.ForGroup(g.Id), g.Name, AssigneeChoiceKind.Group)));
        }

        var units = await db.Units.AsNoTracking().InProvince(provinceId).ToListAsync(cancellationToken);
        choices.AddRange(units.Where(u => u.IsValidOn(on))
            .OrderBy(u => u.Kind switch { UnitKind.Commune => 2, UnitKind.District => 1, _ => 0 }).ThenBy(u => u.Name, VietnameseText.Comparer)
            .Select(u => new AssigneeChoice(AssigneeKey.ForUnit(u.Id), u.Kind is UnitKind.Commune or UnitKind.District ? u.FullName : u.Name, u.Kind switch
            {
                UnitKind.Commune => AssigneeChoiceKind.Commune,
                UnitKind.District => AssigneeChoiceKind.District,
                _ => AssigneeChoiceKind.Body,
            })));
        return choices;
    }

    /// <summary>
    /// Units whose name contains every word of <paramref name="query"/>, ignoring tone marks and case, best first
    /// (names that start with the query, then shorter names); within one province when given.
    /// </summary>
    public async Task<IReadOnlyList<Unit>> SearchAsync(string query, int? provinceId = null, DateOnly? on = null, int limit = 20, CancellationToken cancellationToken = default)
    {
        var words = VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var date = on ?? clock.VietNamToday();
        var source = provinceId is { } id
            ? db.Units.AsNoTracking().Include(u => u.Parent).InProvince(id)
            : db.Units.AsNoTracking().Include(u => u.Parent);
        var units = await source.ToListAsync(cancellationToken);
        return units.Where(u => u.IsValidOn(date))
            .Select(u => (Unit: u, Folded: VietnameseText.Fold(u.FullName + " " + u.Name)))
            .Where(x => words.All(w => x.Folded.Contains(w, StringComparison.Ordinal)))
            .OrderBy(x => VietnameseText.Fold(x.Unit.Name).StartsWith(words[0], StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(x => x.Unit.Name.Length)
            .ThenBy(x => x.Unit.Name, VietnameseText.Comparer)
            .Take(limit).Select(x => x.Unit).ToList();
    }
}
