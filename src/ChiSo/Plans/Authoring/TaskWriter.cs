using ChiSo.Common;
using ChiSo.Text;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// Copies a validated <see cref="TaskInput"/> onto a task entity: normalised text, resolved assignees, derived
/// timeframe. A lead must resolve to the registry; a partner that does not ("Các cơ quan có liên quan") is kept
/// as printed text and reported as a warning, because plans legitimately name such loose partners.
/// </summary>
internal sealed class TaskWriter(AssigneeResolver resolver, Plan plan, PlanLimits limits)
{
    public List<Problem> Problems { get; } = [];
    public List<Problem> Warnings { get; } = [];

    public void Write(PlanTask task, TaskInput input, IReadOnlyDictionary<string, PlanTaskGroup> groups, string field)
    {
        Problems.AddRange(PlanValidator.Task(input, field, limits));
        var label = VietnameseText.Normalize(input.Code).Trim();
        task.Code = label;
        task.Content = VietnameseText.NormalizeMultiline(input.Content);
        task.TargetText = VietnameseText.NormalizeMultilineOrNull(input.TargetText);
        task.TargetMetric = VietnameseText.NormalizeMultilineOrNull(input.TargetMetric);
        task.TargetComparator = input.TargetComparator;
        task.TargetValue = !string.IsNullOrWhiteSpace(input.TargetValue) && Targets.TargetValueParser.TryParse(input.TargetValue, out var value) ? value : null;
        task.TargetUnit = VietnameseText.NormalizeMultilineOrNull(input.TargetUnit);
        task.TargetBasis = input.TargetBasis;
        task.TimeframeText = VietnameseText.NormalizeMultilineOrNull(input.TimeframeText);
        task.ExpectedOutput = VietnameseText.NormalizeMultilineOrNull(input.ExpectedOutput);
        if (input.CarriedOver is { } carried)
        {
            task.CarriedOver = VietnameseText.NormalizeMultilineOrNull(carried);
        }

        if (input.GroupCode is { Length: > 0 } groupCode)
        {
            if (groups.TryGetValue(VietnameseText.Normalize(groupCode).Trim(), out var group))
            {
                task.Group = group;
                task.GroupId = group.Id == 0 ? null : group.Id;
            }
            else
            {
                Problems.Add(Problem.Invalid($"{field}.groupCode", $"Nhiệm vụ {label}: không có nhóm '{groupCode}'.", $"Task {label}: there is no group '{groupCode}'."));
            }
        }
        else
        {
            task.Group = null;
            task.GroupId = null;
        }

        if (TaskMeaning.ApplyTimeframe(task, plan.FromYear, plan.ToYear, $"{field}.timeframe") is { } timeError)
        {
            Problems.Add(timeError);
        }

        task.Assignments.Clear();
        Assign(task, AssignmentRole.Lead, input.Leads, field, label, required: true);
        Assign(task, AssignmentRole.Partner, input.Partners, field, label, required: false);
        Assign(task, AssignmentRole.Executing, input.Executing, field, label, required: false);

        task.Nodes.Clear();
        foreach (var node in input.Nodes.DistinctBy(n => (n.FrameworkId, n.NodeCode)))
        {
            task.Nodes.Add(new TaskNodeLink { FrameworkId = node.FrameworkId, NodeCode = node.NodeCode });
        }
    }

    private void Assign(PlanTask task, AssignmentRole role, IReadOnlyList<string> names, string field, string label, bool required)
    {
        var order = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            var assignee = resolver.Resolve(name);
            if (assignee.Text.Length == 0 || !seen.Add(assignee.Key?.ToString() ?? assignee.Text))
            {
                continue;
            }

            if (!assignee.IsResolved)
            {
                var (vi, en) = (RoleVi(role), role.ToString().ToLowerInvariant());
                var why = assignee.IsAmbiguous
                    ? ($"trùng tên {assignee.Candidates.Count} đơn vị ({string.Join(", ", assignee.Candidates.Select(c => c.FullName))})",
                       $"matches {assignee.Candidates.Count} units ({string.Join(", ", assignee.Candidates.Select(c => c.FullName))})")
                    : ("không có trong danh mục đơn vị", "is not in the unit registry");
                var problem = assignee.Refusal is { } refusal
                    ? refusal with { MessageVi = $"Nhiệm vụ {label}: {refusal.MessageVi}", MessageEn = $"Task {label}: {refusal.MessageEn}", Field = $"{field}.{en}s" }
                    : new Problem(assignee.IsAmbiguous ? ProblemCodes.Ambiguous : ProblemCodes.Unmatched,
                        $"Nhiệm vụ {label}: {vi} '{assignee.Text}' {why.Item1}.", $"Task {label}: {en} '{assignee.Text}' {why.Item2}.") { Field = $"{field}.{en}s" };
                if (required)
                {
                    Problems.Add(problem);
                    continue;
                }

                Warnings.Add(problem.AsWarning());
            }

            task.Assignments.Add(new TaskAssignment
            {
                Role = role,
                Text = assignee.Text,
                UnitId = assignee.Unit?.Id,
                BuiltInGroup = assignee.BuiltInGroup,
                UnitGroupId = assignee.UnitGroup?.Id,
                Order = order++,
            });
        }
    }

    private static string RoleVi(AssignmentRole role) => role switch
    {
        AssignmentRole.Lead => "đơn vị chủ trì",
        AssignmentRole.Partner => "đơn vị phối hợp",
        _ => "đơn vị thực hiện",
    };
}
