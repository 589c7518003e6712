using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Admin;

/// <summary>The login page must not tell which user names exist: same answer, same password-hash work.</summary>
public sealed partial class UserEnumerationTests
{
    private const string Password = "Mat-khau-that-2026";

    /// <summary>The page's error text, without the parts that differ per response (antiforgery token, echoed name).</summary>
    private static async Task<(HttpStatusCode Status, string Error)> RefusalAsync(HttpClient client, string userName, string password)
    {
        var response = await AuthTestHost.PostLoginAsync(client, userName, password);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, ErrorBox().Match(html).Groups[1].Value.Trim());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Login_UnknownUser_WrongPassword_LockedAccount_GetTheSameAnswer(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var lockedId = await AuthTestHost.CreateUserAsync(app, "bi.khoa", Roles.Coordinator, Password);
        using (var scope = app.Services.CreateScope())
        {
            var locked = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetLockedAsync(lockedId, true, new Actor("admin"));
            Assert.True(locked.Succeeded);
        }

        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var unknown = await RefusalAsync(client, "khong.ton.tai", Password);
        var wrongPassword = await RefusalAsync(client, "admin", "Sai-mat-khau-2026");
        // The locked account's own, correct password: still refused (the lock holds), with the same words.
        var lockedOut = await RefusalAsync(client, "bi.khoa", Password);

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(unknown, lockedOut);
        Assert.Equal(unknown, wrongPassword);
    }

    [Fact]
    public async Task Login_UnknownOrLockedUser_StillChecksAPasswordHash()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var lockedId = await AuthTestHost.CreateUserAsync(app, "bi.khoa", Roles.Coordinator, Password);
        using (var scope = app.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetLockedAsync(lockedId, true, new Actor("admin"))).Succeeded);
        }

        var hasher = new CountingPasswordHasher();
        var probed = app.WithProbes(new CommandCounter(), hasher);
        using var client = probed.ClientFrom("192.0.2.44");

        var before = hasher.Verifications;
        await RefusalAsync(client, "khong.ton.tai", Password);
        Assert.Equal(before + 1, hasher.Verifications);
        await RefusalAsync(client, "bi.khoa", Password);
        Assert.Equal(before + 2, hasher.Verifications);
        // As much as a real account's wrong password costs.
        await RefusalAsync(client, "admin", "Sai-mat-khau-2026");
        Assert.Equal(before + 3, hasher.Verifications);
    }

    [GeneratedRegex("<div class=\"alert alert-danger[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorBox();
}
