using ChiSo.Web.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ChiSo.Web.Hosting;

/// <summary>The request pipeline, in the order requests meet it.</summary>
internal static class ChiSoPipeline
{
    public static WebApplication UseChiSo(this WebApplication app)
    {
        // First: everything after it (HTTPS for cookies and HSTS, links, rate limits by address) sees the client's
        // scheme and address as the trusted proxy reported them.
        app.UseForwardedHeaders();
        app.UseChiSoErrorResponses();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLocalization();
        app.UseRouting();
        // Before authentication: a refused caller costs no token or password check.
        app.UseChiSoRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: signed-in users are never served (nor stored) from the public site's output cache.
        app.UseOutputCache();

        app.MapChiSoStaticAssets();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapChiSoApi();
        app.MapLanguageSwitch();
        // The layout's ~/ links become the fingerprinted URLs of the static assets' manifest.
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
