using ChiSo.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// How failures answer. Under <c>/api</c>: RFC 7807 problem+json, written directly (a server error is a 500, an
/// over-size upload a 413 naming the limit). Everywhere else: the HTML error page inside the layout, in the UI
/// language (<c>/error/{status}</c>), re-executed for any method — the error page takes no antiforgery token, so a
/// failed POST shows the 500 page instead of a 400.
/// </summary>
internal static class ErrorResponses
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseChiSoErrorResponses(this WebApplication app)
    {
        app.UseWhen(IsApi, api => api
            .UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor, ExceptionHandler = WriteApiProblemAsync })
            .UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages
            .UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusFor, ExceptionHandlingPath = "/error" })
            .UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    /// <summary>
    /// 413 for a request body over the limits (Kestrel's request size, the form's multipart size); 500 otherwise.
    /// </summary>
    public static int StatusFor(Exception exception) => IsOversize(exception) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status500InternalServerError;

    public static bool IsOversize(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
        // FormReader / MultipartReaderStream: "Multipart body length limit 20971520 exceeded."
        InvalidDataException invalid => invalid.Source == "Microsoft.AspNetCore.WebUtilities" && invalid.Message.Contains("limit", StringComparison.Ordinal),
        _ => exception.InnerException is { } inner && IsOversize(inner),
    };

    /// <summary>The upload limit as people read it ("20 MB").</summary>
    public static string LimitText(HttpContext context)
    {
        var bytes = context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value.MultipartBodyLengthLimit;
        return bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{Math.Max(1, bytes / 1024)} KB";
    }

    private static async Task WriteApiProblemAsync(HttpContext context)
    {
        var problem = context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Microsoft.AspNetCore.Http.Results.Problem(
                title: "Tệp quá lớn / Payload too large",
                detail: $"Tệp tải lên vượt quá giới hạn {LimitText(context)}; không có gì được lưu. / The upload exceeds the {LimitText(context)} limit; nothing was saved.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new[]
                    {
                        new ApiError("upload.too-large", "file", null, null,
                            $"Tệp vượt quá giới hạn {LimitText(context)}.", $"The file exceeds the {LimitText(context)} limit."),
                    },
                })
            : Microsoft.AspNetCore.Http.Results.Problem(
                title: "Lỗi máy chủ / Server error",
                detail: "Đã có lỗi xảy ra; không có dữ liệu nào bị ghi dở. Thử lại; nếu lỗi lặp lại, báo quản trị hệ thống. / " +
                    "Something went wrong; nothing was left half-saved. Try again; if it persists, tell the system administrator.",
                statusCode: StatusCodes.Status500InternalServerError,
                extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier });
        await problem.ExecuteAsync(context);
    }
}
