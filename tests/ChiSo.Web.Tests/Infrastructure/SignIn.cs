using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Infrastructure;

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

    /// <summary>A form post with its antiforgery token, as the browser sends it.</summary>
    public static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    public static Task<HttpClient> DemoAsync(ChiSoWebFactory app, string userName) => ClientAsync(app, userName, DemoPassword);

    public static Task<HttpClient> AdminAsync(ChiSoWebFactory app) => ClientAsync(app, "admin", ChiSoWebFactory.AdminPassword);

    /// <summary>
    /// GETs a page and returns the antiforgery token inside the form with id <paramref name="formId"/> (or the first
    /// on the page): a form that lacks its own token fails the test rather than borrowing the layout's logout token.
    /// </summary>
    public static async Task<string> TokenAsync(HttpClient client, string path, string? formId = null)
    {
        var html = await client.GetStringAsync(path);
        return Token(html, formId);
    }

    public static string Token(string html, string? formId = null)
    {
        if (formId is not null)
        {
            var start = html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
            var end = start < 0 ? -1 : html.IndexOf("</form>", start, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new InvalidOperationException($"The page has no form '{formId}'.");
            }

            html = html[start..end];
        }

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
