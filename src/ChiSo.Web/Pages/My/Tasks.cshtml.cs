using System.Security.Claims;
using ChiSo.Accounts;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.My;

/// <summary>
/// /my/tasks: what the signed-in officer's units owe — the reports due, by period and soonest first (late ones marked),
/// then the tasks themselves under the issued plans.
/// </summary>
public sealed class TasksModel(MyTasks tasks, ObligationQueries obligations, UnitScope units) : PageModel
{
    public IReadOnlyList<UnitTask> Tasks { get; private set; } = [];

    public IReadOnlyList<OwedReport> Owed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var mine = await units.UnitIdsAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", cancellationToken);
        Tasks = await tasks.ForUnitsAsync(mine, cancellationToken);
        Owed = await obligations.OwedByAsync(mine, cancellationToken);
    }
}
