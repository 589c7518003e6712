using System.Globalization;
using ChiSo.Plans;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// Base of every page about one plan (/plans/{id}…). Before any handler runs it reads the plan id from the route —
/// only from the route: a posted or queried <c>id</c> never reaches a handler, which act on <see cref="PlanId"/> —
/// and checks the signed-in user's <see cref="PlanRights"/> against that plan: not found when the plan does not
/// exist or the user may not read it, forbidden when the handler changes the plan and the user may not.
/// </summary>
public abstract class PlanPage(PlanAccess access) : PageModel
{
    /// <summary>The plan the route names, checked before the handler ran.</summary>
    protected int PlanId { get; private set; }

    /// <summary>What the user may see and change, worked out once for the request.</summary>
    protected PlanRights Rights { get; private set; } = PlanRights.Nothing;

    /// <summary>Whether the handler about to run changes the plan (editors only) rather than reads it.</summary>
    protected abstract bool Changes(PageHandlerExecutingContext context);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.RouteData.Values.TryGetValue("id", out var raw)
            || !int.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            context.Result = NotFound();
            return;
        }

        var cancellationToken = context.HttpContext.RequestAborted;
        Rights = await access.RightsAsync(User, cancellationToken);
        PlanId = id;
        switch (await access.RefusalAsync(Rights, id, Changes(context), cancellationToken))
        {
            case { Code: ChiSo.Common.ProblemCodes.Forbidden }:
                context.Result = Forbid();
                return;
            case not null:
                context.Result = NotFound();
                return;
        }

        await next();
    }
}
