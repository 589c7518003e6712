using ChiSo.Units;

namespace ChiSo.Plans.Authoring;

/// <summary>What an assignee text or key resolved to: one unit, a built-in rule group, a hand-made group, or nothing.</summary>
public sealed record Assignee(string Text, Unit? Unit, string? BuiltInGroup, UnitGroup? UnitGroup, IReadOnlyList<Unit> Candidates)
{
    public bool IsResolved => Unit is not null || BuiltInGroup is not null || UnitGroup is not null;

    public bool IsAmbiguous => !IsResolved && Candidates.Count > 1;

    /// <summary>The registry entry it resolved to, or null when it did not resolve.</summary>
    public AssigneeKey? Key => AssigneeKey.Of(Unit?.Id, BuiltInGroup, UnitGroup?.Id);
}
