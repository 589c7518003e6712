using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>
/// Behind nginx terminating TLS: X-Forwarded-Proto from a known proxy (loopback unless configured) makes the request
/// https — Secure cookies, HSTS, https invitation links; the same header from any other address changes nothing.
/// </summary>
public sealed partial class ForwardedHeadersTests
{
    private const string PublicHost = "chiso.sonoivu.example.vn";

    [Fact]
    public async Task ForwardedHttps_FromLoopbackProxy_SecureCookiesHstsAndHttpsLinks()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, services: TestOnlyEndpoints.Add);
        var browser = new Browser(app, from: "127.0.0.1");

        var login = await browser.GetAsync("/account/login");
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
        Assert.All(SetCookies(login), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        var signedIn = await browser.SignInAsync(login);
        Assert.Contains(SetCookies(signedIn), c => c.StartsWith("chiso.auth=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        Assert.StartsWith($"https://{PublicHost}/account/invite?", await browser.InviteAsync("canbo1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHttps_FromUnknownAddress_IsIgnored()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, services: TestOnlyEndpoints.Add);
        var browser = new Browser(app, from: "203.0.113.9");

        var login = await browser.GetAsync("/account/login");
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        Assert.All(SetCookies(login), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));

        var signedIn = await browser.SignInAsync(login);
        Assert.Contains(SetCookies(signedIn), c => c.StartsWith("chiso.auth=", StringComparison.Ordinal) && !c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        Assert.StartsWith($"http://{PublicHost}/account/invite?", await browser.InviteAsync("canbo2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHttps_ConfiguredProxy_IsTheOnlyOneBelieved()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, services: TestOnlyEndpoints.Add,
            extra: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "10.20.30.40" });

        var fromProxy = await new Browser(app, from: "10.20.30.40").GetAsync("/account/login");
        var fromLoopback = await new Browser(app, from: "127.0.0.1").GetAsync("/account/login");

        Assert.True(fromProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.False(fromLoopback.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHttps_ConfiguredNetwork_IsBelieved()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, services: TestOnlyEndpoints.Add,
            extra: new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks"] = "10.20.0.0/16, 192.168.5.0/24" });

        Assert.True((await new Browser(app, from: "10.20.99.1").GetAsync("/account/login")).Headers.Contains("Strict-Transport-Security"));
        Assert.False((await new Browser(app, from: "10.21.0.1").GetAsync("/account/login")).Headers.Contains("Strict-Transport-Security"));
    }

    private static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    /// <summary>
    /// A browser reaching the app through a proxy at <c>from</c> that forwards https. Cookies are carried by hand:
    /// Secure cookies would not be sent back over the test server's plain http.
    /// </summary>
    private sealed partial class Browser(ChiSoWebFactory app, string from)
    {
        private readonly HttpClient _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        public async Task<HttpResponseMessage> SignInAsync(HttpResponseMessage loginPage)
        {
            var token = SignIn.Token(await loginPage.Content.ReadAsStringAsync());
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = SignIn.Form(token, ("UserName", "admin"), ("Password", ChiSoWebFactory.AdminPassword)),
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response;
        }

        public async Task<string> InviteAsync(string userName)
        {
            var page = await GetAsync("/admin/users");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var token = SignIn.Token(await page.Content.ReadAsStringAsync(), "create-user-form");
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/admin/users?handler=Invite")
            {
                Content = SignIn.Form(token, ("userName", userName), ("displayName", "Cán bộ"), ("role", "member")),
            });
            var match = InvitationLink().Match(await response.Content.ReadAsStringAsync());
            Assert.True(match.Success, "no invitation link on the page");
            return WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            request.Headers.Host = PublicHost;
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
            request.Headers.Add(TestOnlyEndpoints.RemoteAddressHeader, from);
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await _client.SendAsync(request);
            foreach (var cookie in SetCookies(response))
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }

            return response;
        }

        [GeneratedRegex("id=\"invitation-link\">.*?<code[^>]*>([^<]+)</code>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
        private static partial Regex InvitationLink();
    }
}
