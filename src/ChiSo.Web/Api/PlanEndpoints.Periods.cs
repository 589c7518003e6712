using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary><c>GET /api/v1/plans/{id}/periods</c>: the plan's reporting periods with their data windows and due dates.</summary>
internal static partial class PlanEndpoints
{
    static partial void MapPeriodEndpoints(RouteGroupBuilder v1) =>
        v1.MapGet("/plans/{id:int}/periods", PeriodsAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Plans")
            .Produces<PlanPeriodsDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Các kỳ báo cáo của kế hoạch: khoảng số liệu, hạn báo cáo của đơn vị và hạn tổng hợp / The plan's reporting periods: data window and due dates");

    private static async Task<IResult> PeriodsAsync(HttpContext context, [FromRoute] int id, PlanPeriods periods, PlanAccess access, CancellationToken cancellationToken)
    {
        var read = await periods.ReadAsync(await access.RightsAsync(context.User, cancellationToken), id, cancellationToken);
        return read is { Succeeded: true, Value: { } view }
            ? HttpResults.Ok(new PlanPeriodsDto(view.PlanId, view.Stored, view.Periods.Select(PeriodDto.From).ToList()))
            : NotFound(id);
    }
}

/// <summary>A plan's periods; <c>stored</c> is false for a draft, whose periods are what issuing will write.</summary>
public sealed record PlanPeriodsDto(int Plan, bool Stored, IReadOnlyList<PeriodDto> Periods);

/// <summary>One period: <c>id</c> as in URLs (2026-Q1, 2026-6M, 2026-9M, 2026-Y, 2026-M03), dates as ISO dates (Viet Nam).</summary>
public sealed record PeriodDto(string Id, string Kind, int Year, int? Number, string Name, string NameEn, DateOnly DataFrom, DateOnly DataTo,
    DateOnly UnitDue, DateOnly ConsolidatedDue)
{
    public static PeriodDto From(PlanReportingPeriod p) => new(p.Key, KindId(p.Kind), p.Year, p.Number == 0 ? null : p.Number,
        p.Period.NameVi, p.Period.NameEn, p.DataFrom, p.DataTo, p.UnitDue, p.ConsolidatedDue);

    private static string KindId(ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.Month => "month",
        ReportingPeriodKind.Quarter => "quarter",
        ReportingPeriodKind.SixMonths => "6-months",
        ReportingPeriodKind.NineMonths => "9-months",
        _ => "year",
    };
}
