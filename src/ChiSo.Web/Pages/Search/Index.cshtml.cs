using ChiSo.Accounts;
using ChiSo.Plans;
using ChiSo.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Search;

/// <summary>/search?q=: the header's search over units, plans, tasks and index nodes, ignoring tone marks and case.</summary>
public sealed class IndexModel(SiteSearch search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Hits = await search.SearchAsync(Query, CanRead, cancellationToken);

    /// <summary>Drafts only for those who may edit plans; everyone else finds issued plans.</summary>
    private bool CanRead(PlanSummary plan) =>
        plan.Status != PlanStatus.Draft || User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Coordinator);
}
