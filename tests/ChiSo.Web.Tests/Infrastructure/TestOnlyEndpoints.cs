using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Infrastructure;

/// <summary>
/// Requests production code has no answer for, added through the test host only (never in the app): paths that
/// throw (<c>/test/fail</c>, <c>/api/v1/test/fail</c>) or answer 403 (<c>/test/forbidden</c>), reached at the
/// end of the app's own pipeline, so its error handling sees them exactly as it sees a failing page or endpoint.
/// And <c>X-Test-Remote-Address</c>: the client address a test pretends to connect from (TestServer has none).
/// </summary>
public sealed class TestOnlyEndpoints : IStartupFilter
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public static void Add(IServiceCollection services) => services.AddTransient<IStartupFilter, TestOnlyEndpoints>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
        app.Run(context =>
        {
            switch (context.Request.Path.Value)
            {
                case "/test/fail" or "/api/v1/test/fail":
                    throw new InvalidOperationException("A test-only endpoint failed on purpose.");
                case "/test/forbidden":
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                default:
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
            }
        });
    };
}
