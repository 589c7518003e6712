using ChiSo.Common;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Units;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;

namespace ChiSo.Web.Api;

/// <summary><c>/api/v1/plans</c>: plans with their tasks and resolved assignees, created and read by other systems.</summary>
internal static partial class PlanEndpoints
{
    public static void MapPlanEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/plans", ListAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Plans")
            .Produces<IReadOnlyList<PlanSummary>>()
            .WithSummary("Danh sách kế hoạch (lọc theo tỉnh) / Plans, optionally of one province");
        v1.MapGet("/plans/{id:int}", GetAsync).RequireAuthorization(Policies.ReadPlans).WithTags("Plans")
            .Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Kế hoạch với nhiệm vụ và đơn vị được giao (nhóm đã phân giải) / A plan with its tasks and resolved assignees");
        v1.MapPost("/plans", CreateAsync).RequireAuthorization(Policies.ManagePlans).DisableAntiforgery().WithTags("Plans")
            .Accepts<CreatePlanRequest>("application/json")
            .Produces<PlanView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Tạo kế hoạch dự thảo kèm nhiệm vụ / Create a draft plan with its tasks");
        MapDocumentEndpoints(v1);
        MapPeriodEndpoints(v1);
        MapObligationEndpoints(v1);
        MapRollupEndpoints(v1);
        MapConsolidationEndpoints(v1);
    }

    static partial void MapDocumentEndpoints(RouteGroupBuilder v1);

    static partial void MapPeriodEndpoints(RouteGroupBuilder v1);

    static partial void MapObligationEndpoints(RouteGroupBuilder v1);

    static partial void MapRollupEndpoints(RouteGroupBuilder v1);

    /// <summary>The consolidated report and the follow-up letter of a period (DOCX/XLSX).</summary>
    static partial void MapConsolidationEndpoints(RouteGroupBuilder v1);

    /// <summary>The plans the token's owner may read: drafts only for those who may change them (<see cref="PlanRights"/>).</summary>
    private static async Task<IResult> ListAsync(HttpContext context, [FromQuery] string? province, UnitDirectory units, PlanQueries plans, PlanAccess access,
        CancellationToken cancellationToken)
    {
        int? provinceId = null;
        if (!string.IsNullOrWhiteSpace(province))
        {
            provinceId = await ProvinceIdAsync(units, province, cancellationToken);
            if (provinceId is null)
            {
                return HttpResults.Problem(statusCode: 404, title: $"Không có tỉnh '{province}'. / No province '{province}'.");
            }
        }

        return HttpResults.Ok(await plans.ListAsync(await access.RightsAsync(context.User, cancellationToken), provinceId, cancellationToken));
    }

    /// <summary>The plan as the owner may see it; one they may not read answers 404 like one that does not exist.</summary>
    private static async Task<IResult> GetAsync(HttpContext context, [FromRoute] int id, PlanQueries plans, PlanAccess access, CancellationToken cancellationToken) =>
        await plans.ReadAsync(await access.RightsAsync(context.User, cancellationToken), id, withMembers: true, cancellationToken: cancellationToken) is { Succeeded: true, Value: { } view }
            ? HttpResults.Ok(view)
            : NotFound(id);

    private static async Task<IResult> CreateAsync(HttpContext context, CreatePlanRequest request, UnitDirectory units, PlanService service, PlanQueries plans,
        PlanAccess access, CancellationToken cancellationToken)
    {
        var provinceId = await ProvinceIdAsync(units, request.Province, cancellationToken);
        if (provinceId is null)
        {
            return Unprocessable([Problem.Invalid("province", $"Không có tỉnh '{request.Province}'.", $"No province '{request.Province}'.")]);
        }

        if (!(await access.RightsAsync(context.User, cancellationToken)).CanEdit(provinceId.Value, null))
        {
            return ApiProblems.For(Outcome<int>.Fail(Problem.Forbidden()), UnprocessableTitle);
        }

        var result = await service.CreateAsync(provinceId.Value, request.Header, request.Groups ?? [], request.Tasks ?? [], context.ToActor(), cancellationToken);
        if (!result.Succeeded)
        {
            return ApiProblems.For(result, UnprocessableTitle);
        }

        var view = await plans.ViewAsync(result.Value, withMembers: true, cancellationToken);
        return HttpResults.Created($"/api/v1/plans/{result.Value}", view);
    }

    private static async Task<int?> ProvinceIdAsync(UnitDirectory units, string code, CancellationToken cancellationToken) =>
        (await units.ProvinceAsync(code, cancellationToken: cancellationToken))?.Id;

    private static IResult NotFound(int id) => HttpResults.Problem(statusCode: 404, title: $"Không có kế hoạch {id}. / No plan {id}.");

    internal const string UnprocessableTitle = "Kế hoạch có lỗi; không có gì được lưu. / The plan has errors; nothing was saved.";

    internal static IResult Unprocessable(IEnumerable<Problem> problems) => ApiProblems.Unprocessable(UnprocessableTitle, problems);
}

/// <summary>A plan to create: the province's code, the header, the appendix groups and the tasks.</summary>
public sealed record CreatePlanRequest(string Province, PlanHeaderInput Header, IReadOnlyList<TaskGroupInput>? Groups, IReadOnlyList<TaskInput>? Tasks);
