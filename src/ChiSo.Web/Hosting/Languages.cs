using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Localization;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Vietnamese by default, English on request. The choice lives in the standard culture cookie; the data culture
/// stays vi-VN so numbers and dates read the Vietnamese way in either language.
/// </summary>
internal static class Languages
{
    public const string DataCulture = "vi-VN";
    public static readonly string[] UiCultures = ["vi-VN", "en"];

    public static IServiceCollection AddChiSoLanguages(this IServiceCollection services)
    {
        services.AddSingleton<UiText>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(DataCulture);
            o.AddSupportedCultures(DataCulture);
            o.AddSupportedUICultures(UiCultures);
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary><c>GET /language/{vi|en}?returnUrl=…</c>: remembers the choice for a year and goes back.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language/{language}", (string language, string? returnUrl, HttpContext context) =>
        {
            var ui = language == "en" ? "en" : "vi-VN";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(DataCulture, ui)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
            return Microsoft.AspNetCore.Http.Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
}
