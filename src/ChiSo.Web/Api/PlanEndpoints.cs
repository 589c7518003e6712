using ChiSo.Common;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Units;
using ChiSo.Web.Auth;
using Microsoft.EntityFrameworkCore;

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
    }

    static partial void MapDocumentEndpoints(RouteGroupBuilder v1);

    private static async Task<IResult> ListAsync(string? province, ChiSoDbContext db, PlanQueries plans, CancellationToken cancellationToken)
    {
        int? provinceId = null;
        if (!string.IsNullOrWhiteSpace(province))
        {
            provinceId = await ProvinceIdAsync(db, province, cancellationToken);
            if (provinceId is null)
            {
                return HttpResults.Problem(statusCode: 404, title: $"Không có tỉnh '{province}'. / No province '{province}'.");
            }
        }

        return HttpResults.Ok(await plans.ListAsync(provinceId, cancellationToken));
    }

    private static async Task<IResult> GetAsync(int id, PlanQueries plans, CancellationToken cancellationToken) =>
        await plans.ViewAsync(id, withMembers: true, cancellationToken) is { } view
            ? HttpResults.Ok(view)
            : NotFound(id);

    private static async Task<IResult> CreateAsync(HttpContext context, CreatePlanRequest request, ChiSoDbContext db, PlanService service, PlanQueries plans,
        CancellationToken cancellationToken)
    {
        var provinceId = await ProvinceIdAsync(db, request.Province, cancellationToken);
        if (provinceId is null)
        {
            return Unprocessable([new PlanError("province", $"Không có tỉnh '{request.Province}'.", $"No province '{request.Province}'.")]);
        }

        var result = await service.CreateAsync(provinceId.Value, request.Header, request.Groups ?? [], request.Tasks ?? [], context.ToActor(), cancellationToken);
        if (!result.Succeeded)
        {
            return Unprocessable(result.Errors);
        }

        var view = await plans.ViewAsync(result.Id!.Value, withMembers: true, cancellationToken);
        return HttpResults.Created($"/api/v1/plans/{result.Id}", view);
    }

    private static async Task<int?> ProvinceIdAsync(ChiSoDbContext db, string code, CancellationToken cancellationToken) =>
        await db.Units.Where(u => u.Kind == UnitKind.Province && u.Code == code && u.ValidTo == null).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);

    private static IResult NotFound(int id) => HttpResults.Problem(statusCode: 404, title: $"Không có kế hoạch {id}. / No plan {id}.");

    internal static IResult Unprocessable(IEnumerable<PlanError> errors) =>
        ApiProblems.Unprocessable("Kế hoạch có lỗi; không có gì được lưu. / The plan has errors; nothing was saved.",
            errors.Select(e => Problem.Invalid(e.Field, e.MessageVi, e.MessageEn)));
}

/// <summary>A plan to create: the province's code, the header, the appendix groups and the tasks.</summary>
public sealed record CreatePlanRequest(string Province, PlanHeaderInput Header, IReadOnlyList<TaskGroupInput>? Groups, IReadOnlyList<TaskInput>? Tasks);
