using System.Globalization;
using ChiSo.Web.Api;

namespace ChiSo.Web.Auth;

/// <summary>
/// Answers 429 with Retry-After, before authentication, to an address that failed too often
/// (<see cref="AuthenticationFailures"/>): its API calls (whatever token they carry, even a now-correct one) and its
/// posts to the account pages (sign-in, two-factor code, password, invitation; signing out stays possible). Everything else — reading pages with
/// a valid cookie, static files — passes, so a shared office address is not locked out of work it is already in.
/// </summary>
internal sealed class AuthenticationFailureGate(RequestDelegate next, AuthenticationFailures failures)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Guarded(context.Request) && failures.RetryAfter(context) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var vi = $"Quá nhiều lần xác thực sai từ địa chỉ này. Thử lại sau {minutes} phút.";
            var en = $"Too many failed authentications from this address. Try again in {minutes} minutes.";
            if (IsApi(context.Request))
            {
                await Microsoft.AspNetCore.Http.Results.Problem(title: en, detail: vi, statusCode: StatusCodes.Status429TooManyRequests,
                    extensions: new Dictionary<string, object?>
                    {
                        ["errors"] = new[] { new ApiError("too-many-failures", null, null, null, vi, en) },
                    }).ExecuteAsync(context);
            }
            else
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"{vi}\n{en}\n", context.RequestAborted);
            }

            return;
        }

        await next(context);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static bool Guarded(HttpRequest request) =>
        IsApi(request)
        || request.Headers.Authorization.Count > 0
        || (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
            && !request.Path.StartsWithSegments("/account/logout", StringComparison.OrdinalIgnoreCase));
}
