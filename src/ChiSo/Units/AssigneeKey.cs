using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChiSo.Units;

/// <summary>What an assignee key points at.</summary>
public enum AssigneeKind
{
    /// <summary>One unit of the registry.</summary>
    Unit,

    /// <summary>A built-in rule group ("all-communes", "all-departments"…).</summary>
    BuiltIn,

    /// <summary>A hand-made group of a province.</summary>
    Group,
}

/// <summary>
/// The typed form of what forms, pickers and the API pass around as <c>unit:12</c>, <c>builtin:all-communes</c> or
/// <c>group:3</c>. Built and parsed here only, so the spelling lives in one place.
/// </summary>
public readonly record struct AssigneeKey(AssigneeKind Kind, int Id, string? BuiltIn)
{
    public static AssigneeKey ForUnit(int unitId) => new(AssigneeKind.Unit, unitId, null);

    public static AssigneeKey ForBuiltIn(string group) => new(AssigneeKind.BuiltIn, 0, group);

    public static AssigneeKey ForGroup(int groupId) => new(AssigneeKind.Group, groupId, null);

    /// <summary>The key of a stored assignment's target, or null for loose text.</summary>
    public static AssigneeKey? Of(int? unitId, string? builtInGroup, int? unitGroupId) =>
        unitId is { } u ? ForUnit(u) : builtInGroup is { } b ? ForBuiltIn(b) : unitGroupId is { } g ? ForGroup(g) : null;

    public static bool TryParse([NotNullWhen(true)] string? text, out AssigneeKey key)
    {
        key = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0)
        {
            return false;
        }

        var value = text[(colon + 1)..].Trim();
        switch (text[..colon].Trim())
        {
            case "unit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var unitId):
                key = ForUnit(unitId);
                return true;
            case "group" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var groupId):
                key = ForGroup(groupId);
                return true;
            case "builtin" when value.Length > 0:
                key = ForBuiltIn(value);
                return true;
            default:
                return false;
        }
    }

    public override string ToString() => Kind switch
    {
        AssigneeKind.Unit => string.Create(CultureInfo.InvariantCulture, $"unit:{Id}"),
        AssigneeKind.Group => string.Create(CultureInfo.InvariantCulture, $"group:{Id}"),
        _ => $"builtin:{BuiltIn}",
    };
}
