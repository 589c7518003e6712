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
            return Microsoft.AspNetCore.Http.Results.Redirect(IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>
    /// A path on this site: "/" then anything but "/" or "\" (browsers read "//x" and "/\x" as another host), no
    /// control characters — ASP.NET's own rule for local redirects, checked here so a bad link goes home instead of
    /// failing.
    /// </summary>
    public static bool IsLocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
