using ChiSo.Reporting.Attachments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ChiSo.Web.Hosting;

/// <summary>
/// An attachment as the API and the report page serve it: only ever as a download, so whatever a file holds (an HTML
/// page inside a "PDF", a script in an image) never runs in ChiSo's origin. <c>Content-Disposition: attachment</c> with
/// the user's name (<c>filename*</c> keeps the Vietnamese, <c>filename</c> is its ASCII form for old clients), the type
/// its content was found to be, <c>nosniff</c> so no browser guesses another, and <c>Content-Security-Policy: sandbox</c>
/// so even a browser that opened it would treat it as a foreign, script-less origin. Private to the reader, never cached.
/// </summary>
internal sealed class AttachmentDownload(AttachmentFile file) : IResult, IActionResult
{
    public const string Policy = "sandbox; default-src 'none'";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var content = file.Content;
        var attachment = file.Attachment;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = attachment.ContentType;
        response.ContentLength = attachment.Size;
        var headers = response.Headers;
        headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = AttachmentFileName.Ascii(attachment.FileName),
            FileNameStar = attachment.FileName,
        }.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = Policy;
        headers.CacheControl = "private, no-store";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        await content.CopyToAsync(response.Body, httpContext.RequestAborted);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
