using ChiSo.Common;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Web.Auth;

namespace ChiSo.Web.Api;

/// <summary><c>/api/v1/frameworks</c>: list, read, export and import framework versions.</summary>
internal static class FrameworkEndpoints
{
    public static void MapFrameworkEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/frameworks").WithTags("Frameworks");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadResults)
            .WithSummary("Danh sách khung chỉ số / Framework versions");
        group.MapGet("/{frameworkId}", GetAsync).RequireAuthorization(Policies.ReadResults)
            .WithSummary("Một khung chỉ số với cây chỉ số / One framework version with its nodes");
        group.MapGet("/{frameworkId}/definition.csv", ExportCsvAsync).RequireAuthorization(Policies.ReadResults)
            .WithSummary("Định nghĩa dạng CSV / Definition as CSV");
        group.MapGet("/{frameworkId}/definition.json", ExportJsonAsync).RequireAuthorization(Policies.ReadResults)
            .WithSummary("Định nghĩa dạng JSON / Definition as JSON");
        group.MapPost("/", ImportAsync).RequireAuthorization(Policies.ManageFrameworks).DisableAntiforgery()
            .Accepts<string>("text/csv", "application/json")
            .Produces<FrameworkDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Thêm phiên bản khung chỉ số từ CSV hoặc JSON / Add a framework version from CSV or JSON");
    }

    private static async Task<IResult> ListAsync(ResultsQueries queries, CancellationToken cancellationToken) =>
        HttpResults.Ok((await queries.FrameworksAsync(cancellationToken)).Select(f => FrameworkDto.From(f, withNodes: false)));

    private static async Task<IResult> GetAsync(string frameworkId, ResultsQueries queries, CancellationToken cancellationToken) =>
        await queries.FrameworkAsync(frameworkId, cancellationToken) is { } framework
            ? HttpResults.Ok(FrameworkDto.From(framework, withNodes: true))
            : HttpResults.Problem(statusCode: 404, title: $"Không có khung chỉ số '{frameworkId}'. / No framework '{frameworkId}'.");

    private static async Task<IResult> ExportCsvAsync(string frameworkId, ResultsQueries queries, CancellationToken cancellationToken) =>
        await queries.FrameworkAsync(frameworkId, cancellationToken) is { } framework
            ? HttpResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(FrameworkCsv.Write(framework))).ToArray(),
                "text/csv; charset=utf-8", $"{framework.Id}.csv")
            : HttpResults.NotFound();

    private static async Task<IResult> ExportJsonAsync(string frameworkId, ResultsQueries queries, CancellationToken cancellationToken) =>
        await queries.FrameworkAsync(frameworkId, cancellationToken) is { } framework
            ? HttpResults.File(System.Text.Encoding.UTF8.GetBytes(FrameworkJson.Write(framework)), "application/json; charset=utf-8", $"{framework.Id}.json")
            : HttpResults.NotFound();

    private static async Task<IResult> ImportAsync(
        HttpContext context, FrameworkService frameworks, ChiSo.Intake.IntakeLimits limits, string? id, string? nameVi, string? nameEn, int? validFrom, int? validTo, string? family,
        string? groupRule, CancellationToken cancellationToken)
    {
        var file = await UploadedFile.ReadAsync(context.Request, "definition", cancellationToken);
        if (file is null || file.Content.Length == 0)
        {
            return ApiProblems.Unprocessable("Không có nội dung định nghĩa. / The request has no definition.", [Problem.File("Thiếu nội dung.", "The body is empty.")]);
        }

        var isJson = file.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || file.Text.TrimStart().StartsWith('{');
        Framework? candidate;
        IReadOnlyList<Problem> errors;
        if (isJson)
        {
            (candidate, errors) = FrameworkJson.Read(file.Text, limits);
        }
        else
        {
            (candidate, errors) = new FrameworkVersionFields(id, family, nameVi, nameEn, validFrom, validTo, groupRule)
                .WithFile(new ChiSo.Intake.IntakeFile(file.Content, file.FileName, file.ContentType), limits);
        }

        if (candidate is not null)
        {
            var saved = await frameworks.ImportAsync(candidate!, context.ToActor(), cancellationToken);
            (candidate, errors) = (saved.Value, saved.Problems);
        }

        return candidate is null
            ? ApiProblems.Unprocessable("Định nghĩa khung chỉ số có lỗi. / The framework definition has errors.", errors)
            : HttpResults.Created($"/api/v1/frameworks/{candidate.Id}", FrameworkDto.From(candidate, withNodes: true));
    }
}

public sealed record FrameworkNodeDto(string Code, string? Parent, string NameVi, string NameEn, decimal Min, decimal Max, string Aggregation, decimal? Weight, int Order);

public sealed record FrameworkDto(
    string Id, string Family, string NameVi, string NameEn, int ValidFrom, int? ValidTo, string GroupRule, bool BuiltIn, int NodeCount,
    IReadOnlyList<FrameworkNodeDto>? Nodes)
{
    public static FrameworkDto From(Framework f, bool withNodes) => new(f.Id, f.Family, f.NameVi, f.NameEn, f.ValidFrom, f.ValidTo, f.GroupRule, f.BuiltIn,
        f.Nodes.Count,
        withNodes
            ? new FrameworkTree(f).InTreeOrder().Select(n => new FrameworkNodeDto(n.Code, n.ParentCode, n.NameVi, n.NameEn, n.Min, n.Max,
                AggregationNames.ToText(n.Aggregation), n.Weight, n.Order)).ToList()
            : null);
}
