using Microsoft.Extensions.Configuration.Memory;

namespace ChiSo.Web.Hosting;

/// <summary>
/// wwwroot as ASP.NET Core's static assets (docs/adr/0015-static-assets-compressed-and-immutable.md): the build
/// writes a gzip copy of every text file (a publish: gzip and Brotli) and a manifest of fingerprinted URLs; the app
/// serves the copy the browser accepts, and a fingerprinted URL with a year of immutable caching, so a phone that has
/// opened ChiSo once asks for nothing but the page on its next visit. Pages themselves are never compressed: they
/// carry antiforgery tokens and the user's data, and compressing secrets beside text an attacker can inject leaks
/// them (BREACH) — so there is no response compression middleware, only these files compressed at build.
/// </summary>
internal static class StaticAssets
{
    /// <summary>Turns ASP.NET's development-time reloading of edited assets off outside Development.</summary>
    private const string ReloadAtRuntimeKey = "ReloadStaticAssetsAtRuntime";

    public static WebApplicationBuilder AddChiSoStaticAssets(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            // `dotnet run`: ASP.NET's own defaults. An edited file in wwwroot is served at once, uncached (and, in .NET
            // 10.0.12, uncompressed: see below).
            return builder;
        }

        // Run from a build output (the tests, `dotnet bin/…/ChiSo.Web.dll`), the compressed copies are in obj/ and
        // the runtime manifest beside the dll says where; a published app has no such manifest (its wwwroot holds
        // the copies) and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // Serve the files as built, with their caching headers. ASP.NET leaves its development-time reloading on for
        // a build manifest, which marks even fingerprinted URLs no-cache, and in .NET 10.0.12 it takes every file
        // whose time has sub-second precision (any checkout on Linux) for edited and re-sends it as gzip without
        // compressing it (labelled br when the request was for a Brotli copy, which is why a build makes none). A
        // default below every other configuration source, so a setting can still turn it on.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new(ReloadAtRuntimeKey, "false")],
        });
        return builder;
    }

    /// <summary>
    /// The assets as endpoints, answered right after routing (like UseStaticFiles before it: no rate limit, no
    /// cookie decrypted for a stylesheet); the security headers are already set by then.
    /// </summary>
    public static WebApplication MapChiSoStaticAssets(this WebApplication app)
    {
        app.MapStaticAssets().ShortCircuit();
        return app;
    }
}
