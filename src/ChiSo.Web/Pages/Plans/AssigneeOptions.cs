using ChiSo.Units;

namespace ChiSo.Web.Pages.Plans;

/// <summary>A choice in an assignee list: its key (<c>unit:12</c>, <c>builtin:all-communes</c>, <c>group:3</c>), its label and its kind.</summary>
public sealed record AssigneeOption(string Key, string Label, string Kind);

/// <summary>What a plan's tasks can be assigned to, as the forms list it (from <see cref="UnitDirectory.AssigneeChoicesAsync"/>).</summary>
public static class AssigneeOptions
{
    public static async Task<IReadOnlyList<AssigneeOption>> LoadAsync(UnitDirectory units, int provinceId, DateOnly date, CancellationToken cancellationToken) =>
        From(await units.AssigneeChoicesAsync(provinceId, date, cancellationToken: cancellationToken));

    /// <summary>For a plan: its province's registry at the plan's date, as the plan's names resolve (an old plan: the predecessor its header names).</summary>
    public static async Task<IReadOnlyList<AssigneeOption>> LoadAsync(UnitDirectory units, ChiSo.Plans.PlanView plan, CancellationToken cancellationToken) =>
        From(await units.AssigneeChoicesAsync(await units.ScopeAsync(plan.ProvinceId, plan.ReferenceDate, $"{plan.IssuingBody} {plan.Place}", cancellationToken),
            cancellationToken: cancellationToken));

    private static IReadOnlyList<AssigneeOption> From(IReadOnlyList<AssigneeChoice> choices) =>
        choices
            .Select(c => new AssigneeOption(c.Key.ToString(), c.Label, c.Kind switch
            {
                AssigneeChoiceKind.Group => "group",
                AssigneeChoiceKind.Commune => "commune",
                _ => "body",
            }))
            .ToList();
}
