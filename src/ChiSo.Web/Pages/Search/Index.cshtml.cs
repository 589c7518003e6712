using ChiSo.Plans;
using ChiSo.Web.Pages.Plans;
using ChiSo.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Search;

/// <summary>/search?q=: the header's search over units, plans, tasks and index nodes, ignoring tone marks and case.</summary>
public sealed class IndexModel(SiteSearch search, PlanAccess access) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Hits = await search.SearchAsync(Query, await access.RightsAsync(User, cancellationToken), cancellationToken);
}
