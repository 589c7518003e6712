namespace ChiSo.Web.Api;

/// <summary>All minimal-API groups under <c>/api/v1</c>.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapChiSoApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireRateLimiting(Hosting.RateLimits.Api);
        v1.MapFrameworkEndpoints();
        v1.MapResultEndpoints();
        v1.MapUnitEndpoints();
        v1.MapPlanEndpoints();
        v1.MapReportEndpoints();
        v1.MapReportTemplateEndpoints();
        v1.MapReminderEndpoints();
        app.MapPublicEndpoints(v1);
        return app;
    }
}
