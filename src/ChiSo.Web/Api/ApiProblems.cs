using ChiSo.Common;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary>
/// One problem as the API reports it: <c>{"code","field","row","column","message","messageEn"}</c>. <c>row</c> is the
/// file's row as the user sees it (header = 1) and null when the problem is not about a row.
/// </summary>
public sealed record ApiError(string Code, string? Field, int? Row, string? Column, string Message, string MessageEn)
{
    public static ApiError From(Problem p) => new(p.Code, p.Field, p.Row, p.Column, p.MessageVi, p.MessageEn);
}

/// <summary>RFC 7807 problem details for every refusal of the API, built from <see cref="Problem"/>s.</summary>
internal static class ApiProblems
{
    /// <summary>HTTP 422 listing every problem of a rejected request or upload; nothing was saved.</summary>
    /// <param name="more">Further members of the answer (the appendix import adds the names it could not match).</param>
    public static IResult Unprocessable(string title, IEnumerable<Problem> problems, IEnumerable<Problem>? warnings = null,
        IReadOnlyDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?>(more ?? new Dictionary<string, object?>()) { ["errors"] = problems.Select(ApiError.From).ToList() };
        if (warnings is not null)
        {
            extensions["warnings"] = warnings.Select(ApiError.From).ToList();
        }

        return HttpResults.Problem(title: title, detail: "Không có dữ liệu nào được lưu. / Nothing was saved.",
            statusCode: StatusCodes.Status422UnprocessableEntity, extensions: extensions);
    }

    /// <summary>The answer to a failed outcome: 404, 403, 409 (someone saved first) or 422, with the problems listed.</summary>
    public static IResult For<T>(Outcome<T> outcome, string title)
    {
        var status = outcome.IsNotFound ? StatusCodes.Status404NotFound
            : outcome.IsForbidden ? StatusCodes.Status403Forbidden
            : outcome.IsConflict ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return status == StatusCodes.Status422UnprocessableEntity
            ? Unprocessable(title, outcome.Problems, outcome.Warnings)
            : HttpResults.Problem(title: title, statusCode: status,
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Problems.Select(ApiError.From).ToList() });
    }
}
