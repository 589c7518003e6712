using ChiSo.Common;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using ChiSo.Plans;
using ChiSo.Plans.Documents;
using ChiSo.Plans.Import;
using ChiSo.Web.Auth;

namespace ChiSo.Web.Api;

/// <summary>The plan's documents (DOCX per Decree 30, XLSX of assignments) and the appendix import.</summary>
internal static partial class PlanEndpoints
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static partial void MapDocumentEndpoints(RouteGroupBuilder v1)
    {
        v1.MapGet("/plans/{id:int}/document.docx", DocxAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Plans")
            .Produces(StatusCodes.Status200OK, contentType: DocxType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Văn bản kế hoạch (DOCX theo Nghị định 30/2020/NĐ-CP); ?amendment=n cho bản trước / The plan document; ?amendment=n for an earlier version");
        v1.MapGet("/plans/{id:int}/assignments.xlsx", XlsxAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Plans")
            .Produces(StatusCodes.Status200OK, contentType: XlsxType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Bảng phân công nhiệm vụ (XLSX) / The assignment table");
        v1.MapPost("/plans/{id:int}/tasks:import", ImportAsync).RequireAuthorization(Policies.ManagePlans).DisableAntiforgery().WithTags("Plans")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Nhập bảng phụ lục (XLSX/XLS/DOCX/CSV). Trường 'mapping' (A=code;B=content;…) và 'matches' (JSON tên→unit:id) tùy chọn / Import an appendix table");
    }

    private static async Task<IResult> DocxAsync(int id, int? amendment, PlanQueries plans, CancellationToken cancellationToken) =>
        await ViewAsync(id, amendment, plans, cancellationToken) is { } view
            ? HttpResults.File(PlanDocx.Write(PlanDocumentMapper.From(view)), DocxType, FileName(view, "docx"))
            : NotFound(id);

    private static async Task<IResult> XlsxAsync(int id, int? amendment, PlanQueries plans, CancellationToken cancellationToken) =>
        await ViewAsync(id, amendment, plans, cancellationToken) is { } view
            ? HttpResults.File(AssignmentsXlsx.Write(PlanDocumentMapper.From(view)), XlsxType, FileName(view, "xlsx", "phan-cong"))
            : NotFound(id);

    private static async Task<PlanView?> ViewAsync(int id, int? amendment, PlanQueries plans, CancellationToken cancellationToken) =>
        amendment is { } n ? await plans.VersionAsync(id, n, cancellationToken) : await plans.ViewAsync(id, cancellationToken: cancellationToken);

    /// <summary>"ke-hoach-22-KH-UBND.docx": ASCII, so every mail client and server keeps the name intact.</summary>
    public static string FileName(PlanView view, string extension, string prefix = "ke-hoach")
    {
        var number = string.IsNullOrWhiteSpace(view.Number) ? $"du-thao-{view.Id}" : $"{view.Number}-{view.Symbol}";
        var safe = new string(ChiSo.Text.VietnameseText.Fold(number).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        var amendment = view.Amendment > 0 ? $"-sua-doi-{view.Amendment}" : "";
        return $"{prefix}-{safe.ToUpperInvariant()}{amendment}.{extension}";
    }

    private static async Task<IResult> ImportAsync(HttpContext context, int id, PlanQueries plans, AppendixImport import, CancellationToken cancellationToken)
    {
        if (await plans.ViewAsync(id, cancellationToken: cancellationToken) is null)
        {
            return NotFound(id);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var file = form.Files.Count > 0 ? form.Files[0] : null;
        if (file is null || file.Length == 0)
        {
            return Unprocessable([Problem.File("Chọn tệp phụ lục (XLSX, XLS, DOCX hoặc CSV).", "Choose an appendix file (XLSX, XLS, DOCX or CSV).")]);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var mapping = AppendixForm.ParseMapping(form["mapping"]);
        var matches = AppendixForm.ParseMatches(form["matches"]);
        if (mapping.Errors.Count > 0 || matches.Errors.Count > 0)
        {
            return Unprocessable([.. mapping.Errors, .. matches.Errors]);
        }

        var (result, preview) = await import.ImportAsync(id, file.FileName, buffer.ToArray(), mapping.Value, matches.Value, context.ToActor(), cancellationToken);
        if (!result.Succeeded)
        {
            return HttpResults.Problem(
                title: "Bảng phụ lục có lỗi; không có gì được lưu. / The appendix has errors; nothing was saved.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = result.Problems.Select(ApiError.From).ToList(),
                    ["unknownNames"] = preview.UnknownNames,
                    ["mapping"] = preview.Mapping?.Columns.ToDictionary(c => AppendixForm.Letter(c.Key), c => c.Value.ToString()),
                });
        }

        return HttpResults.Ok(new
        {
            Tasks = preview.Draft!.AllTasks.Count(),
            Groups = preview.Draft.Groups.Count,
            Warnings = result.Warnings.Select(w => w.ToString()).ToList(),
        });
    }
}
