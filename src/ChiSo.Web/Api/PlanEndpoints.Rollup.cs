using ChiSo.Plans;
using ChiSo.Reporting.Rollup;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary><c>GET /api/v1/plans/{id}/rollup?period=</c>: a period consolidated — for the plan's coordinators and leaders.</summary>
internal static partial class PlanEndpoints
{
    static partial void MapRollupEndpoints(RouteGroupBuilder v1) =>
        v1.MapGet("/plans/{id:int}/rollup", RollupAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Reporting")
            .Produces<RollupDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Tổng hợp kết quả một kỳ: theo nhiệm vụ, lĩnh vực, đơn vị, cấp (?period=2026-Q1) / A period's roll-up by task, dimension, unit and level");

    private static async Task<IResult> RollupAsync(HttpContext context, [FromRoute] int id, [FromQuery] string? period, RollupQueries rollups, PlanAccess access,
        CancellationToken cancellationToken)
    {
        if (period is not { Length: > 0 } || !ChiSo.Reporting.Periods.ReportingPeriod.TryParse(period, out var parsed))
        {
            return ApiProblems.Unprocessable("Tham số không hợp lệ. / Invalid parameter.",
                [ChiSo.Common.Problem.Invalid("period", $"Cần mã kỳ báo cáo (ví dụ 2026-Q1, 2026-6M, 2026-9M, 2026-Y), không phải '{period}'.",
                    $"A period id is needed (e.g. 2026-Q1, 2026-6M, 2026-9M, 2026-Y), not '{period}'.")]);
        }

        var rollup = await rollups.ReadAsync(await access.RightsAsync(context.User, cancellationToken), id, parsed.Id, cancellationToken);
        return rollup is { Succeeded: true, Value: { } value } ? HttpResults.Ok(RollupDto.From(value)) : ApiProblems.For(rollup, "Không đọc được tổng hợp. / No roll-up.");
    }
}
