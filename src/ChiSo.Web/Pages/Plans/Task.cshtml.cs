using ChiSo.Accounts;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Library;
using ChiSo.Units;
using ChiSo.Results;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>A framework node a task can serve, for the node picker.</summary>
public sealed record NodeOption(string Key, string Label);

/// <summary>/plans/{id}/tasks/new and /plans/{id}/tasks/{taskId}: one task's content, target, assignees, time and nodes.</summary>
public sealed class TaskModel(UnitDirectory units, PlanQueries plans, PlanService service, ResultsQueries results, PlanAccess access) : PlanEditorPage(plans, access)
{
    public PlanView Plan { get; private set; } = null!;
    public TaskView? Existing { get; private set; }
    public IReadOnlyList<AssigneeOption> Options { get; private set; } = [];
    public IReadOnlyList<NodeOption> NodeOptions { get; private set; } = [];
    public IReadOnlyList<NodeOption> Suggested { get; private set; } = [];
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public bool Conflict { get; private set; }

    [BindProperty] public int? Revision { get; set; }
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string? GroupCode { get; set; }
    [BindProperty] public string? NewGroupTitle { get; set; }
    [BindProperty] public string TaskContent { get; set; } = "";
    [BindProperty] public string? TargetText { get; set; }
    [BindProperty] public TargetComparator? TargetComparator { get; set; }
    [BindProperty] public string? TargetValue { get; set; }
    [BindProperty] public string? TargetUnit { get; set; }
    [BindProperty] public TargetBasis TargetBasis { get; set; }
    [BindProperty] public string? TimeframeText { get; set; }
    [BindProperty] public string? ExpectedOutput { get; set; }
    [BindProperty] public List<string> Leads { get; set; } = [];
    [BindProperty] public List<string> Partners { get; set; } = [];
    [BindProperty] public List<string> Executing { get; set; } = [];
    [BindProperty] public string? OtherPartners { get; set; }
    [BindProperty] public List<string> Nodes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, [FromRoute] int? taskId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, taskId, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } t)
        {
            (Revision, Code, GroupCode, TaskContent, TargetText, TargetComparator, TargetUnit, TargetBasis, TimeframeText, ExpectedOutput) =
                (t.Revision, t.Code, t.GroupCode, t.Content, t.TargetText, t.TargetComparator, t.TargetUnit, t.TargetBasis, t.TimeframeText, t.ExpectedOutput);
            TargetValue = t.TargetValue?.ToString("0.####", ChiSo.Text.VietnameseFormat.Culture);
            Leads = Keys(t, AssignmentRole.Lead);
            Partners = Keys(t, AssignmentRole.Partner);
            Executing = Keys(t, AssignmentRole.Executing);
            OtherPartners = string.Join('\n', t.Assignees.Where(a => !a.IsMatched && a.Role != AssignmentRole.Lead).Select(a => a.Text));
            Nodes = t.Nodes.Select(n => $"{n.FrameworkId}|{n.NodeCode}").ToList();
        }
        else
        {
            Code = NextCode();
            GroupCode = Plan.Groups.Count > 0 ? Plan.Groups[^1].Code : null;
        }

        Suggested = SuggestedLinks();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, [FromRoute] int? taskId, CancellationToken cancellationToken)
    {
        var input = new TaskInput
        {
            Code = Code, GroupCode = GroupCode, GroupTitle = NewGroupTitle, Content = TaskContent, TargetText = TargetText, TargetComparator = TargetComparator,
            TargetValue = TargetValue, TargetUnit = TargetUnit, TargetBasis = TargetBasis, TimeframeText = TimeframeText, ExpectedOutput = ExpectedOutput,
            Leads = Leads,
            Partners = [.. Partners, .. (OtherPartners ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Executing = Executing,
            Nodes = Nodes.Select(n => n.Split('|', 2)).Where(p => p.Length == 2).Select(p => new NodeRef(p[0], p[1])).ToList(),
        };
        var result = await service.SaveTaskAsync(id, taskId, Revision, input, HttpContext.ToActor(), cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/plans/{id}?saved=task#task-{result.Value}");
        }

        if (!await LoadAsync(id, taskId, cancellationToken))
        {
            return NotFound();
        }

        Conflict = result.IsConflict;
        Problems = PlanDisplay.Problems(result.Problems);
        Suggested = SuggestedLinks();
        return Page();
    }

    /// <summary>
    /// htmx: what ChiSo reads from the timeframe and target as the user types them, so a misread "Quý II–IV" is seen
    /// before saving, not in the first reporting round.
    /// </summary>
    public async Task<IActionResult> OnGetInterpretAsync([FromRoute] int id, string? timeframeText, string? targetText, CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(id, cancellationToken: cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        return Partial("_Interpretation", TaskInterpretation.Of(timeframeText, targetText, plan.FromYear, plan.ToYear));
    }

    private async Task<bool> LoadAsync(int id, int? taskId, CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(id, cancellationToken: cancellationToken) is not { } view)
        {
            return false;
        }

        Plan = view;
        Existing = taskId is { } t ? view.Tasks.FirstOrDefault(x => x.Id == t) : null;
        if (taskId is not null && Existing is null)
        {
            return false;
        }

        Options = await AssigneeOptions.LoadAsync(units, view.ProvinceId, view.ReferenceDate, cancellationToken);
        var nodes = new List<NodeOption>();
        foreach (var family in view.Frameworks.Concat(["papi", "par"]).Distinct(StringComparer.Ordinal))
        {
            if (await results.FrameworkForYearAsync(family, view.ResultYear ?? view.FromYear, cancellationToken) is { } framework)
            {
                nodes.AddRange(framework.Nodes.Where(n => !n.IsAggregate).OrderBy(n => n.Code, NodeCodeComparer.Instance)
                    .Select(n => new NodeOption($"{framework.Id}|{n.Code}", $"{framework.Id} {n.Code} {n.NameVi}")));
            }
        }

        NodeOptions = nodes;
        return true;
    }

    /// <summary>Nodes of other indices the crosswalk relates to the chosen ones, not yet linked: proposed, not imposed.</summary>
    private IReadOnlyList<NodeOption> SuggestedLinks()
    {
        var chosen = Nodes.ToHashSet(StringComparer.Ordinal);
        return Nodes
            .Select(n => n.Split('|', 2)).Where(p => p.Length == 2)
            .SelectMany(p => NodeCrosswalk.RelatedToVersion(p[0], p[1]))
            .Select(r => NodeOptions.FirstOrDefault(o => o.Key.EndsWith($"|{r.Code}", StringComparison.Ordinal) && o.Key.StartsWith(r.Family, StringComparison.Ordinal)))
            .OfType<NodeOption>()
            .Where(o => !chosen.Contains(o.Key))
            .DistinctBy(o => o.Key)
            .ToList();
    }

    private string NextCode()
    {
        var group = Plan.Groups.Count > 0 ? Plan.Groups[^1].Code : null;
        var count = Plan.Tasks.Count(t => t.GroupCode == group) + 1;
        return group is null ? (Plan.Tasks.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{group}.{count}";
    }

    /// <summary>The registry keys of a role's matched assignees; text-only ones go to <see cref="OtherPartners"/>.</summary>
    private static List<string> Keys(TaskView t, AssignmentRole role) =>
        t.In(role).Where(a => a.IsMatched)
            .Select(a => AssigneeKey.Of(a.UnitId, a.BuiltInGroup, a.UnitGroupId)!.Value.ToString())
            .ToList();
}
