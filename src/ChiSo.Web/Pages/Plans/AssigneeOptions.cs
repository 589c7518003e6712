using ChiSo.Units;

namespace ChiSo.Web.Pages.Plans;

/// <summary>A choice in an assignee list: its key (<c>unit:12</c>, <c>builtin:all-communes</c>, <c>group:3</c>), its label and its kind.</summary>
public sealed record AssigneeOption(string Key, string Label, string Kind);

/// <summary>What a plan's tasks can be assigned to, as the forms list it (from <see cref="UnitDirectory.AssigneeChoicesAsync"/>).</summary>
public static class AssigneeOptions
{
    public static async Task<IReadOnlyList<AssigneeOption>> LoadAsync(UnitDirectory units, int provinceId, DateOnly date, CancellationToken cancellationToken) =>
        (await units.AssigneeChoicesAsync(provinceId, date, cancellationToken: cancellationToken))
            .Select(c => new AssigneeOption(c.Key.ToString(), c.Label, c.Kind switch
            {
                AssigneeChoiceKind.Group => "group",
                AssigneeChoiceKind.Commune => "commune",
                _ => "body",
            }))
            .ToList();
}
