using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Plans.Library;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>/plans/library: the typical tasks drafting proposes per sub-dimension or criterion; admins edit them.</summary>
public sealed class LibraryModel(TaskTemplateService templates) : PageModel
{
    public IReadOnlyList<TaskTemplate> Templates { get; private set; } = [];
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public bool CanEdit => User.IsInRole(Roles.Admin);

    [BindProperty(SupportsGet = true)] public string Family { get; set; } = "papi";
    [BindProperty] public int? TemplateId { get; set; }
    [BindProperty] public string NodeCode { get; set; } = "";
    [BindProperty] public string ContentVi { get; set; } = "";
    [BindProperty] public string? ContentEn { get; set; }
    [BindProperty] public string? TargetText { get; set; }
    [BindProperty] public string? Lead { get; set; }
    [BindProperty] public string? Partners { get; set; }
    [BindProperty] public string? TimeframeText { get; set; }
    [BindProperty] public string? ExpectedOutput { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Templates = await templates.ListAsync(Family, cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await templates.SaveAsync(TemplateId, new TaskTemplateInput(Family, NodeCode, ContentVi, ContentEn, TargetText, Lead, Partners, TimeframeText, ExpectedOutput),
            HttpContext.ToActor(), cancellationToken);
        return await DoneAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        return await DoneAsync(await templates.DeleteAsync(TemplateId ?? 0, HttpContext.ToActor(), cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Outcome<int> result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return Redirect($"/plans/library?family={Uri.EscapeDataString(Family)}#template-{result.Value}");
        }

        Problems = PlanDisplay.Problems(result.Problems);
        Templates = await templates.ListAsync(Family, cancellationToken);
        return Page();
    }
}
