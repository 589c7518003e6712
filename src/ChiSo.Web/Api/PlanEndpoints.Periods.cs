using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Setup;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary>
/// <c>GET /api/v1/plans/{id}/periods</c>: the plan's reporting periods with their data windows and due dates;
/// <c>PUT …/periods/{period}</c>: a coordinator sets one period's dates (a day off moves to the next working day; the
/// answer lists what moved).
/// </summary>
internal static partial class PlanEndpoints
{
    static partial void MapPeriodEndpoints(RouteGroupBuilder v1)
    {
        v1.MapGet("/plans/{id:int}/periods", PeriodsAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Plans")
            .Produces<PlanPeriodsDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Các kỳ báo cáo của kế hoạch: khoảng số liệu, hạn báo cáo của đơn vị và hạn tổng hợp / The plan's reporting periods: data window and due dates");
        v1.MapPut("/plans/{id:int}/periods/{period}", SetPeriodAsync).RequireAuthorization(Policies.ManagePlans).DisableAntiforgery().WithTags("Plans")
            .Accepts<PeriodDatesBody>("application/json").Produces<PeriodSetDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Sửa khoảng số liệu và hạn của một kỳ (ngày nghỉ chuyển sang ngày làm việc kế tiếp) / Set one period's dates (a day off moves to the next working day)");
    }

    private static async Task<IResult> SetPeriodAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, PeriodDatesBody body, ReportingSetup setup,
        PlanPeriods periods, PlanAccess access, CancellationToken cancellationToken)
    {
        var rights = await access.RightsAsync(context.User, cancellationToken);
        var saved = await setup.SetPeriodAsync(rights, id, period, new PeriodDates(body.DataFrom, body.DataTo, body.UnitDue, body.ConsolidatedDue), context.ToActor(),
            cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.IsNotFound ? HttpResults.Problem(statusCode: 404, title: "Không có kỳ báo cáo này. / No such reporting period.")
                : ApiProblems.For(saved, "Kỳ báo cáo không được lưu. / The period was not saved.");
        }

        var key = ReportingPeriod.TryParse(period, out var parsed) ? parsed.Id : period;
        var stored = (await periods.ListAsync(id, cancellationToken)).Single(p => p.Key == key);
        return HttpResults.Ok(new PeriodSetDto(PeriodDto.From(stored), saved.Value!.Select(n => new NoticeDto(n.Vi, n.En)).ToList()));
    }

    private static async Task<IResult> PeriodsAsync(HttpContext context, [FromRoute] int id, PlanPeriods periods, PlanAccess access, CancellationToken cancellationToken)
    {
        var read = await periods.ReadAsync(await access.RightsAsync(context.User, cancellationToken), id, cancellationToken);
        return read is { Succeeded: true, Value: { } view }
            ? HttpResults.Ok(new PlanPeriodsDto(view.PlanId, view.Stored, view.Periods.Select(PeriodDto.From).ToList()))
            : NotFound(id);
    }
}

/// <summary>The dates of one period, as ISO dates (Viet Nam); each required.</summary>
public sealed record PeriodDatesBody(DateOnly? DataFrom, DateOnly? DataTo, DateOnly? UnitDue, DateOnly? ConsolidatedDue);

/// <summary>The period as saved, and the notices of dates moved to a working day.</summary>
public sealed record PeriodSetDto(PeriodDto Period, IReadOnlyList<NoticeDto> Notices);

public sealed record NoticeDto(string Vi, string En);

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
