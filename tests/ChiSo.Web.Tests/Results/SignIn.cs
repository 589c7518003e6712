using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Results;

/// <summary>Signs a test client in through the real login form (antiforgery token and cookies included).</summary>
public static partial class SignIn
{
    public const string DemoPassword = ChiSo.Accounts.DemoLogins.Password;

    /// <summary>A client without automatic redirects, signed in as <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> ClientAsync(ChiSoWebFactory app, string userName, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await TokenAsync(client, "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync("/account/login", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as '{userName}' failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    public static Task<HttpClient> DemoAsync(ChiSoWebFactory app, string userName) => ClientAsync(app, userName, DemoPassword);

    public static Task<HttpClient> AdminAsync(ChiSoWebFactory app) => ClientAsync(app, "admin", ChiSoWebFactory.AdminPassword);

    /// <summary>GETs a page and returns the antiforgery token of its first form.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return Token(html);
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        if (!match.Success)
        {
            throw new InvalidOperationException("The page has no antiforgery token.");
        }

        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
