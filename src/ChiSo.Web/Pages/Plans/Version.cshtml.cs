using ChiSo.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.Plans;

/// <summary>/plans/{id}/versions/{amendment}: an earlier issued version, read-only, exactly as it was frozen, for those who may read the plan.</summary>
public sealed class VersionModel(PlanQueries plans, PlanAccess access) : PlanPage(access)
{
    public PlanView Plan { get; private set; } = null!;
    public int Amendment { get; private set; }

    protected override bool Changes(PageHandlerExecutingContext context) => false;

    public async Task<IActionResult> OnGetAsync([FromRoute] int amendment, CancellationToken cancellationToken)
    {
        if ((await plans.ReadAsync(Rights, PlanId, amendment, cancellationToken: cancellationToken)).Value is not { } view)
        {
            return NotFound();
        }

        (Plan, Amendment) = (view, amendment);
        return Page();
    }
}
