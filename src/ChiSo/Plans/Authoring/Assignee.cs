using ChiSo.Common;
using ChiSo.Units;

namespace ChiSo.Plans.Authoring;

/// <summary>What an assignee text or key resolved to: one unit, a built-in rule group, a hand-made group, or nothing.</summary>
/// <param name="Candidates">The units an ambiguous name matches (two or more), to choose between.</param>
/// <param name="Suggestions">For a name that matched nothing (or several), the closest registry entries to pick from; never taken without the user.</param>
/// <param name="Refusal">Why a name or key that was recognised cannot be used at the plan's date (districts after 1 July 2025).</param>
public sealed record Assignee(string Text, Unit? Unit, string? BuiltInGroup, UnitGroup? UnitGroup, IReadOnlyList<Unit> Candidates,
    IReadOnlyList<AssigneeChoice>? Suggestions = null, Problem? Refusal = null)
{
    public bool IsResolved => Unit is not null || BuiltInGroup is not null || UnitGroup is not null;

    public bool IsAmbiguous => !IsResolved && Candidates.Count > 1;

    /// <summary>The registry entry it resolved to, or null when it did not resolve.</summary>
    public AssigneeKey? Key => AssigneeKey.Of(Unit?.Id, BuiltInGroup, UnitGroup?.Id);
}
