using HttpResults = Microsoft.AspNetCore.Http.Results;
namespace ChiSo.Web.Api;

/// <summary>One error of an upload, as the API reports it: <c>{"row","column","message","messageEn"}</c>.</summary>
public sealed record ApiError(int Row, string Column, string Message, string MessageEn);

/// <summary>RFC 7807 problem details listing every error of a rejected upload (HTTP 422).</summary>
internal static class ApiProblems
{
    public static IResult Unprocessable(string titleVi, IEnumerable<ApiError> errors) =>
        HttpResults.Problem(
            title: titleVi,
            detail: "Không có dữ liệu nào được lưu. / Nothing was saved.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = errors.ToList() });
}
