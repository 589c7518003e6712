using ChiSo.Publication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace ChiSo.Web.Pages.CongKhai;

/// <summary>/cong-khai: the provinces that have plans in force, and the map of the latest published PAPI results, for anyone, without signing in.</summary>
[OutputCache(PolicyName = PublicSiteSetup.Policy)]
public sealed class IndexModel(PublicSite site, PublicResults results, Lazy<ProvinceShapes> shapes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PublicProvince> Provinces { get; private set; } = [];

    public DateTimeOffset AsOf { get; private set; }

    /// <summary>The latest PAPI results on today's provinces, drawn from <see cref="Shapes"/>; null without results.</summary>
    public PublicMap? Map { get; private set; }

    public ProvinceShapes Shapes => shapes.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Provinces = await site.ProvincesAsync(cancellationToken);
        Map = await results.MapAsync(cancellationToken: cancellationToken);
        AsOf = clock.GetUtcNow();
        PublicSiteSetup.SetCacheHeaders(HttpContext);
    }
}
