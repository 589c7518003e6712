using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Units;
using ChiSo.Plans.Documents;
using ChiSo.Web.Api;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/{id}: a plan's header, its tasks by group, its documents and versions, as the user may see it (a draft or
/// an amendment in progress only for those who may change it); for editors issuing, amending, closing, bulk
/// assignment and deleting, the irreversible ones after a confirmation step.
/// </summary>
public sealed class DetailModel(UnitDirectory units, PlanQueries plans, PlanService service, PlanIssuing issuing, PlanAccess access) : PlanPage(access)
{
    public PlanView Plan { get; private set; } = null!;
    public IReadOnlyList<PlanVersionSummary> Versions { get; private set; } = [];
    public IReadOnlyList<AssigneeOption> Options { get; private set; } = [];
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public string? Message { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>Whether the user may open the plan's year in review (its coordinators and leaders).</summary>
    public bool ReadsReview { get; private set; }
    /// <summary>Whether the user follows the plan's reporting on its dashboard: its coordinators and leaders.</summary>
    public bool FollowsUp => CanEdit || Rights.ReadsAllIssued;

    /// <summary>The action waiting for the user's confirmation, shown with what it will do and its warnings.</summary>
    public PendingAction? Pending { get; private set; }

    /// <summary>A confirmation arrived for something that has changed since it was shown: the new state is shown instead.</summary>
    public bool ChangedSinceShown { get; private set; }

    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public DateOnly? IssuedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<int> TaskIds { get; set; } = [];
    [BindProperty] public AssignmentRole Role { get; set; } = AssignmentRole.Partner;
    [BindProperty] public List<string> Assignees { get; set; } = [];
    [BindProperty] public bool Replace { get; set; }
    [BindProperty] public int TaskId { get; set; }

    /// <summary>Set by the confirmation form only, with the key of the check it showed.</summary>
    [BindProperty] public bool Confirm { get; set; }
    [BindProperty] public string? ConfirmKey { get; set; }

    /// <summary>Reading (the page, its documents) is for readers; every post changes the plan and is for editors.</summary>
    protected override bool Changes(PageHandlerExecutingContext context) => HttpMethods.IsPost(context.HttpContext.Request.Method);

    public async Task<IActionResult> OnGetAsync(string? saved, CancellationToken cancellationToken)
    {
        Message = saved;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetDocxAsync([FromQuery] int? amendment, CancellationToken cancellationToken) =>
        await plans.ReadAsync(Rights, PlanId, amendment, cancellationToken: cancellationToken) is { Succeeded: true, Value: { } view }
            ? File(PlanDocx.Write(PlanDocumentMapper.From(view)), PlanEndpoints.DocxType, PlanEndpoints.FileName(view, "docx"))
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] int? amendment, CancellationToken cancellationToken) =>
        await plans.ReadAsync(Rights, PlanId, amendment, cancellationToken: cancellationToken) is { Succeeded: true, Value: { } view }
            ? File(AssignmentsXlsx.Write(PlanDocumentMapper.From(view)), PlanEndpoints.XlsxType, PlanEndpoints.FileName(view, "xlsx", "phan-cong"))
            : NotFound();

    public Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken) =>
        ConfirmAsync(PendingAction.Issue,
            () => issuing.CheckIssueAsync(PlanId, Revision, Number, IssuedOn, cancellationToken),
            key => issuing.IssueAsync(PlanId, Revision, Number, IssuedOn, key, HttpContext.ToActor(), cancellationToken),
            [("Revision", Invariant(Revision)), ("Number", Number ?? ""), ("IssuedOn", IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")],
            $"/plans/{Invariant(PlanId)}?saved=issued", cancellationToken);

    public Task<IActionResult> OnPostAmendAsync(CancellationToken cancellationToken) =>
        ActAsync(() => issuing.OpenAmendmentAsync(PlanId, Reason, HttpContext.ToActor(), cancellationToken), "amending", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        ConfirmAsync(PendingAction.Close,
            () => issuing.CheckCloseAsync(PlanId, Revision, cancellationToken),
            key => issuing.CloseAsync(PlanId, Revision, key, HttpContext.ToActor(), cancellationToken),
            [("Revision", Invariant(Revision))], $"/plans/{Invariant(PlanId)}?saved=closed", cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken) =>
        ActAsync(() => service.BulkAssignAsync(PlanId, TaskIds, Role, Assignees, Replace, HttpContext.ToActor(), cancellationToken), "assigned", cancellationToken);

    public Task<IActionResult> OnPostDeleteTaskAsync(CancellationToken cancellationToken) =>
        ConfirmAsync(PendingAction.DeleteTask,
            () => service.CheckDeleteTaskAsync(PlanId, TaskId, Revision, cancellationToken),
            key => service.DeleteTaskAsync(PlanId, TaskId, Revision, key, HttpContext.ToActor(), cancellationToken),
            [("TaskId", Invariant(TaskId)), ("Revision", Invariant(Revision))], $"/plans/{Invariant(PlanId)}?saved=deleted", cancellationToken);

    public Task<IActionResult> OnPostDeletePlanAsync(CancellationToken cancellationToken) =>
        ConfirmAsync(PendingAction.DeletePlan,
            () => service.CheckDeletePlanAsync(PlanId, Revision, cancellationToken),
            key => service.DeletePlanAsync(PlanId, Revision, key, HttpContext.ToActor(), cancellationToken),
            [("Revision", Invariant(Revision))], "/plans?deleted=plan", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task<Outcome<int>>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action();
        return result.Succeeded ? Redirect($"/plans/{Invariant(PlanId)}?saved={done}") : await ShowAsync(result.Problems, cancellationToken);
    }

    /// <summary>
    /// The two steps of an irreversible action. Without a confirmation (or with one for what has since changed) it
    /// only checks and shows what will happen; with the key of the check it acts. The service checks the key again
    /// inside its transaction, so a request that skips the first step changes nothing.
    /// </summary>
    private async Task<IActionResult> ConfirmAsync(PendingAction action, Func<Task<Outcome<PlanConfirmation>>> check, Func<string, Task<Outcome<int>>> act,
        IReadOnlyList<(string Name, string Value)> fields, string done, CancellationToken cancellationToken)
    {
        if (Confirm && ConfirmKey is { Length: > 0 } key)
        {
            var result = await act(key);
            if (result.Succeeded)
            {
                return Redirect(done);
            }

            if (!result.Problems.Any(p => p.Code == ProblemCodes.ConfirmationRequired))
            {
                return await ShowAsync(result.Problems, cancellationToken);
            }

            ChangedSinceShown = true;
        }

        var shown = await check();
        if (!shown.Succeeded)
        {
            return await ShowAsync(shown.Problems, cancellationToken);
        }

        Pending = action with { Check = shown.Value!, Fields = fields };
        return await ShowAsync([], cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        Problems = PlanDisplay.Problems(problems);
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var read = await plans.ReadAsync(Rights, PlanId, withMembers: true, cancellationToken: cancellationToken);
        if (read.Value is not { } view)
        {
            return false;
        }

        Plan = view;
        // Readers of an amendment in progress see the issued version; the versions before it are the earlier ones.
        Versions = (await plans.VersionsAsync(PlanId, cancellationToken)).Where(v => v.Amendment < view.Amendment).ToList();
        CanEdit = Rights.CanEdit(view.ProvinceId, PlanId);
        ReadsReview = ChiSo.Plans.Review.YearReviewQueries.MayRead(Rights, view.ProvinceId, PlanId);
        if (CanEdit)
        {
            Options = await AssigneeOptions.LoadAsync(units, view, cancellationToken);
        }

        Warnings = view.Tasks.SelectMany(t => t.Assignees.Where(a => !a.IsMatched).Select(a => $"{t.Code}: {a.Text}")).ToList();
        return true;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
