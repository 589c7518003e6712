using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        // The code that switched it on was spent; the app shows the next one 30 seconds later.
        app.Advance(TimeSpan.FromSeconds(30));
        var signedIn = await PostRawAsync(client, "/account/login-2fa", Totp(key, app.Database.Clock));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/frameworks")).StatusCode);
    }

    /// <summary>An admin session with two-factor switched on, and the key its authenticator app holds.</summary>
    private static async Task<(HttpClient Admin, string Key)> EnableAsync(ChiSoWebFactory app)
    {
        var admin = await SignIn.AdminAsync(app);
        var key = KeyPattern().Match(await admin.GetStringAsync("/account/two-factor")).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("two-factor-on", await PostAsync(admin, "/account/two-factor?handler=Enable", Totp(key, app.Database.Clock)), StringComparison.Ordinal);
        return (admin, key);
    }

    /// <summary>A new browser that has passed the password step and now stands at the code step.</summary>
    private static async Task<HttpClient> AtCodeStepAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var afterPassword = await AuthTestHost.PostLoginAsync(client, "admin", ChiSoWebFactory.AdminPassword);
        Assert.StartsWith("/account/login-2fa", AuthTestHost.PathOf(afterPassword), StringComparison.Ordinal);
        return client;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Code_UsedOnce_IsRefusedTheSecondTime_AlsoAfterARestartAndOnAnotherInstance(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var (admin, key) = await EnableAsync(app);
        admin.Dispose();

        // The code that turned two-factor on cannot sign in (same 30-second step).
        using (var replay = await AtCodeStepAsync(app))
        {
            Assert.Contains("đã dùng", await PostAsync(replay, "/account/login-2fa", Totp(key, app.Database.Clock)), StringComparison.Ordinal);
        }

        app.Advance(TimeSpan.FromSeconds(60));
        var code = Totp(key, app.Database.Clock);
        using (var first = await AtCodeStepAsync(app))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostRawAsync(first, "/account/login-2fa", code)).StatusCode);
        }

        // Seen over a shoulder: the same code from another browser, still within its validity, is refused …
        using (var thief = await AtCodeStepAsync(app))
        {
            var refused = await PostRawAsync(thief, "/account/login-2fa", code);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/frameworks")).StatusCode);
        }

        // … also by a second app instance on the same database (or this one after a restart): the step is stored.
        await using var other = app.SecondInstance();
        using (var elsewhere = await AtCodeStepAsync(other))
        {
            Assert.Contains("Mã xác thực không đúng hoặc đã dùng", await PostAsync(elsewhere, "/account/login-2fa", code), StringComparison.Ordinal);
        }

        // An earlier code never used, still within the 90-second drift, is refused too: only later steps count.
        app.Advance(TimeSpan.FromSeconds(-30));
        using (var earlier = await AtCodeStepAsync(app))
        {
            Assert.Contains("đã dùng", await PostAsync(earlier, "/account/login-2fa", Totp(key, app.Database.Clock)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Disable_WithOnlyTheSession_IsRefused_WithThePasswordOrACode_Works()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (admin, key) = await EnableAsync(app);
        using (admin)
        {
            var bare = await PostFormAsync(admin, "/account/two-factor?handler=Disable");
            Assert.Contains("two-factor-on", bare, StringComparison.Ordinal);
            Assert.Contains("Nhập đúng mật khẩu hiện tại hoặc mã", bare, StringComparison.Ordinal);
            Assert.Contains("Enter your current password or the code", bare, StringComparison.Ordinal);
            Assert.Contains("two-factor-on", await PostFormAsync(admin, "/account/two-factor?handler=Disable", ("Password", "khong-phai-2026")), StringComparison.Ordinal);
            // A replayed code is no proof either.
            Assert.Contains("two-factor-on", await PostFormAsync(admin, "/account/two-factor?handler=Disable", ("Code", Totp(key, app.Database.Clock))), StringComparison.Ordinal);

            var off = await PostFormAsync(admin, "/account/two-factor?handler=Disable", ("Password", ChiSoWebFactory.AdminPassword));
            Assert.DoesNotContain("two-factor-on", off, StringComparison.Ordinal);
            // This browser stays signed in (its cookie was renewed with the new stamp).
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/frameworks")).StatusCode);
        }

        // On again (with the next step's code: the first one is spent), then off with a fresh code from the app.
        app.Advance(TimeSpan.FromSeconds(30));
        var (again, newKey) = await EnableAsync(app);
        Assert.NotEqual(key, newKey);
        using (again)
        {
            app.Advance(TimeSpan.FromSeconds(30));
            var off = await PostFormAsync(again, "/account/two-factor?handler=Disable", ("Code", Totp(newKey, app.Database.Clock)));
            Assert.DoesNotContain("two-factor-on", off, StringComparison.Ordinal);
        }

        using var scope = app.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith("user.two-factor")).Select(a => a.Action).ToListAsync();
        Assert.Equal(2, actions.Count(a => a == "user.two-factor-on"));
        Assert.Equal(2, actions.Count(a => a == "user.two-factor-off"));
    }

    [Fact]
    public async Task LoginCode_WrongTooOften_RefusesTheAddress()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, extra: new Dictionary<string, string?>
        {
            ["RateLimits:FailedAuthenticationsPerAddress"] = "3",
        });
        var (admin, key) = await EnableAsync(app);
        admin.Dispose();
        using var client = await AtCodeStepAsync(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostRawAsync(client, "/account/login-2fa", $"00000{i}")).StatusCode);
        }

        app.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostRawAsync(client, "/account/login-2fa", Totp(key, app.Database.Clock))).StatusCode);
    }

    private static async Task<string> PostFormAsync(HttpClient client, string path, params (string Key, string Value)[] fields)
    {
        var token = await SignIn.TokenAsync(client, path.Split('?')[0]);
        return await (await client.PostAsync(path, SignIn.Form(token, fields))).Content.ReadAsStringAsync();
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
