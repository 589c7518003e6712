using System.Globalization;
using ChiSo.Plans;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// Base of the pages that change one plan (/plans/{id}/…): before any handler runs, the plan must exist and the user
/// must be allowed to change it (<see cref="PlanAccess"/>: account role, or a coordinator membership for the plan's
/// province or for this plan); otherwise 404 or the access-denied page.
/// </summary>
public abstract class PlanEditorPage(PlanQueries plans, PlanAccess access) : PageModel
{
    protected PlanQueries Plans { get; } = plans;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.RouteData.Values.TryGetValue("id", out var raw)
            && int.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            switch (await access.CanEditPlanAsync(User, id, context.HttpContext.RequestAborted))
            {
                case null:
                    context.Result = NotFound();
                    return;
                case false:
                    context.Result = Forbid();
                    return;
            }
        }

        await next();
    }
}
