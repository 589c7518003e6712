using System.Globalization;
using System.Text.RegularExpressions;
using ChiSo.Units;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// A task of an earlier plan as the input of a new one: its texts with the plan's years moved ("Quý II/2025" →
/// "Quý II/2026"), its targets, links and assignees (units by name, so they resolve at the new plan's date and a unit
/// that ended is caught; groups by key). Copying last year's plan and carrying over last year's tasks both use it.
/// </summary>
internal static partial class TaskCopies
{
    /// <summary>Moves the years a plan of <paramref name="fromYear"/>–<paramref name="toYear"/> (and its result year) writes by <paramref name="shift"/>.</summary>
    public static Func<string?, string?> YearMover(int fromYear, int toYear, int shift) => text => text is null ? null : YearPattern().Replace(text, m =>
    {
        var y = int.Parse(m.Value, CultureInfo.InvariantCulture);
        return y >= fromYear - 1 && y <= toYear ? (y + shift).ToString(CultureInfo.InvariantCulture) : m.Value;
    });

    public static TaskInput Input(TaskView t, Func<string?, string?> move) => new()
    {
        Code = t.Code, GroupCode = t.GroupCode, Content = move(t.Content)!, TargetText = move(t.TargetText), TargetMetric = t.TargetMetric,
        TargetComparator = t.TargetComparator, TargetValue = t.TargetValue?.ToString(CultureInfo.InvariantCulture), TargetUnit = t.TargetUnit,
        TargetBasis = t.TargetBasis, TimeframeText = move(t.TimeframeText), ExpectedOutput = move(t.ExpectedOutput), Nodes = t.Nodes,
        Leads = Keys(t, AssignmentRole.Lead), Partners = Keys(t, AssignmentRole.Partner), Executing = Keys(t, AssignmentRole.Executing),
    };

    private static List<string> Keys(TaskView task, AssignmentRole role) => task.In(role)
        .Select(a => a.BuiltInGroup is { } b ? AssigneeKey.ForBuiltIn(b).ToString() : a.UnitGroupId is { } g ? AssigneeKey.ForGroup(g).ToString() : a.Text)
        .ToList();

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?!\d)")]
    private static partial Regex YearPattern();
}
