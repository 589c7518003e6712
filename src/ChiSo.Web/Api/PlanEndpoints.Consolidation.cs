using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Reporting.Consolidation;
using ChiSo.Reporting.Periods;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary>
/// A period's consolidated report (<c>consolidated.docx</c>, <c>consolidated.xlsx</c>), its follow-up letter
/// (<c>follow-up.docx</c>) and its narrative (<c>GET/PUT …/periods/{period}/narrative</c>, <c>POST …/narrative:redraft</c>).
/// The plan's coordinators and leaders read them; only coordinators change the narrative; a unit's member is refused (403)
/// and anyone who may not read the plan finds nothing (404). Changing the narrative needs the <c>reports:review</c> scope:
/// it is the coordinator's work on the reports they reviewed, and the plan-editing policy would refuse a coordinator who
/// holds the role only through a membership before the service could decide.
/// </summary>
internal static partial class PlanEndpoints
{
    private const string NarrativeRoute = "/plans/{id:int}/periods/{period}/narrative";
    private const string NarrativeRefused = "Nội dung báo cáo tổng hợp không được lưu. / The narrative was not saved.";
    private const string DocumentRefused = "Không lập được văn bản. / The document could not be made.";

    static partial void MapConsolidationEndpoints(RouteGroupBuilder v1)
    {
        v1.MapGet("/plans/{id:int}/consolidated.docx", ConsolidatedDocxAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Reporting")
            .Produces(StatusCodes.Status200OK, contentType: DocxType).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Báo cáo kết quả thực hiện kế hoạch của một kỳ, kèm phụ lục nhiệm vụ và danh sách đơn vị chậm, thiếu (DOCX theo Nghị định 30/2020/NĐ-CP; ?period=2026-Q1) / A period's consolidated report with its appendices");
        v1.MapGet("/plans/{id:int}/consolidated.xlsx", ConsolidatedXlsxAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Reporting")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Số liệu tổng hợp của một kỳ: tổng hợp, nhiệm vụ, đơn vị chậm, thiếu (XLSX; ?period=2026-Q1) / A period's consolidated figures as a workbook");
        v1.MapGet("/plans/{id:int}/follow-up.docx", FollowUpDocxAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Reporting")
            .Produces(StatusCodes.Status200OK, contentType: DocxType).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Công văn đôn đốc các đơn vị chậm, chưa gửi báo cáo của kỳ (DOCX; ?period=2026-Q1&deadline=yyyy-MM-dd, mặc định 5 ngày làm việc; &from=SNV để sở gửi thay UBND) / The follow-up letter to the units late with or missing reports (from=a department's code to send it in its name)");
        v1.MapGet(NarrativeRoute, NarrativeAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Reporting")
            .Produces<NarrativeDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Nội dung báo cáo tổng hợp của kỳ (chưa lưu thì là bản soạn từ các báo cáo đã tiếp nhận) / A period's narrative (a draft from the accepted reports until saved)");
        v1.MapPut(NarrativeRoute, SaveNarrativeAsync).RequireAuthorization(Policies.ReviewReports).DisableAntiforgery().WithTags("Reporting")
            .Accepts<NarrativeBody>("application/json").Produces<NarrativeDto>().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Lưu nội dung báo cáo tổng hợp (kèm revision đang sửa; 0 khi lưu lần đầu; nhóm không gửi giữ nguyên) / Save the narrative (with the revision it edits; 0 the first time)");
        v1.MapPost(NarrativeRoute + ":redraft", RedraftNarrativeAsync).RequireAuthorization(Policies.ReviewReports).DisableAntiforgery().WithTags("Reporting")
            .Accepts<RevisionBody>("application/json").Produces<NarrativeDto>().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Soạn lại nội dung từ các báo cáo đã tiếp nhận, thay nội dung đã lưu / Draft the narrative again from the accepted reports, replacing the saved one");
    }

    private static async Task<IResult> ConsolidatedDocxAsync(HttpContext context, [FromRoute] int id, [FromQuery] string? period, ConsolidationDocuments documents,
        PlanAccess access, CancellationToken cancellationToken) =>
        await ReportFileAsync(context, id, period, documents, access, r => ConsolidatedReportDocx.Write(r), DocxType, "bao-cao", "docx", cancellationToken);

    private static async Task<IResult> ConsolidatedXlsxAsync(HttpContext context, [FromRoute] int id, [FromQuery] string? period, ConsolidationDocuments documents,
        PlanAccess access, CancellationToken cancellationToken) =>
        await ReportFileAsync(context, id, period, documents, access, r => ConsolidatedReportXlsx.Write(r), XlsxType, "tong-hop", "xlsx", cancellationToken);

    private static async Task<IResult> ReportFileAsync(HttpContext context, int id, string? period, ConsolidationDocuments documents, PlanAccess access,
        Func<ConsolidatedReport, byte[]> write, string type, string prefix, string extension, CancellationToken cancellationToken)
    {
        if (PeriodQuery(period) is { } invalid)
        {
            return invalid;
        }

        var report = await documents.ReportAsync(await access.RightsAsync(context.User, cancellationToken), id, period!, cancellationToken);
        return report is { Succeeded: true, Value: { } value }
            ? HttpResults.File(write(value), type, ConsolidationFileName(prefix, value.Rollup.PlanName, value.Rollup.Period, extension))
            : ApiProblems.For(report, DocumentRefused);
    }

    private static async Task<IResult> FollowUpDocxAsync(HttpContext context, [FromRoute] int id, [FromQuery] string? period, [FromQuery] string? deadline,
        [FromQuery] string? from, ConsolidationDocuments documents, PlanAccess access, CancellationToken cancellationToken)
    {
        if (PeriodQuery(period) is { } invalid)
        {
            return invalid;
        }

        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(deadline))
        {
            if (!DateOnly.TryParseExact(deadline.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return ApiProblems.Unprocessable("Tham số không hợp lệ. / Invalid parameter.",
                    [Problem.Invalid("deadline", $"Hạn mới phải là ngày dạng yyyy-MM-dd (ví dụ 2026-04-17), không phải '{deadline}'.",
                        $"The new deadline must be a date as yyyy-MM-dd (e.g. 2026-04-17), not '{deadline}'.")]);
            }

            until = parsed;
        }

        var letter = await documents.LetterAsync(await access.RightsAsync(context.User, cancellationToken), id, period!, until, from, cancellationToken);
        if (letter is not { Succeeded: true, Value: { } value })
        {
            return ApiProblems.For(letter, DocumentRefused);
        }

        return HttpResults.File(FollowUpLetterDocx.Write(value), DocxType, ConsolidationFileName("don-doc", value.PlanName, value.Period, "docx"));
    }

    private static async Task<IResult> NarrativeAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, NarrativeService narratives, PlanAccess access,
        CancellationToken cancellationToken)
    {
        var read = await narratives.ReadAsync(await access.RightsAsync(context.User, cancellationToken), id, period, cancellationToken);
        return read is { Succeeded: true, Value: { } view } ? HttpResults.Ok(NarrativeDto.From(view)) : ApiProblems.For(read, NarrativeRefused);
    }

    private static async Task<IResult> SaveNarrativeAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, NarrativeBody body,
        NarrativeService narratives, PlanAccess access, CancellationToken cancellationToken)
    {
        var rights = await access.RightsAsync(context.User, cancellationToken);
        var input = new NarrativeInput(body.Opening, body.Summary, body.Results?.Select(r => new NarrativeSectionInput(r.Code, r.Text)).ToList(), body.Difficulties,
            body.Proposals);
        var saved = await narratives.SaveAsync(rights, id, period, input, body.Revision, context.ToActor(), cancellationToken);
        return saved.Succeeded ? await NarrativeAsync(context, id, period, narratives, access, cancellationToken) : ApiProblems.For(saved, NarrativeRefused);
    }

    private static async Task<IResult> RedraftNarrativeAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, RevisionBody body,
        NarrativeService narratives, PlanAccess access, CancellationToken cancellationToken)
    {
        var redrafted = await narratives.RedraftAsync(await access.RightsAsync(context.User, cancellationToken), id, period, body.Revision, context.ToActor(),
            cancellationToken);
        return redrafted.Succeeded ? await NarrativeAsync(context, id, period, narratives, access, cancellationToken) : ApiProblems.For(redrafted, NarrativeRefused);
    }

    /// <summary>A missing or malformed <c>?period=</c> is the caller's mistake (422 naming the parameter), as for the roll-up.</summary>
    private static IResult? PeriodQuery(string? period) =>
        period is { Length: > 0 } && ReportingPeriod.TryParse(period, out _)
            ? null
            : ApiProblems.Unprocessable("Tham số không hợp lệ. / Invalid parameter.",
                [Problem.Invalid("period", $"Cần mã kỳ báo cáo (ví dụ 2026-Q1, 2026-6M, 2026-9M, 2026-Y), không phải '{period}'.",
                    $"A period id is needed (e.g. 2026-Q1, 2026-6M, 2026-9M, 2026-Y), not '{period}'.")]);

    /// <summary>"bao-cao-12-KH-UBND-2026-Q1.docx": ASCII, so every mail client and server keeps the name intact.</summary>
    internal static string ConsolidationFileName(string prefix, string planName, ReportingPeriod period, string extension)
    {
        var safe = new string(ChiSo.Text.VietnameseText.Fold(planName).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"{prefix}-{safe.ToUpperInvariant()}-{period.Id}.{extension}";
    }
}

/// <summary>The narrative as saved (or drafted): its parts, one paragraph per dimension, and the roll-up's sentence of counts today.</summary>
public sealed record NarrativeDto(int Plan, string Period, string PeriodName, bool Saved, int Revision, bool CanEdit, DateTimeOffset? UpdatedAt, string? UpdatedBy,
    DateTimeOffset? DraftedAt, string Opening, string Summary, IReadOnlyList<NarrativeSectionDto> Results, string Difficulties, string Proposals, string CurrentCounts,
    bool CountsChanged)
{
    public static NarrativeDto From(NarrativeView v) => new(v.PlanId, v.Period.Id, v.Period.NameVi, v.Saved, v.Revision, v.CanEdit, v.UpdatedAt, v.UpdatedBy, v.DraftedAt,
        v.Text.Opening, v.Text.Summary, [.. v.Text.Results.Select(r => new NarrativeSectionDto(r.Code, r.Title, r.Text))], v.Text.Difficulties, v.Text.Proposals,
        v.CurrentCounts, v.CountsChanged);
}

/// <summary>One dimension's paragraph: the plan's group code ("" for the tasks under none), its title and the text.</summary>
public sealed record NarrativeSectionDto(string Code, string Title, string Text);

/// <summary>The narrative to save: the revision it edits (0 the first time), its parts, and the dimensions' paragraphs by code.</summary>
public sealed record NarrativeBody(int Revision, string? Opening, string? Summary, IReadOnlyList<NarrativeSectionBody>? Results, string? Difficulties, string? Proposals);

public sealed record NarrativeSectionBody(string? Code, string? Text);

/// <summary>The revision the caller has in hand.</summary>
public sealed record RevisionBody(int Revision);
