using ChiSo.Plans;
using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Reports;
using ChiSo.Web.Auth;
using ChiSo.Web.Hosting;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary>
/// <c>…/reports/{period}/{unitCode}/{taskCode}/attachments</c>: the report's files. Upload (multipart field <c>file</c>)
/// and removal need reports:write and the unit's focal point, while the report is a draft or returned; a download needs
/// reports:read and the right to read the report. The request is bounded before it is read (its size and the form's
/// multipart limit follow <c>Reporting:Attachments:MaxBytes</c>): past it the answer is 413 and nothing is saved. An
/// attachment id counts only on the route's report.
/// </summary>
internal static class ReportAttachmentEndpoints
{
    private const string Route = "/plans/{id:int}/reports/{period}/{unitCode}/{taskCode}/attachments";
    private const string Title = "Tệp không được đính kèm. / The file was not attached.";

    public static void MapReportAttachmentEndpoints(this RouteGroupBuilder v1)
    {
        var max = ((IEndpointRouteBuilder)v1).ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes;
        v1.MapPost(Route, UploadAsync).RequireAuthorization(Policies.WriteReports).DisableAntiforgery().WithTags("Reports")
            .WithMetadata(new RequestSizeLimitAttribute(max + AttachmentSetup.FormOverhead)).WithFormOptions(multipartBodyLengthLimit: max)
            .Accepts<AttachmentForm>("multipart/form-data")
            .Produces<ReportDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Đính kèm tệp (trường multipart 'file': PDF, DOCX, XLSX, JPEG, PNG; kiểm tra theo nội dung) / Attach a file (multipart field 'file'; checked by content)");
        v1.MapGet(Route + "/{attachmentId:int}", DownloadAsync).RequireAuthorization(Policies.ReadReports).WithTags("Reports")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tải tệp đính kèm (luôn tải về, không mở trong trình duyệt) / Download an attachment (always as a download)");
        v1.MapDelete(Route + "/{attachmentId:int}", DeleteAsync).RequireAuthorization(Policies.WriteReports).DisableAntiforgery().WithTags("Reports")
            .Produces<ReportDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Gỡ tệp đính kèm (khi báo cáo còn là nháp hoặc bị trả lại) / Remove an attachment (while the report is a draft or returned)");
    }

    private static async Task<IResult> UploadAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, [FromRoute] string unitCode, [FromRoute] string taskCode,
        ObligationQueries obligations, ReportService reports, ReportAttachments attachments, PlanAccess access, CancellationToken cancellationToken)
    {
        if (await obligations.FindAsync(id, period, unitCode, taskCode, cancellationToken) is not { } obligation)
        {
            return ReportEndpoints.NotFound();
        }

        var max = attachments.Options.MaxBytes;
        IFormFile? file;
        try
        {
            file = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        }
        catch (Exception e) when (ErrorResponses.IsOversize(e))
        {
            return TooLarge(max);
        }

        if (file is null || file.Length == 0)
        {
            return ApiProblems.Unprocessable(Title, [file is null ? AttachmentProblems.Required() : AttachmentProblems.Empty()]);
        }

        if (file.Length > max)
        {
            return TooLarge(max);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var caller = await access.ReportCallerAsync(context.User, cancellationToken);
        var added = await attachments.AddAsync(caller, obligation, file.FileName, content, context.ToActor(), cancellationToken);
        if (!added.Succeeded)
        {
            return ApiProblems.For(added, Title);
        }

        var answer = await ReportEndpoints.AnswerAsync(context, reports, caller, obligation, cancellationToken);
        return answer is Microsoft.AspNetCore.Http.HttpResults.Ok<ReportDto> { Value: { } dto }
            ? HttpResults.Created(dto.Attachments.Single(a => a.Id == added.Value).Url, dto)
            : answer;
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, [FromRoute] string unitCode,
        [FromRoute] string taskCode, [FromRoute] int attachmentId, ObligationQueries obligations, ReportAttachments attachments, PlanAccess access,
        CancellationToken cancellationToken)
    {
        if (await obligations.FindAsync(id, period, unitCode, taskCode, cancellationToken) is not { } obligation)
        {
            return ReportEndpoints.NotFound();
        }

        var opened = await attachments.OpenAsync(await access.ReportCallerAsync(context.User, cancellationToken), obligation, attachmentId, cancellationToken);
        return opened.Succeeded ? new AttachmentDownload(opened.Value!) : NoSuchAttachment();
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, [FromRoute] string unitCode,
        [FromRoute] string taskCode, [FromRoute] int attachmentId, ObligationQueries obligations, ReportService reports, ReportAttachments attachments, PlanAccess access,
        CancellationToken cancellationToken)
    {
        if (await obligations.FindAsync(id, period, unitCode, taskCode, cancellationToken) is not { } obligation)
        {
            return ReportEndpoints.NotFound();
        }

        var caller = await access.ReportCallerAsync(context.User, cancellationToken);
        var removed = await attachments.RemoveAsync(caller, obligation, attachmentId, context.ToActor(), cancellationToken);
        return removed.Succeeded ? await ReportEndpoints.AnswerAsync(context, reports, caller, obligation, cancellationToken)
            : removed.IsNotFound ? NoSuchAttachment()
            : ApiProblems.For(removed, "Tệp không được gỡ. / The attachment was not removed.");
    }

    /// <summary>413 naming the setting, as the site-wide over-size answer does, with the attachment limit rather than the imports'.</summary>
    private static IResult TooLarge(long max)
    {
        var problem = AttachmentProblems.TooLarge(max);
        return HttpResults.Problem(title: "Tệp quá lớn / Payload too large", detail: problem.ToString(), statusCode: StatusCodes.Status413PayloadTooLarge,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { ApiError.From(problem) } });
    }

    private static IResult NoSuchAttachment() => HttpResults.Problem(statusCode: 404, title: "Không có tệp đính kèm này. / No such attachment.");
}

/// <summary>The upload form: one file in the field <c>file</c>.</summary>
public sealed record AttachmentForm(IFormFile File);
