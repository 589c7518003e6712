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
        v1.MapGet("/units/{unitCode}/profile", ProfileAsync).RequireAuthorization(Policies.ReadResults).WithTags("Units")
            .Produces<ProfileDto>()
            .WithSummary("Hồ sơ đơn vị: xu hướng, điểm bị mất / Unit profile: trend and lost points");
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

        var profile = await analysis.ProfileAsync(unit.Id, family, year, cancellationToken);
        return profile is null
            ? HttpResults.Problem(statusCode: 404, title: $"Chưa có kết quả của '{unit.FullName}' năm {year}. / No results for '{unit.FullName}' in {year}.")
            : HttpResults.Ok(ProfileDto.From(profile));
    }
}

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
