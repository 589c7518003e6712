using ChiSo.Units;

namespace ChiSo.Plans;

/// <summary>What an assignee text or key resolved to: one unit, a built-in rule group, a hand-made group, or nothing.</summary>
public sealed record Assignee(string Text, Unit? Unit, string? BuiltInGroup, UnitGroup? UnitGroup, IReadOnlyList<Unit> Candidates)
{
    public bool IsResolved => Unit is not null || BuiltInGroup is not null || UnitGroup is not null;

    public bool IsAmbiguous => !IsResolved && Candidates.Count > 1;

    public string Key => Unit is not null ? $"unit:{Unit.Id}"
        : BuiltInGroup is not null ? $"builtin:{BuiltInGroup}"
        : UnitGroup is not null ? $"group:{UnitGroup.Id}"
        : "";
}
