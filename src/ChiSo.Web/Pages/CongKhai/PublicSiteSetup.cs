using System.Globalization;
using ChiSo.Publication;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.OutputCaching;

namespace ChiSo.Web.Pages.CongKhai;

/// <summary>
/// The public site's place in the app: its pages open without signing in, and their answers (pages, open data, the plan
/// document) are kept in the output cache for <see cref="Duration"/> — varied by route, query, UI language and cookie or not, only for
/// anonymous requests (the default policy skips signed-in users and never stores a response that sets a cookie) — and
/// dropped at once when a coordinator changes what is public (<see cref="OutputCacheEviction"/>). Report and plan
/// changes show within <see cref="Duration"/>; every page says when its figures were read.
/// </summary>
internal static class PublicSiteSetup
{
    public const string Policy = "cong-khai";
    public const string Tag = "cong-khai";
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    /// <summary>The query keys a public answer depends on: the plan page's period (<c>?ky=</c>), the open-data API's province.</summary>
    public static readonly string[] QueryKeys = ["ky", "province"];

    /// <summary>What anonymous answers tell browsers and shared caches.</summary>
    public static readonly string PublicCacheControl = FormattableString.Invariant($"public, max-age={(int)Duration.TotalSeconds}");

    /// <summary>The pages anyone may open; the coordinators' marking page in the same folder is not one of them.</summary>
    private static readonly string[] AnonymousPages = ["/CongKhai/Index", "/CongKhai/Province", "/CongKhai/Plan"];

    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        // Varied by language, and by whether the request carried a cookie: the two get different Cache-Control headers.
        // Only the query keys the public answers read make a new entry (the period, the province): by default every
        // query key would, and anyone appending "?x=1", "?x=2", … would make ChiSo compute the page afresh each time
        // (≈ 20–30 ms of CPU for a plan's open data, measured in bench/) and fill the cache with copies.
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b.Expire(Duration).Tag(Tag).SetVaryByQuery(QueryKeys)
            .VaryByValue(context => new KeyValuePair<string, string>("ui",
                CultureInfo.CurrentUICulture.Name + (context.Request.Headers.ContainsKey("Cookie") ? "+cookie" : "")))));
        services.AddScoped<IPublicationChanges, OutputCacheEviction>();
        // Drawn once per app, on first use.
        services.AddSingleton(sp => new Lazy<ProvinceShapes>(() =>
            ProvinceShapes.Load(Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().WebRootPath, "data", "provinces-34.geojson"))));
        return services;
    }

    public static void AllowPublicSite(this PageConventionCollection conventions)
    {
        foreach (var page in AnonymousPages)
        {
            conventions.AllowAnonymousToPage(page);
        }
    }

    /// <summary>
    /// Cache headers of a public answer: <c>public, max-age</c> for a request that carries no cookie and no credentials
    /// (what a shared cache may keep and hand to anyone; <c>Vary: Cookie</c> keeps a language choice apart), otherwise
    /// private to the browser.
    /// </summary>
    public static void SetCacheHeaders(HttpContext context)
    {
        var request = context.Request;
        var anonymous = context.User.Identity?.IsAuthenticated != true && !request.Headers.ContainsKey("Authorization") && !request.Headers.ContainsKey("Cookie");
        context.Response.Headers.CacheControl = anonymous ? PublicCacheControl : "private, no-cache";
        context.Response.Headers.Vary = "Cookie";
    }
}

/// <summary>Drops every cached public answer once a change the public site shows has been committed.</summary>
internal sealed class OutputCacheEviction(IOutputCacheStore store) : IPublicationChanges
{
    public Task ChangedAsync(CancellationToken cancellationToken) => store.EvictByTagAsync(PublicSiteSetup.Tag, cancellationToken).AsTask();
}
