using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages;

/// <summary>
/// The error page for every page that fails (<c>/error/{status}</c>, re-executed by the error handling in
/// Hosting/ErrorResponses): 404, 403, 413, 500 and the rest, in the layout and the UI language, with a way back.
/// It takes no antiforgery token and answers any method, because it is re-executed with the failed request's method.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    /// <summary>The upload limit, for the 413 page.</summary>
    public string Limit { get; private set; } = "";

    /// <summary>The page the user came from on this site, to go back to; null when unknown or elsewhere.</summary>
    public string? Back { get; private set; }

    // No handler parameters or bound properties: binding them would read the failed request's form (perhaps the
    // over-size upload that brought us here).
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var status = int.TryParse(RouteData.Values["status"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : (int?)null;
        // Re-executed: the failed request's status is already set; /error/{status} typed in directly shows that page.
        Status = Response.StatusCode >= 400 ? Response.StatusCode : status is >= 400 and <= 599 ? status.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
        Limit = Hosting.ErrorResponses.LimitText(HttpContext);
        var referer = Request.Headers.Referer.ToString();
        if (Uri.TryCreate(referer, UriKind.Absolute, out var from) && from.Authority == Request.Host.Value && Hosting.Languages.IsLocalUrl(from.PathAndQuery))
        {
            Back = from.PathAndQuery;
        }
    }
}
