using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Plans.Library;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/grounds: the usual legal grounds ("Căn cứ …") new plans start with. Everyone who drafts plans may read the
/// list; only admins change it, each change audited. The ground changed is named by the route (/plans/grounds/5),
/// never by the posted form.
/// </summary>
public sealed class GroundsModel(LegalGroundService grounds) : PageModel
{
    public IReadOnlyList<LegalGround> Grounds { get; private set; } = [];
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public bool CanEdit => User.IsInRole(Roles.Admin);

    [BindProperty] public string Text { get; set; } = "";
    [BindProperty] public string? Family { get; set; }
    [BindProperty] public int Order { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Grounds = await grounds.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync([FromRoute] int? groundId, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        return await DoneAsync(await grounds.SaveAsync(groundId, new LegalGroundInput(Text, Family, Order), HttpContext.ToActor(), cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] int? groundId, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        return await DoneAsync(await grounds.DeleteAsync(groundId ?? 0, HttpContext.ToActor(), cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(Outcome<int> result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return Redirect("/plans/grounds?saved=1");
        }

        Problems = PlanDisplay.Problems(result.Problems);
        Grounds = await grounds.ListAsync(cancellationToken);
        return Page();
    }
}
