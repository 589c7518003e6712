using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Reads a posted form before the antiforgery check does: that check turns any failure to read the form into a
/// 400, so an over-size upload would be reported as a bad request. Here it becomes a 413 and the error page names
/// the limit. (The form is buffered once; the antiforgery check and model binding reuse it.)
/// </summary>
internal sealed class OversizeUploadFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    // Before ASP.NET's antiforgery filter (order 1000).
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || context.ActionDescriptor is Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor { ViewEnginePath: "/Error" })
        {
            // The error page never reads the form: it may be showing why the form could not be read.
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (ErrorResponses.IsOversize(e))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
