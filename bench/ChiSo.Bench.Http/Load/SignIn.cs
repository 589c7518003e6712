using System.Net;
using System.Text.RegularExpressions;

namespace ChiSo.Bench.Http.Load;

/// <summary>Signs in through ChiSo's real login form (antiforgery token and all) to measure a page with its cookie.</summary>
internal static partial class SignIn
{
    public static async Task<string> CookieAsync(string baseUrl, string userName = "lanhdao")
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = ChiSo.Accounts.DemoLogins.Password,
            ["__RequestVerificationToken"] = token,
        }));
        var auth = cookies.GetCookies(new Uri(baseUrl)).FirstOrDefault(c => c.Name == "chiso.auth")
            ?? throw new InvalidOperationException($"Could not sign in as {userName} (HTTP {(int)response.StatusCode}).");
        return $"{auth.Name}={auth.Value}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
