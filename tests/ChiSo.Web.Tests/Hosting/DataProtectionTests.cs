using System.Net;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Hosting;

public sealed class DataProtectionTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SignInCookie_FromOneInstance_IsAcceptedByAnother(DatabaseProvider provider)
    {
        await using var first = await ChiSoWebFactory.CreateAsync(provider);
        using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // Sign in on the first instance, carrying cookies by hand so they can be replayed on the second.
        var loginPage = await client.GetAsync("/account/login");
        var cookies = Cookies(loginPage);
        var token = SignIn.Token(await loginPage.Content.ReadAsStringAsync());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = ChiSoWebFactory.AdminPassword, ["__RequestVerificationToken"] = token,
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = form };
        post.Headers.Add("Cookie", cookies);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = Cookies(signedIn);
        Assert.Contains("chiso.auth=", authCookie, StringComparison.Ordinal);

        await using var second = first.SecondInstance();
        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var get = new HttpRequestMessage(HttpMethod.Get, "/frameworks");
        get.Headers.Add("Cookie", authCookie);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(get)).StatusCode);

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/frameworks");
        Assert.Equal(HttpStatusCode.Redirect, (await other.SendAsync(anonymous)).StatusCode);

        using var scope = second.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().DataProtectionKeys.AnyAsync());
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);
}
