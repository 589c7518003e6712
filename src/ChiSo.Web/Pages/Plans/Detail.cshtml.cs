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
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>/plans/{id}: a plan's header, its tasks by group, its documents and versions; issuing, amending, bulk assignment.</summary>
public sealed class DetailModel(UnitDirectory units, PlanQueries plans, PlanService service, PlanIssuing issuing, PlanAccess access) : PageModel
{
    public PlanView Plan { get; private set; } = null!;
    public IReadOnlyList<PlanVersionSummary> Versions { get; private set; } = [];
    public IReadOnlyList<AssigneeOption> Options { get; private set; } = [];
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public string? Message { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public DateOnly? IssuedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<int> TaskIds { get; set; } = [];
    [BindProperty] public AssignmentRole Role { get; set; } = AssignmentRole.Partner;
    [BindProperty] public List<string> Assignees { get; set; } = [];
    [BindProperty] public bool Replace { get; set; }
    [BindProperty] public int TaskId { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, string? saved, CancellationToken cancellationToken)
    {
        Message = saved;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetDocxAsync([FromRoute] int id, int? amendment, CancellationToken cancellationToken)
    {
        var view = amendment is { } n ? await plans.VersionAsync(id, n, cancellationToken) : await plans.ViewAsync(id, cancellationToken: cancellationToken);
        return view is null ? NotFound() : File(PlanDocx.Write(PlanDocumentMapper.From(view)), PlanEndpoints.DocxType, PlanEndpoints.FileName(view, "docx"));
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromRoute] int id, int? amendment, CancellationToken cancellationToken)
    {
        var view = amendment is { } n ? await plans.VersionAsync(id, n, cancellationToken) : await plans.ViewAsync(id, cancellationToken: cancellationToken);
        return view is null ? NotFound() : File(AssignmentsXlsx.Write(PlanDocumentMapper.From(view)), PlanEndpoints.XlsxType, PlanEndpoints.FileName(view, "xlsx", "phan-cong"));
    }

    public Task<IActionResult> OnPostIssueAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => IssuedOn is { } on
            ? await issuing.IssueAsync(id, Revision, Number ?? "", on, HttpContext.ToActor(), cancellationToken)
            : Problem.Required("issuedOn", "Thiếu ngày ban hành.", "The issue date is missing."), "issued", cancellationToken);

    public Task<IActionResult> OnPostAmendAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => issuing.OpenAmendmentAsync(id, Reason, HttpContext.ToActor(), cancellationToken), "amending", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => issuing.CloseAsync(id, HttpContext.ToActor(), cancellationToken), "closed", cancellationToken);

    public Task<IActionResult> OnPostAssignAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => service.BulkAssignAsync(id, TaskIds, Role, Assignees, Replace, HttpContext.ToActor(), cancellationToken), "assigned", cancellationToken);

    public Task<IActionResult> OnPostDeleteTaskAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => service.DeleteTaskAsync(id, TaskId, Revision, HttpContext.ToActor(), cancellationToken), "deleted", cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<Task<Outcome<int>>> action, string done, CancellationToken cancellationToken)
    {
        switch (await access.CanEditPlanAsync(User, id, cancellationToken))
        {
            case null:
                return NotFound();
            case false:
                return Forbid();
        }

        var result = await action();
        if (result.Succeeded)
        {
            return Redirect($"/plans/{id}?saved={done}");
        }

        Problems = PlanDisplay.Problems(result.Problems);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var view = await plans.ViewAsync(id, withMembers: true, cancellationToken);
        if (view is null)
        {
            return false;
        }

        Plan = view;
        Versions = await plans.VersionsAsync(id, cancellationToken);
        CanEdit = await access.CanEditAsync(User, view.ProvinceId, id, cancellationToken);
        if (CanEdit)
        {
            Options = await AssigneeOptions.LoadAsync(units, view.ProvinceId, view.ReferenceDate, cancellationToken);
        }

        Warnings = view.Tasks.SelectMany(t => t.Assignees.Where(a => !a.IsMatched).Select(a => $"{t.Code}: {a.Text}")).ToList();
        return true;
    }
}
