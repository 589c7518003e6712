using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChiSo.Web.Tests.Admin;

public sealed partial class TwoFactorTests
{
    [Fact]
    public async Task TwoFactor_Enabled_SignInNeedsTheAppCode()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        var page = await admin.GetStringAsync("/account/two-factor");
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);

        Assert.Contains("Mã không đúng", await PostAsync(admin, "/account/two-factor?handler=Enable", "000000x"), StringComparison.Ordinal);
        Assert.Contains("two-factor-on", await PostAsync(admin, "/account/two-factor?handler=Enable", Totp(key, app.Database.Clock)), StringComparison.Ordinal);

        // A new sign-in stops after the password and asks for the code.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await SignIn.TokenAsync(client, "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = ChiSoWebFactory.AdminPassword, ["__RequestVerificationToken"] = token,
        });
        var afterPassword = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.StartsWith("/account/login-2fa", afterPassword.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/frameworks")).StatusCode);

        Assert.Contains("Mã xác thực không đúng", await PostAsync(client, "/account/login-2fa", "123456"), StringComparison.Ordinal);
        var signedIn = await PostRawAsync(client, "/account/login-2fa", Totp(key, app.Database.Clock));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/frameworks")).StatusCode);
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string code) =>
        await (await PostRawAsync(client, path, code)).Content.ReadAsStringAsync();

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string code)
    {
        var token = await SignIn.TokenAsync(client, path.Split('?')[0]);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = token });
        return await client.PostAsync(path, form);
    }

    /// <summary>RFC 6238 (SHA-1, 30 s, 6 digits) as an authenticator app computes it, at the app's clock.</summary>
    private static string Totp(string base32Key, TimeProvider clock)
    {
        var key = Base32(base32Key);
        var step = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    [GeneratedRegex("data-testid=\"shared-key\">([A-Z2-7 ]+)<")]
    private static partial Regex KeyPattern();
}
