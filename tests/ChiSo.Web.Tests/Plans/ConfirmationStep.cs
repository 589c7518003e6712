using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// The confirmation step of issuing, closing and deleting as a browser without JavaScript goes through it: the first
/// post answers a page with <c>#confirm-form</c>; confirming posts that form back as it is, with Confirm=true.
/// </summary>
internal static partial class ConfirmationStep
{
    /// <summary>Asserts <paramref name="step"/> is the confirmation page and returns its HTML.</summary>
    public static async Task<string> ShownAsync(HttpResponseMessage step)
    {
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        var html = await step.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirm-form\"", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>Posts the confirmation form of <paramref name="html"/> back, as the "confirm" button does.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string html, params (string Key, string Value)[] overrides)
    {
        var (action, fields) = Form(html);
        foreach (var (key, value) in overrides)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add((key, value));
        }

        return client.PostAsync(action, SignIn.Form(SignIn.Token(html, "confirm-form"), [.. fields, ("Confirm", "true")]));
    }

    /// <summary>Goes through both steps: the first post must show the confirmation, the confirmation must redirect.</summary>
    public static async Task<HttpResponseMessage> PostAndConfirmAsync(HttpClient client, string url, FormUrlEncodedContent form)
    {
        var html = await ShownAsync(await client.PostAsync(url, form));
        return await ConfirmAsync(client, html);
    }

    /// <summary>The confirmation form's action and hidden fields (without its antiforgery token).</summary>
    public static (string Action, List<(string Key, string Value)> Fields) Form(string html)
    {
        var start = html.IndexOf("id=\"confirm-form\"", StringComparison.Ordinal);
        var formStart = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var form = html[formStart..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var action = WebUtility.HtmlDecode(ActionPattern().Match(form).Groups[1].Value);
        var fields = HiddenPattern().Matches(form)
            .Select(m => (Key: m.Groups[1].Value, Value: WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(f => f.Key != "__RequestVerificationToken")
            .ToList();
        return (action, fields);
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
