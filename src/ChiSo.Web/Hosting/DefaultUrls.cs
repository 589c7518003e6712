namespace ChiSo.Web.Hosting;

/// <summary>
/// Where the server listens when nobody said: <c>http://localhost:5080</c>. Any of the ordinary ways wins over it —
/// <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c> in configuration, <c>ASPNETCORE_HTTP_PORTS</c> or Kestrel
/// endpoints — which is why neither appsettings.json nor the launch profile names a URL (either would override
/// <c>ASPNETCORE_URLS</c>).
/// </summary>
internal static class DefaultUrls
{
    public const string Default = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultUrlsUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(Default);
        }

        return builder;
    }
}
