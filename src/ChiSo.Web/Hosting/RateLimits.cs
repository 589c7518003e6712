using System.Threading.RateLimiting;
using ChiSo.Web.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// The <c>RateLimits</c> settings, validated at start (a zero or negative limit would switch the protection off or
/// lock everyone out, and should stop the server with a clear message rather than surprise later).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Posted sign-ins (password or two-factor code) per client address and minute.</summary>
    public int LoginPerMinute { get; set; } = 10;

    /// <summary>API calls per client address and minute.</summary>
    public int ApiPerMinute { get; set; } = 300;

    /// <summary>Failed authentications (wrong token, password or code) an address may make within the window.</summary>
    public int FailedAuthenticationsPerAddress { get; set; } = 20;

    /// <summary>How long an address that failed too often is refused, counted from its first failure.</summary>
    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Slows down password and token guessing and runaway scripts. Two layers, both before authentication:
/// <list type="bullet">
/// <item><see cref="AuthenticationFailureGate"/>: an address with too many failed authentications
/// (<c>RateLimits:FailedAuthenticationsPerAddress</c> within <c>RateLimits:FailedAuthenticationWindow</c>, default 20 in
/// 15 minutes) gets 429 for its API calls and sign-in posts until the window ends, before any token or password is
/// checked;</item>
/// <item>fixed windows per address and minute for posted sign-ins (<c>RateLimits:LoginPerMinute</c>, default 10) and
/// API calls (<c>RateLimits:ApiPerMinute</c>, default 300), counted whether or not the caller authenticates.</item>
/// </list>
/// Over a limit the answer is 429 with Retry-After. Lockout after 5 wrong passwords (Identity) still applies per account.
/// </summary>
internal static class RateLimits
{
    public const string Login = "login";
    public const string Api = "api";

    public static IServiceCollection AddChiSoRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.LoginPerMinute > 0, "RateLimits:LoginPerMinute phải lớn hơn 0. / RateLimits:LoginPerMinute must be greater than 0.")
            .Validate(o => o.ApiPerMinute > 0, "RateLimits:ApiPerMinute phải lớn hơn 0. / RateLimits:ApiPerMinute must be greater than 0.")
            .Validate(o => o.FailedAuthenticationsPerAddress > 0,
                "RateLimits:FailedAuthenticationsPerAddress phải lớn hơn 0. / RateLimits:FailedAuthenticationsPerAddress must be greater than 0.")
            .Validate(o => o.FailedAuthenticationWindow >= TimeSpan.FromSeconds(1) && o.FailedAuthenticationWindow <= TimeSpan.FromDays(1),
                "RateLimits:FailedAuthenticationWindow phải từ 00:00:01 đến 1.00:00:00. / RateLimits:FailedAuthenticationWindow must be from 00:00:01 to 1.00:00:00.")
            .ValidateOnStart();
        services.AddSingleton<AuthenticationFailures>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, settings) =>
        {
            var limits = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync("Quá nhiều yêu cầu từ địa chỉ này; thử lại sau một phút.\nToo many requests from this address; try again in a minute.\n",
                    cancellationToken);
            };
            // Only posted sign-ins count; showing the form is free.
            o.AddPolicy(Login, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(AuthenticationFailures.Key(http), _ => PerMinute(limits.LoginPerMinute))
                : RateLimitPartition.GetNoLimiter(string.Empty));
            o.AddPolicy(Api, http => RateLimitPartition.GetFixedWindowLimiter(AuthenticationFailures.Key(http), _ => PerMinute(limits.ApiPerMinute)));
        });
        return services;
    }

    /// <summary>Both layers, placed before authentication so that refused callers cost no token or password check.</summary>
    public static IApplicationBuilder UseChiSoRateLimits(this IApplicationBuilder app)
    {
        app.UseMiddleware<AuthenticationFailureGate>();
        app.UseRateLimiter();
        return app;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int limit) =>
        new() { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
