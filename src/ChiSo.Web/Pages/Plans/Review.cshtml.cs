using ChiSo.Plans;
using ChiSo.Plans.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/{id}/review: the plan's year in review — each task's status for the year beside the change of its index
/// nodes against the nation's, the dimensions it left without a task that fell, the tasks done whose nodes still fell,
/// the tasks not done — or, before the year's results are imported, what the page will show. Read-only; its
/// coordinators and leaders read it (others who read the plan are refused, the rest get 404), as the roll-up decides.
/// </summary>
public sealed class ReviewModel(YearReviewQueries reviews, PlanAccess access) : PlanPage(access)
{
    public YearReview Review { get; private set; } = null!;

    protected override bool Changes(PageHandlerExecutingContext context) => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var read = await reviews.ReadAsync(Rights, PlanId, cancellationToken);
        if (read.IsForbidden)
        {
            return Forbid();
        }

        if (!read.Succeeded)
        {
            return NotFound();
        }

        Review = read.Value!;
        return Page();
    }

    public static string Path(int planId) => "/plans/" + planId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/review";
}
