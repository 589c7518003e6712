using ChiSo.Common;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using ChiSo.Analysis;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Web.Auth;

namespace ChiSo.Web.Api;

/// <summary><c>/api/v1/frameworks/{frameworkId}/results/{year}</c>: import a results file, read a year.</summary>
internal static class ResultEndpoints
{
    public static void MapResultEndpoints(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/frameworks/{frameworkId}/results").WithTags("Results");
        group.MapPost("/{year:int}", ImportAsync).RequireAuthorization(Policies.ImportResults).DisableAntiforgery()
            .Accepts<string>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "multipart/form-data")
            .Produces<ImportSummaryDto>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Nhập kết quả một năm (CSV/XLSX); ?province=68: xã, phường của tỉnh; ?scope=communes: xã, phường cả nước / Import a year's results (CSV/XLSX); ?province=68: a province's communes; ?scope=communes: every commune");
        group.MapGet("/{year:int}", GetAsync).RequireAuthorization(Policies.ReadResults)
            .Produces<YearResultsDto>()
            .WithSummary("Kết quả một năm với hạng và nhóm (?province=68 hoặc ?scope=communes như khi nhập) / A year's results with ranks and groups (?province=68 or ?scope=communes as imported)");
    }

    private static async Task<IResult> ImportAsync(HttpContext context, string frameworkId, int year, string? province, string? scope,
        ResultsImportService imports, CancellationToken cancellationToken)
    {
        if (ScopeRequest.FromQuery(scope, province) is not { } request)
        {
            return BadScope();
        }

        var file = await UploadedFile.ReadAsync(context.Request, $"{frameworkId}-{year}.csv", cancellationToken);
        if (file is null)
        {
            return ApiProblems.Unprocessable("Thiếu tệp kết quả. / No results file.",
                [Problem.File("Gửi tệp trong thân yêu cầu hoặc trường 'file' của biểu mẫu.", "Send the file as the body or the 'file' form field.")]);
        }

        using var stream = new MemoryStream(file.Content, writable: false);
        var outcome = await imports.ImportAsync(frameworkId, year, request, stream, file.FileName, file.ContentType, context.ToActor(), cancellationToken: cancellationToken);
        if (outcome.IsConflict)
        {
            return HttpResults.Problem(title: "Nhiều người đang nhập cùng năm này; không có gì được lưu, hãy thử lại. / Others are importing this year at the same moment; nothing was saved, try again.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors.Select(ApiError.From).ToList() });
        }

        if (!outcome.Succeeded)
        {
            return ApiProblems.Unprocessable("Tệp kết quả có lỗi; không có gì được lưu. / The results file has errors; nothing was saved.", outcome.Errors);
        }

        // Like errors, warnings are listed up to the problem cap; warningCount says how many there were.
        return HttpResults.Ok(new ImportSummaryDto(outcome.FrameworkId!, year, outcome.Version!.Value, outcome.UnitCount, outcome.ScoredCount,
            outcome.Warnings.Take(ProblemCollector.DefaultLimit)
                .Select(w => new ImportWarningDto(w.Row, w.UnitName, w.Node, w.MessageVi, w.MessageEn, w.FileValue, w.ComputedValue)).ToList(),
            outcome.Warnings.Count, outcome.Scope.Scope.Key, outcome.Scope.NameVi, outcome.Scope.NameEn));
    }

    /// <summary>
    /// The year's results. The JSON of a (current, previous) pair of imports never changes, so it is serialised once
    /// and kept beside the table in the results cache; a request costs its authentication and one lookup query.
    /// </summary>
    private static async Task<IResult> GetAsync(string frameworkId, int year, string? province, string? scope, AnalysisService analysis,
        ResultsQueries queries, ResultsCache cache, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (ScopeRequest.FromQuery(scope, province) is not { } request)
        {
            return BadScope();
        }

        var resolved = await queries.ResolveScopeAsync(request, year, cancellationToken);
        if (!resolved.Succeeded)
        {
            return ApiProblems.For(resolved, "Phạm vi không hợp lệ. / Unknown scope.");
        }

        var table = await analysis.TableAsync(frameworkId, year, resolved.Value!.Scope, cancellationToken);
        if (table is null)
        {
            return HttpResults.Problem(statusCode: 404, title: $"Chưa có kết quả '{frameworkId}' năm {year}. / No '{frameworkId}' results for {year}.");
        }

        var body = await cache.GetOrBuildAsync(new ResultsCacheKey("results-json", table.ImportId, table.PreviousImportId),
            () => Task.FromResult(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(YearResultsDto.From(table), json.Value.SerializerOptions)),
            b => b.LongLength, cancellationToken);
        return HttpResults.Bytes(body, "application/json; charset=utf-8");
    }

    private static IResult BadScope() => ApiProblems.Unprocessable("Phạm vi không hợp lệ. / Unknown scope.",
        [Problem.Invalid("scope", "Phạm vi là 'provinces' (mặc định) hoặc 'communes'; xã, phường của một tỉnh: ?province=mã tỉnh.",
            "The scope is 'provinces' (the default) or 'communes'; one province's communes: ?province=code.")]);
}

public sealed record ImportWarningDto(int Row, string Unit, string Node, string Message, string MessageEn, decimal FileValue, decimal ComputedValue);

public sealed record ImportSummaryDto(string Framework, int Year, int Version, int Units, int Scored, IReadOnlyList<ImportWarningDto> Warnings,
    int WarningCount, string Scope, string ScopeName, string ScopeNameEn);

public sealed record ScoreDto(decimal? Score, int? Rank, int? Group, string? Source, string? RankSource, string? GroupSource, decimal? SelfAssessed);

public sealed record WarningDto(string Node, string Message, decimal? FileValue, decimal? ComputedValue);

public sealed record UnitResultDto(
    string UnitCode, string UnitName, bool Scored, ScoreDto? Aggregate, IReadOnlyDictionary<string, ScoreDto> Nodes,
    decimal? AggregateChange, int? RankChange, IReadOnlyList<WarningDto> Warnings);

public sealed record YearResultsDto(string Framework, int Year, bool Illustrative, IReadOnlyList<UnitResultDto> Units)
{
    public static YearResultsDto From(YearTable table)
    {
        var units = table.Rows.Select(r =>
        {
            var nodes = r.Cells.Where(c => c.Key != FrameworkNode.AggregateCode).ToDictionary(c => c.Key, c => Score(c.Value));
            var warnings = r.Cells.Where(c => c.Value.Warning is not null)
                .Select(c => new WarningDto(c.Key, c.Value.Warning!, c.Value.Score, c.Value.ComputedValue)).ToList();
            return new UnitResultDto(r.UnitCode, r.UnitName, r.Scored, r.Aggregate?.Score is null ? null : Score(r.Aggregate), nodes,
                r.AggregateChange, r.RankChange, warnings);
        }).ToList();
        return new YearResultsDto(table.Framework.Id, table.Year, table.Illustrative, units);
    }

    private static ScoreDto Score(CellValue cell) => new(cell.Score, cell.Rank, cell.Group,
        cell.Source is null ? null : cell.Source == ScoreSource.File ? "file" : "computed",
        cell.RankSource is null ? null : cell.RankSource == RankSource.Official ? "official" : "computed",
        cell.GroupSource is null ? null : cell.GroupSource == RankSource.Official ? "official" : "computed",
        cell.SelfAssessed);
}
