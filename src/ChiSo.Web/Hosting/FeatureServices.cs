using ChiSo.Web.Pages.CongKhai;

namespace ChiSo.Web.Hosting;

/// <summary>The core services (<see cref="ChiSoCoreServices"/>) and what only the web app needs, registered in one place.</summary>
internal static class FeatureServices
{
    public static IServiceCollection AddChiSoFeatures(this IServiceCollection services)
    {
        services.AddChiSoCore();
        services.AddSingleton<PendingUploads>();
        services.AddPublicSite();
        return services;
    }
}
