using ChiSo.Publication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace ChiSo.Web.Pages.CongKhai;

/// <summary>
/// /cong-khai/ke-hoach/{planId}?ky=2026-Q1: a plan in force as issued — its tasks and lead units, a period's progress
/// by task and by dimension from the roll-up, what coordinators made public, the plan document and the open data. A
/// draft, a closed plan and a plan that does not exist are alike not found.
/// </summary>
[OutputCache(PolicyName = PublicSiteSetup.Policy)]
public sealed class PlanModel(PublicSite site) : PageModel
{
    [FromRoute] public int Id { get; set; }

    [FromQuery(Name = "ky")] public string? PeriodId { get; set; }

    public PublicPlan Plan { get; private set; } = null!;

    public PublicProgress? Progress { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await site.PlanAsync(Id, cancellationToken) is not { } plan)
        {
            return Missing();
        }

        Plan = plan;
        PeriodId ??= PublicSite.DefaultPeriod(plan)?.Id;
        if (PeriodId is not null)
        {
            Progress = await site.ProgressAsync(plan, PeriodId, cancellationToken);
            if (Progress is null)
            {
                return Missing();
            }
        }

        PublicSiteSetup.SetCacheHeaders(HttpContext);
        return Page();
    }

    public static string Link(int planId, string? periodId = null) =>
        FormattableString.Invariant($"/cong-khai/ke-hoach/{planId}") + (periodId is null ? "" : "?ky=" + Uri.EscapeDataString(periodId));

    /// <summary>True when the answer is the public site's own 404.</summary>
    public bool NotFoundShown { get; private set; }

    private PageResult Missing()
    {
        NotFoundShown = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
