using ChiSo.Accounts;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary><c>GET /api/v1/plans/{id}/obligations</c>: who owes which report, by when — all of them for the plan's coordinators and leaders, one's own units' for anyone else.</summary>
internal static partial class PlanEndpoints
{
    static partial void MapObligationEndpoints(RouteGroupBuilder v1) =>
        v1.MapGet("/plans/{id:int}/obligations", ObligationsAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Plans")
            .Produces<IReadOnlyList<ObligationDto>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Nghĩa vụ báo cáo: nhiệm vụ, đơn vị, kỳ, hạn, trạng thái (?period=2026-Q1&unit=mã&state=open|closed) / Reporting obligations");

    private static async Task<IResult> ObligationsAsync(HttpContext context, [FromRoute] int id, [FromQuery] string? period, [FromQuery] string? unit,
        [FromQuery] string? state, ObligationQueries obligations, PlanAccess access, UnitScope units, CancellationToken cancellationToken)
    {
        var (known, wanted) = state?.Trim().ToLowerInvariant() switch
        {
            null or "" => (true, (ObligationState?)null),
            "open" => (true, ObligationState.Open),
            "closed" => (true, ObligationState.Closed),
            _ => (false, null),
        };
        if (!known)
        {
            return ApiProblems.Unprocessable("Tham số không hợp lệ. / Invalid parameter.",
                [ChiSo.Common.Problem.Invalid("state", "Trạng thái là 'open' hoặc 'closed'.", "The state is 'open' or 'closed'.")]);
        }

        string? periodId = null;
        if (period is { Length: > 0 })
        {
            if (!ChiSo.Reporting.Periods.ReportingPeriod.TryParse(period, out var parsed))
            {
                return ApiProblems.Unprocessable("Tham số không hợp lệ. / Invalid parameter.",
                    [ChiSo.Common.Problem.Invalid("period", $"'{period}' không phải mã kỳ (ví dụ 2026-Q1, 2026-6M, 2026-9M, 2026-Y).", $"'{period}' is no period id (e.g. 2026-Q1, 2026-6M, 2026-9M, 2026-Y).")]);
            }

            periodId = parsed.Id;
        }

        var userId = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        IReadOnlyCollection<int> own = userId is null ? [] : await units.UnitIdsAsync(userId, cancellationToken);
        var list = await obligations.ListAsync(await access.RightsAsync(context.User, cancellationToken), own, id,
            new ObligationFilter(periodId, unit?.Trim(), wanted), cancellationToken);
        return list is { Succeeded: true, Value: { } items } ? HttpResults.Ok(items.Select(ObligationDto.From).ToList()) : NotFound(id);
    }
}

/// <summary>One obligation: <c>role</c> lead/partner/executing, <c>state</c> open/closed, the report's id and state once one is written, <c>late</c> once its due date has passed without a submitted report or it was submitted late.</summary>
public sealed record ObligationDto(string TaskCode, string UnitCode, string UnitName, string Role, string Period, DateOnly DueDate, string State, int? ReportId,
    string? ReportState, bool Late)
{
    public static ObligationDto From(ObligationItem o) => new(o.TaskCode, o.UnitCode, o.UnitName, o.Role.ToString().ToLowerInvariant(), o.Period, o.DueDate,
        o.State.ToString().ToLowerInvariant(), o.ReportId, o.ReportState?.ToString().ToLowerInvariant(), o.Late);
}
