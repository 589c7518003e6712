using ChiSo.Data;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Web.Pages.Plans;

/// <summary>A choice in an assignee list: its key (<c>unit:12</c>, <c>builtin:all-communes</c>, <c>group:3</c>), its label and its kind.</summary>
public sealed record AssigneeOption(string Key, string Label, string Kind);

/// <summary>What a plan's tasks can be assigned to: the rule groups, the province's hand-made groups, then its units at the plan's date.</summary>
public static class AssigneeOptions
{
    public static async Task<IReadOnlyList<AssigneeOption>> LoadAsync(ChiSoDbContext db, int provinceId, DateOnly date, CancellationToken cancellationToken)
    {
        var options = UnitGroups.BuiltIn.Select(g => new AssigneeOption($"builtin:{g.Id}", g.NameVi, "group")).ToList();
        var groups = await db.UnitGroups.AsNoTracking().Where(g => g.ProvinceId == provinceId).ToListAsync(cancellationToken);
        options.AddRange(groups.OrderBy(g => g.Name, ChiSo.Text.VietnameseText.Comparer).Select(g => new AssigneeOption($"group:{g.Id}", g.Name, "group")));
        var units = await db.Units.AsNoTracking()
            .InProvince(provinceId)
            .ToListAsync(cancellationToken);
        options.AddRange(units.Where(u => u.IsValidOn(date))
            .OrderBy(u => u.Kind == UnitKind.Commune ? 1 : 0).ThenBy(u => u.Name, ChiSo.Text.VietnameseText.Comparer)
            .Select(u => new AssigneeOption($"unit:{u.Id}", u.Kind == UnitKind.Commune ? u.FullName : u.Name, u.Kind == UnitKind.Commune ? "commune" : "body")));
        return options;
    }
}
