using System.Net;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Publication;

/// <summary>The open-data API and files count against the API's per-address limit, cached answers included.</summary>
public sealed class PublicRateLimitTests
{
    [Fact]
    public async Task PublicApi_TooManyCallsFromOneAddress_Returns429_EvenWhenCached()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "3" });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/public/plans?province=68")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/cong-khai/ke-hoach/1.json")).StatusCode);
    }
}
