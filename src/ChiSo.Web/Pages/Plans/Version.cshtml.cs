using ChiSo.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>/plans/{id}/versions/{amendment}: an earlier issued version, read-only, exactly as it was frozen.</summary>
public sealed class VersionModel(PlanQueries plans) : PageModel
{
    public PlanView Plan { get; private set; } = null!;
    public int Amendment { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int amendment, CancellationToken cancellationToken)
    {
        if (await plans.VersionAsync(id, amendment, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        (Plan, Amendment) = (view, amendment);
        return Page();
    }
}
