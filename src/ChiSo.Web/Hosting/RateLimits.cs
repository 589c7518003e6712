using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Slows down password guessing and runaway scripts: sign-in attempts and API calls per client address and
/// minute (<c>RateLimits:LoginPerMinute</c>, default 10; <c>RateLimits:ApiPerMinute</c>, default 300). Over the
/// limit the answer is 429 with Retry-After. Lockout after 5 wrong passwords (Identity) still applies per account.
/// </summary>
internal static class RateLimits
{
    public const string Login = "login";
    public const string Api = "api";

    public static IServiceCollection AddChiSoRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var loginPerMinute = configuration.GetValue("RateLimits:LoginPerMinute", 10);
        var apiPerMinute = configuration.GetValue("RateLimits:ApiPerMinute", 300);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            // Only posted sign-ins count; showing the form is free.
            o.AddPolicy(Login, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => PerMinute(loginPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty));
            o.AddPolicy(Api, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => PerMinute(apiPerMinute)));
        });
        return services;
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions PerMinute(int limit) =>
        new() { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
