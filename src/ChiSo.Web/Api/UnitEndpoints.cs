using ChiSo.Common;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using ChiSo.Analysis;
using ChiSo.Results;
using ChiSo.Web.Auth;

namespace ChiSo.Web.Api;

/// <summary><c>/api/v1/units/{unitCode}/profile</c>: where a province stands and where it loses points.</summary>
internal static class UnitEndpoints
{
    public static void MapUnitEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/units", ListAsync).RequireAuthorization(Policies.ReadResults).WithTags("Units")
            .Produces<IReadOnlyList<UnitDto>>()
            .WithSummary("Đơn vị của một tỉnh tại một ngày / A province's units on a date");
        v1.MapPost("/units", ImportAsync).RequireAuthorization(Policies.ManageUnits).DisableAntiforgery().WithTags("Units")
            .Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Nhập sở, ngành, đơn vị (CSV code,name,type,parent_code,valid_from,valid_to) hoặc ?communes=true (&historic=true: huyện, xã trước 01/7/2025) hoặc ?departments=true&historic=true (sở, ngành trước 3/2025, nối với sở kế thừa) / Import bodies from CSV, or the communes (&historic=true: the pre-2025 districts and communes), or the departments before March 2025 with their successors");
        v1.MapGet("/units/{unitCode}/profile", ProfileAsync).RequireAuthorization(Policies.ReadResults).WithTags("Units")
            .Produces<ProfileDto>()
            .WithSummary("Hồ sơ đơn vị: xu hướng, điểm bị mất / Unit profile: trend and lost points");
    }

    private static async Task<IResult> ListAsync(string province, DateOnly? date, string? kind, ChiSo.Units.UnitDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var on = date ?? ChiSo.Common.VietNamClock.VietNamToday(clock);
        if (await directory.ProvinceAsync(province, on, cancellationToken) is not { } found)
        {
            return HttpResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Không có tỉnh '{province}'. / No province '{province}'.");
        }

        var units = await directory.InProvinceCodeAsync(found.Code, on, cancellationToken);
        var list = units.Prepend(found)
            .Where(u => kind is null || string.Equals(u.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new UnitDto(u.Code, u.Kind.ToString(), u.Name, u.FullName, u.NameEn, u.ValidFrom, u.ValidTo))
            .ToList();
        return HttpResults.Ok(list);
    }

    private static async Task<IResult> ImportAsync(HttpContext context, string province, bool? communes, bool? historic, bool? departments, ChiSo.Units.OrganisationImport organisations,
        CancellationToken cancellationToken)
    {
        if (departments == true && historic == true)
        {
            var history = await organisations.ImportDepartmentHistoryAsync(province, context.ToActor(), cancellationToken);
            return history.Succeeded
                ? HttpResults.Ok(new { history.Value!.Added, history.Value.Linked, history.Value.Unchanged, Warnings = history.Warnings.Select(ApiError.From).ToList() })
                : ApiProblems.For(history, "Không nhập được sở, ngành trước 3/2025; không có gì được lưu. / The departments before March 2025 were not imported; nothing was saved.");
        }

        ChiSo.Units.OrganisationImportOutcome outcome;
        if (communes == true && historic == true)
        {
            outcome = await organisations.ImportHistoricCommunesAsync(province, context.ToActor(), cancellationToken);
        }
        else if (communes == true)
        {
            outcome = await organisations.ImportCommunesAsync(province, context.ToActor(), cancellationToken);
        }
        else
        {
            var file = await UploadedFile.ReadAsync(context.Request, "units.csv", cancellationToken);
            outcome = await organisations.ImportFileAsync(province, new ChiSo.Intake.IntakeFile(file?.Content ?? [], file?.FileName, file?.ContentType),
                context.ToActor(), cancellationToken);
        }

        return outcome.Succeeded
            ? HttpResults.Ok(new { outcome.Added, outcome.Updated, outcome.Unchanged })
            : ApiProblems.Unprocessable("Danh sách đơn vị có lỗi; không có gì được lưu. / The units file has errors; nothing was saved.", outcome.Errors);
    }

    private static async Task<IResult> ProfileAsync(string unitCode, string framework, int year, AnalysisService analysis, ResultsQueries queries,
        CancellationToken cancellationToken)
    {
        var family = await queries.FamilyOfAsync(framework, cancellationToken);
        var unit = await analysis.UnitForYearAsync(unitCode, year, cancellationToken);
        if (family is null || unit is null)
        {
            return HttpResults.Problem(statusCode: 404, title: $"Không có đơn vị '{unitCode}' hoặc khung '{framework}' năm {year}. / No unit '{unitCode}' or framework '{framework}' in {year}.");
        }

        // That year's full table and each year's aggregate, both cached by import: one lookup query when warm. A commune
        // is ranked among its province's communes (or the country's, when only those were imported).
        var scope = await analysis.ScopeOfAsync(unit, family, year, cancellationToken);
        var profile = await analysis.ProfileAsync(unit.Id, family, year, scope, cancellationToken);
        return profile is null
            ? HttpResults.Problem(statusCode: 404, title: $"Chưa có kết quả của '{unit.FullName}' năm {year}. / No results for '{unit.FullName}' in {year}.")
            : HttpResults.Ok(ProfileDto.From(profile));
    }
}

public sealed record UnitDto(string Code, string Kind, string Name, string FullName, string? NameEn, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record LostPointDto(string Node, string NameVi, string NameEn, decimal Max, decimal Score, decimal Lost, decimal GapToBest);

public sealed record TrendDto(int Year, string Framework, decimal? Aggregate, decimal Max, int? Rank, int? Group, int Ranked);

public sealed record DimensionDto(string Node, string NameVi, decimal Max, decimal? Score, decimal? Mean, decimal? Median, decimal? Best, int? Rank, int? Group);

public sealed record ProfileDto(
    string UnitCode, string UnitName, string Framework, int Year, bool Illustrative, bool Scored, decimal? Aggregate, int? Rank, int? Group, int Ranked,
    IReadOnlyList<TrendDto> Trend, IReadOnlyList<DimensionDto> Dimensions, IReadOnlyList<LostPointDto> LostPoints,
    int? NextGroup, decimal? PointsToNextGroup, int? NextRank, decimal? PointsToNextRank)
{
    public static ProfileDto From(UnitProfile p) => new(p.UnitCode, p.UnitName, p.FrameworkId, p.Year, p.Illustrative, p.Scored,
        p.Aggregate?.Score, p.Aggregate?.Rank, p.Aggregate?.Group, p.RankedCount,
        p.Trend.Select(t => new TrendDto(t.Year, t.FrameworkId, t.Aggregate, t.AggregateMax, t.Rank, t.Group, t.RankedCount)).ToList(),
        p.Dimensions.Select(d => new DimensionDto(d.Code, d.NameVi, d.Max, d.Score, d.Mean, d.Median, d.Best, d.Rank, d.Group)).ToList(),
        p.LostPoints.Select(l => new LostPointDto(l.Node, l.NameVi, l.NameEn, l.Max, l.Score, l.Lost, l.GapToBest)).ToList(),
        p.NextGroup, p.PointsToNextGroup, p.NextRank, p.PointsToNextRank);
}
