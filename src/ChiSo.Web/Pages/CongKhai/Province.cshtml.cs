using ChiSo.Publication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace ChiSo.Web.Pages.CongKhai;

/// <summary>/cong-khai/{province code}: a province's plans in force (never a draft) and its public index results.</summary>
[OutputCache(PolicyName = PublicSiteSetup.Policy)]
public sealed class ProvinceModel(PublicSite site, PublicResults results, TimeProvider clock) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";

    public PublicProvince Province { get; private set; } = null!;

    public IReadOnlyList<PublicPlanSummary> Plans { get; private set; } = [];

    public IReadOnlyList<PublicIndexResult> Results { get; private set; } = [];

    public DateTimeOffset AsOf { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await site.ProvinceAsync(Code, cancellationToken) is not { } found)
        {
            return Missing();
        }

        (Province, Plans) = found;
        Results = await results.LatestAsync(Code, cancellationToken);
        AsOf = clock.GetUtcNow();
        PublicSiteSetup.SetCacheHeaders(HttpContext);
        return Page();
    }

    /// <summary>True when the answer is the public site's own 404.</summary>
    public bool NotFoundShown { get; private set; }

    private PageResult Missing()
    {
        NotFoundShown = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
