using System.Security.Claims;
using ChiSo.Plans;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.My;

/// <summary>/my/tasks: what the signed-in officer's units have to do under the issued plans.</summary>
public sealed class TasksModel(MyTasks tasks) : PageModel
{
    public IReadOnlyList<UnitTask> Tasks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tasks = await tasks.ForUserAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", cancellationToken);
}
