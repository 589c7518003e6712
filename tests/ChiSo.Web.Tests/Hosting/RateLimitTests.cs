using System.Net;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Hosting;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Login_TooManyAttempts_Returns429ButTheFormStillShows()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var token = await SignIn.TokenAsync(client, "/account/login");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "admin", ["Password"] = "wrong-password-" + i, ["__RequestVerificationToken"] = token,
            });
            statuses.Add((await client.PostAsync("/account/login", form)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task Api_TooManyCalls_Returns429()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "2" });
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
        var third = await client.GetAsync("/api/v1/frameworks");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("60", third.Headers.GetValues("Retry-After").Single());
    }
}
