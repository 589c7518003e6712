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
        // .geojson (the province map) is not among ASP.NET's known types, and unknown types are not served.
        var contentTypes = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        contentTypes.Mappings[".geojson"] = "application/geo+json";
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = contentTypes });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapChiSoApi();
        app.MapLanguageSwitch();
        app.MapRazorPages();
        return app;
    }
}
