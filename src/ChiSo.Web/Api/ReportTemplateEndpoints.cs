using ChiSo.Intake;
using ChiSo.Plans;
using ChiSo.Reporting.Templates;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary>
/// <c>/api/v1/plans/{id}/reports/{period}/{unitCode}/template.xlsx</c> and <c>…/import</c>: a unit's report template for a
/// period, and its import as drafts. Both are the unit's own (a draft is its unit's, ADR 0016): the template for its focal
/// point and head (reports:read), the import for its focal point (reports:write); a coordinator or leader gets 403,
/// another unit 404. Plan, period and unit come from the route; the file only has to agree with it. The upload (multipart
/// field <c>file</c>, or the workbook as the body) is bounded by the site's upload limits before it is read (413) and
/// before it is parsed (422 naming the limit); a refused file saves nothing and lists every problem by row and column.
/// </summary>
internal static class ReportTemplateEndpoints
{
    private const string Route = "/plans/{id:int}/reports/{period}/{unitCode}";
    private const string Refused = "Tệp không được nhập; không có gì được lưu. / The file was not imported; nothing was saved.";

    public static void MapReportTemplateEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet(Route + "/template.xlsx", TemplateAsync).RequireAuthorization(Policies.ReadReports).WithTags("Reports")
            .Produces(StatusCodes.Status200OK, contentType: PlanEndpoints.XlsxType).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Mẫu báo cáo XLSX của đơn vị trong kỳ (mỗi nhiệm vụ một dòng, điền sẵn bản nháp) / The unit's report template for the period");
        v1.MapPost(Route + "/import", ImportAsync).RequireAuthorization(Policies.WriteReports).DisableAntiforgery().WithTags("Reports")
            .Accepts<AttachmentForm>("multipart/form-data", PlanEndpoints.XlsxType, "application/octet-stream").Produces<TemplateImportDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Nhập mẫu đã điền thành các bản nháp (trường multipart 'file'); lỗi theo dòng, cột; có lỗi thì không lưu gì / Import a filled template as drafts");
    }

    private static async Task<IResult> TemplateAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, [FromRoute] string unitCode,
        UnitReportTemplates templates, PlanAccess access, CancellationToken cancellationToken)
    {
        var caller = await access.ReportCallerAsync(context.User, cancellationToken);
        var template = await templates.TemplateAsync(caller, id, period, unitCode, cancellationToken);
        return template.Succeeded
            ? HttpResults.File(template.Value!.Content, PlanEndpoints.XlsxType, template.Value.FileName)
            : ApiProblems.For(template, "Không có mẫu báo cáo này. / No such template.");
    }

    private static async Task<IResult> ImportAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, [FromRoute] string unitCode,
        UnitReportTemplates templates, PlanAccess access, CancellationToken cancellationToken)
    {
        var upload = await UploadedFile.ReadAsync(context.Request, "bao-cao.xlsx", cancellationToken);
        var caller = await access.ReportCallerAsync(context.User, cancellationToken);
        var file = new IntakeFile(upload?.Content ?? [], upload?.FileName, upload?.ContentType);
        var imported = await templates.ImportAsync(caller, id, period, unitCode, file, context.ToActor(), cancellationToken);
        if (!imported.Succeeded)
        {
            return ApiProblems.For(imported, Refused);
        }

        var result = imported.Value!;
        var reports = $"/api/v1/plans/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/reports/{Uri.EscapeDataString(period)}/{Uri.EscapeDataString(unitCode)}/";
        return HttpResults.Ok(new TemplateImportDto(result.Saved, result.Unchanged, result.Blank,
            result.SavedTasks.Select(t => new ImportedReportDto(t, reports + Uri.EscapeDataString(t))).ToList()));
    }
}

/// <summary>What an import did: drafts written (<c>saved</c>, each with its report's URL), rows that already said what the report holds, blank rows skipped.</summary>
public sealed record TemplateImportDto(int Saved, int Unchanged, int Blank, IReadOnlyList<ImportedReportDto> Reports);

public sealed record ImportedReportDto(string TaskCode, string Url);
