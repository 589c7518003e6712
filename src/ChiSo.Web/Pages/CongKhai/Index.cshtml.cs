using ChiSo.Publication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace ChiSo.Web.Pages.CongKhai;

/// <summary>/cong-khai: the provinces that have plans in force, for anyone, without signing in.</summary>
[OutputCache(PolicyName = PublicSiteSetup.Policy)]
public sealed class IndexModel(PublicSite site, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PublicProvince> Provinces { get; private set; } = [];

    public DateTimeOffset AsOf { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Provinces = await site.ProvincesAsync(cancellationToken);
        AsOf = clock.GetUtcNow();
        PublicSiteSetup.SetCacheHeaders(HttpContext);
    }
}
