using System.Globalization;
using System.Net;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Api;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Tests.Hosting;

public sealed class RateLimitTests
{
    private const string Attacker = "203.0.113.7";
    private const string Colleague = "198.51.100.20";

    /// <summary>Three failures in five minutes per address: low enough to reach in a test, the clock moves the window.</summary>
    private static Task<ChiSoWebFactory> AppAsync(DatabaseProvider provider) => ChiSoWebFactory.CreateAsync(provider, extra: new Dictionary<string, string?>
    {
        ["RateLimits:FailedAuthenticationsPerAddress"] = "3",
        ["RateLimits:FailedAuthenticationWindow"] = "00:05:00",
    });

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

    [Fact]
    public async Task Api_CallsWithoutValidToken_CountTowardsThePerMinuteLimit()
    {
        // The per-minute limiter runs before authentication: a flood of anonymous or wrong-token calls is limited too.
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "2" });
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/frameworks")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Api_WrongTokensFromOneAddress_RefuseThatAddressBeforeAnyCheckUntilTheWindowPasses(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var commands = new CommandCounter();
        var probed = app.WithProbes(commands);
        using var guesser = probed.ClientFrom(Attacker);
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/frameworks");
            request.Headers.Authorization = new("Bearer", $"chiso_guess_{i:D2}_0123456789abcdef");
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.SendAsync(request)).StatusCode);
        }

        // Over the limit: refused before the token is even looked up, also when it is now the right one.
        commands.Reset();
        using var right = probed.ClientFrom(Attacker, ChiSoWebFactory.ApiToken);
        var refused = await right.GetAsync("/api/v1/frameworks");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
        Assert.Empty(commands.Commands);
        Assert.Contains("Too many failed authentications", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await right.PostAsync("/api/v1/frameworks/papi/results/2019", ApiFiles.Csv(ApiFiles.PapiCsv(2019)))).StatusCode);

        // Another address is not affected.
        using var colleague = probed.ClientFrom(Colleague, ChiSoWebFactory.ApiToken);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/v1/frameworks")).StatusCode);

        // Once the window has passed, the address may try again.
        app.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignIn_WrongPasswordsFromOneAddress_RefuseThatAddressNotTheAccount(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var probed = app.WithProbes(new CommandCounter());
        using var guesser = probed.ClientFrom(Attacker);
        foreach (var password in new[] { "doan-mot-2026", "doan-hai-2026" })
        {
            Assert.Equal(HttpStatusCode.OK, (await AuthTestHost.PostLoginAsync(guesser, "admin", password)).StatusCode);
        }

        // Unknown user names count too.
        Assert.Equal(HttpStatusCode.OK, (await AuthTestHost.PostLoginAsync(guesser, "khong.ton.tai", "doan-ba-2026")).StatusCode);

        var blocked = await AuthTestHost.PostLoginAsync(guesser, "admin", ChiSoWebFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.True(blocked.Headers.RetryAfter is not null);
        var text = await blocked.Content.ReadAsStringAsync();
        Assert.Contains("Quá nhiều lần xác thực sai từ địa chỉ này", text, StringComparison.Ordinal);
        Assert.Contains("Too many failed authentications from this address", text, StringComparison.Ordinal);
        // The form itself still shows: reading pages is not what is limited.
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/account/login")).StatusCode);

        using var colleague = probed.ClientFrom(Colleague);
        var signedIn = await AuthTestHost.PostLoginAsync(colleague, "admin", ChiSoWebFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", AuthTestHost.PathOf(signedIn));

        app.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)));
        Assert.Equal(HttpStatusCode.Redirect, (await AuthTestHost.PostLoginAsync(guesser, "admin", ChiSoWebFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task SignIn_SuccessesInBetween_DoNotResetTheCount()
    {
        // An attacker with one account of its own must not buy more guesses on others by signing in between them.
        await using var app = await AppAsync(DatabaseProvider.Sqlite);
        var probed = app.WithProbes(new CommandCounter());
        using var attacker = probed.ClientFrom(Attacker);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AuthTestHost.PostLoginAsync(attacker, "nguoi.khac", "doan-" + i)).StatusCode);
            if (i < 2)
            {
                using var own = probed.ClientFrom(Attacker);
                Assert.Equal(HttpStatusCode.Redirect, (await AuthTestHost.PostLoginAsync(own, "admin", ChiSoWebFactory.AdminPassword)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await AuthTestHost.PostLoginAsync(attacker, "nguoi.khac", "doan-3")).StatusCode);
    }

    [Theory]
    [InlineData("RateLimits:FailedAuthenticationsPerAddress", "0")]
    [InlineData("RateLimits:FailedAuthenticationWindow", "00:00:00")]
    [InlineData("RateLimits:ApiPerMinute", "-1")]
    public async Task Start_InvalidRateLimitSetting_StopsWithAClearMessage(string key, string value)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?> { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("phải", error.Message, StringComparison.Ordinal);
        Assert.Contains("must", error.Message, StringComparison.Ordinal);
    }
}
