using ChiSo.Common;
using ChiSo.Plans.Documents;
using ChiSo.Publication;
using ChiSo.Web.Hosting;
using ChiSo.Web.Pages.CongKhai;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary>
/// The public site's machine-readable side, open to anyone without a token: <c>GET /api/v1/public/plans?province=68</c>
/// (in OpenAPI, under the API's rate limit) and beside each public plan page its open data
/// (<c>/cong-khai/ke-hoach/{id}.json</c>, <c>.csv</c>), its document as issued (<c>/van-ban.docx</c>) and the files
/// coordinators made public (<c>/cong-khai/tep/{attachmentId}</c>, always as a download with the report download's
/// headers). Everything but the files is output-cached like the public pages.
/// </summary>
internal static class PublicEndpoints
{
    public static void MapPublicEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder v1)
    {
        v1.MapGet("/public/plans", PlansAsync).AllowAnonymous().CacheOutput(PublicSiteSetup.Policy).WithTags("Public")
            .Produces<IReadOnlyList<PublicPlanDto>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Kế hoạch đang thực hiện của một tỉnh, nhiệm vụ, đơn vị chủ trì và tiến độ từng kỳ (?province=68; không cần đăng nhập) / A province's plans in force with tasks, lead units and progress per period (no sign-in)");

        var site = app.MapGroup("/cong-khai").AllowAnonymous().RequireRateLimiting(RateLimits.Api).ExcludeFromDescription();
        site.MapGet("/ke-hoach/{id:int}.json", JsonAsync).CacheOutput(PublicSiteSetup.Policy);
        site.MapGet("/ke-hoach/{id:int}.csv", CsvAsync).CacheOutput(PublicSiteSetup.Policy);
        site.MapGet("/ke-hoach/{id:int}/van-ban.docx", DocxAsync).CacheOutput(PublicSiteSetup.Policy);
        site.MapGet("/tep/{attachmentId:int}", FileAsync);
    }

    private static async Task<IResult> PlansAsync(HttpContext context, [FromQuery] string? province, PublicSite site, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(province))
        {
            return ApiProblems.Unprocessable("Thiếu tham số. / Missing parameter.",
                [Problem.Required("province", "Cần mã tỉnh, thành phố (ví dụ ?province=68).", "A province code is needed (e.g. ?province=68).")]);
        }

        var code = province.Trim();
        if (await site.ProvinceAsync(code, cancellationToken) is null)
        {
            return ApiProblems.For(Outcome<int>.Fail(Problem.NotFound($"Không có tỉnh, thành phố mã '{code}'.", $"No province with code '{code}'.") with { Field = "province" }),
                "Không tìm thấy. / Not found.");
        }

        var list = new List<PublicPlanDto>();
        foreach (var plan in await site.PlansOfAsync(code, cancellationToken))
        {
            list.Add(PublicPlanDto.From(plan, await site.AllProgressAsync(plan, cancellationToken)));
        }

        PublicSiteSetup.SetCacheHeaders(context);
        return HttpResults.Ok(list);
    }

    private static async Task<IResult> JsonAsync(HttpContext context, [FromRoute] int id, PublicSite site, CancellationToken cancellationToken)
    {
        if (await site.PlanAsync(id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        PublicSiteSetup.SetCacheHeaders(context);
        return HttpResults.Ok(PublicPlanDto.From(plan, await site.AllProgressAsync(plan, cancellationToken)));
    }

    private static async Task<IResult> CsvAsync(HttpContext context, [FromRoute] int id, PublicSite site, CancellationToken cancellationToken)
    {
        if (await site.PlanAsync(id, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        PublicSiteSetup.SetCacheHeaders(context);
        var bytes = PublicPlanCsv.WriteBytes(plan, await site.AllProgressAsync(plan, cancellationToken), PublicPlanDto.FileUrl);
        return HttpResults.File(bytes, "text/csv; charset=utf-8", FormattableString.Invariant($"ke-hoach-{plan.Id}-tien-do.csv"));
    }

    private static async Task<IResult> DocxAsync(HttpContext context, [FromRoute] int id, PublicSite site, CancellationToken cancellationToken)
    {
        if (await site.IssuedViewAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        PublicSiteSetup.SetCacheHeaders(context);
        return HttpResults.File(PlanDocx.Write(PlanDocumentMapper.From(view)), PlanEndpoints.DocxType, PlanEndpoints.FileName(view, "docx"));
    }

    private static async Task<IResult> FileAsync([FromRoute] int attachmentId, PublicSite site, CancellationToken cancellationToken) =>
        await site.OpenFileAsync(attachmentId, cancellationToken) is { } file ? new AttachmentDownload(file) : NotFound();

    private static IResult NotFound() => HttpResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy. / Not found.");
}
