using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Admin;

public sealed partial class UserAdministrationTests
{
    private static async Task<string> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SignIn.TokenAsync(client, "/admin/users");
        using var form = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync($"/admin/users?handler={handler}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<bool> CanSignInAsync(ChiSoWebFactory app, string user, string password)
    {
        try
        {
            using var _ = await SignIn.ClientAsync(app, user, password);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Admin_CreatesLocksUnlocksAndResetsAnAccount(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var admin = await SignIn.AdminAsync(app);

        var created = await PostAsync(admin, "Create", new() { ["userName"] = "sonv.lamdong", ["displayName"] = "Nguyễn Văn Sơn, Sở Nội vụ", ["role"] = "coordinator" });
        var password = TemporaryPassword().Match(created).Groups[1].Value;
        Assert.StartsWith("Cs-", password, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Sơn, Sở Nội vụ", created, StringComparison.Ordinal);
        Assert.True(await CanSignInAsync(app, "sonv.lamdong", password));

        string id;
        using (var scope = app.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Users.SingleAsync(u => u.UserName == "sonv.lamdong")).Id;
        }

        await PostAsync(admin, "Lock", new() { ["id"] = id, ["locked"] = "true" });
        Assert.False(await CanSignInAsync(app, "sonv.lamdong", password));
        await PostAsync(admin, "Lock", new() { ["id"] = id, ["locked"] = "false" });
        Assert.True(await CanSignInAsync(app, "sonv.lamdong", password));

        var reset = await PostAsync(admin, "Reset", new() { ["id"] = id, ["userName"] = "sonv.lamdong" });
        var newPassword = TemporaryPassword().Match(reset).Groups[1].Value;
        Assert.StartsWith("Cs-", newPassword, StringComparison.Ordinal);
        Assert.NotEqual(password, newPassword);
        Assert.False(await CanSignInAsync(app, "sonv.lamdong", password));
        Assert.True(await CanSignInAsync(app, "sonv.lamdong", newPassword));

        using var check = app.Services.CreateScope();
        var actions = await check.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries
            .Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync();
        string[] expected = ["user.create", "user.lock", "user.reset-password", "user.unlock"];
        Assert.Equal(expected, actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Coordinator_CannotOpenAccounts()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var client = await SignIn.DemoAsync(app, "dieuphoi");
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_ChangesOwnPassword()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        var token = await SignIn.TokenAsync(admin, "/account/password");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = ChiSoWebFactory.AdminPassword, ["New"] = "Mat-khau-moi-2026", ["__RequestVerificationToken"] = token,
        });
        var html = await (await admin.PostAsync("/account/password", form)).Content.ReadAsStringAsync();
        Assert.Contains("Đã đổi mật khẩu", html, StringComparison.Ordinal);
        Assert.True(await CanSignInAsync(app, "admin", "Mat-khau-moi-2026"));
        Assert.False(await CanSignInAsync(app, "admin", ChiSoWebFactory.AdminPassword));
    }

    [Fact]
    public async Task Create_DuplicateOrInvalidUserName_ExplainsInBothLanguages_AndSavesNothing()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        var duplicate = WebUtility.HtmlDecode(await PostAsync(admin, "Create", new() { ["userName"] = "admin", ["displayName"] = "Trùng tên", ["role"] = "leader" }));
        Assert.Contains("Tên đăng nhập:", duplicate, StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập 'admin' đã có người dùng.", duplicate, StringComparison.Ordinal);
        Assert.Contains("The user name 'admin' is already taken.", duplicate, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"temporary-password\"", duplicate, StringComparison.Ordinal);

        var invalid = await PostAsync(admin, "Create", new() { ["userName"] = "Nguyễn Văn A", ["role"] = "leader" });
        Assert.Contains("không hợp lệ: chỉ dùng chữ không dấu", invalid, StringComparison.Ordinal);
        // Identity's English-only description does not reach the page.
        Assert.DoesNotContain("is invalid, can only contain letters or digits", invalid, StringComparison.Ordinal);

        var badRole = WebUtility.HtmlDecode(await PostAsync(admin, "Create", new() { ["userName"] = "moi.nguoi", ["role"] = "root" }));
        Assert.Contains("Unknown role 'root'", badRole, StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        Assert.Equal(["admin"], await db.Users.Select(u => u.UserName!).ToListAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == "user.create" && a.Actor == "admin"));
    }

    [GeneratedRegex("<code class=\"fs-5\">([^<]+)</code>")]
    private static partial Regex TemporaryPassword();
}
