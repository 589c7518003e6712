using System.Globalization;
using ChiSo.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.My;

/// <summary>
/// The report page reads its posted form here, first — before the site-wide <see cref="OversizeUploadFilter"/> would
/// answer an over-size upload with the general 413 page: an attachment past the limit (the form's multipart limit or
/// the request size, both set from <c>Reporting:Attachments:MaxBytes</c>) brings the user back to their report, which
/// names the limit beside the upload control. Nothing was read past the bound and nothing is saved; the redirect is a
/// plain GET of the page, so it needs no antiforgery check.
/// </summary>
internal sealed class AttachmentUploadLimitFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string Query = "tooLarge";

    // Before the site-wide over-size filter (-1000) and antiforgery (1000).
    public int Order => -1001;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (ErrorResponses.IsOversize(e))
        {
            var obligation = Convert.ToInt32(context.RouteData.Values["obligationId"], CultureInfo.InvariantCulture);
            context.Result = new RedirectResult(FormattableString.Invariant($"/my/reports/{obligation}?{Query}=1"));
        }
    }
}
