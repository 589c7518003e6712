using ChiSo.Reporting.Attachments;
using ChiSo.Web.Auth;
using ChiSo.Web.Hosting;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ChiSo.Web.Pages.My;

/// <summary>
/// The report page's attachments: upload (<c>?handler=Attach</c>, multipart field <c>file</c>), and, on
/// <c>/my/reports/{obligationId}/attachments/{attachmentId}</c> (<see cref="AttachmentSetup.PageRoute"/>), download
/// (<c>?handler=Download</c>) and removal (<c>?handler=Detach</c>). Both ids come from the route; an attachment of
/// another report is not found. The upload is bounded before its form is read (<see cref="AttachmentUploadLimitFilter"/>).
/// </summary>
public sealed partial class ReportModel
{
    [FromRoute] public int? AttachmentId { get; set; }

    /// <summary>The upload limit, as the upload control names it.</summary>
    public long MaxAttachmentBytes => attachments.Options.MaxBytes;

    public async Task<IActionResult> OnPostAttachAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > attachments.Options.MaxBytes)
        {
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            Problems = new ProblemList([file is null ? AttachmentProblems.Required() : file.Length == 0 ? AttachmentProblems.Empty() : AttachmentProblems.TooLarge(attachments.Options.MaxBytes)], Labels);
            return Page();
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        return await DoneAsync(await attachments.AddAsync(await CallerAsync(cancellationToken), ObligationId, file.FileName, content, HttpContext.ToActor(), cancellationToken),
            cancellationToken);
    }

    public async Task<IActionResult> OnPostDetachAsync(CancellationToken cancellationToken) => AttachmentId is { } id
        ? await DoneAsync(await attachments.RemoveAsync(await CallerAsync(cancellationToken), ObligationId, id, HttpContext.ToActor(), cancellationToken), cancellationToken)
        : NotFound();

    /// <summary>Only ever a download (<see cref="AttachmentDownload"/>), for whoever may read the report.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (AttachmentId is not { } id)
        {
            return NotFound();
        }

        var opened = await attachments.OpenAsync(await CallerAsync(cancellationToken), ObligationId, id, cancellationToken);
        return opened.Succeeded ? new AttachmentDownload(opened.Value!) : NotFound();
    }

    /// <summary>The link of an attachment of this report: its download, or (posted) its removal.</summary>
    public string AttachmentPath(int attachmentId, string handler) =>
        FormattableString.Invariant($"/my/reports/{ObligationId}/attachments/{attachmentId}?handler={handler}");
}
