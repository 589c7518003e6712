using ChiSo.Plans;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// Base of the pages that change one plan (/plans/{id}/edit, tasks, import): every handler, reading ones included,
/// is for those who may change the plan (<see cref="PlanPage"/> checks the route's plan before the handler runs).
/// </summary>
public abstract class PlanEditorPage(PlanQueries plans, PlanAccess access) : PlanPage(access)
{
    protected PlanQueries Plans { get; } = plans;

    protected override bool Changes(PageHandlerExecutingContext context) => true;
}
