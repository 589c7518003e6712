using System.Net;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Admin;

public sealed class UnitMembershipPageTests
{
    private static async Task<string> PostAsync(HttpClient client, string handler, string formId, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await SignIn.TokenAsync(client, "/admin/users", formId);
        using var form = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync($"/admin/users?handler={handler}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Admin_GrantsAndRevokesAUnitRoleThroughThePage(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var admin = await SignIn.AdminAsync(app);
        string userId;
        int provinceId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            userId = (await db.Users.SingleAsync(u => u.UserName == "admin")).Id;
            provinceId = (await db.Units.Where(u => u.Kind == UnitKind.Province && u.Code == "68").ToListAsync())
                .Single(u => u.ValidTo is null).Id;
        }

        var page = await admin.GetStringAsync("/admin/users");
        Assert.Contains("href=\"/admin/tokens\"", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{provinceId}\"", page, StringComparison.Ordinal);

        var granted = await PostAsync(admin, "Grant", "grant-form",
            new() { ["id"] = userId, ["unitId"] = provinceId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unitRole"] = UnitRoles.Coordinator });
        Assert.DoesNotContain("alert-danger", granted, StringComparison.Ordinal);
        Assert.Contains("Điều phối (tỉnh)", granted, StringComparison.Ordinal);
        Assert.Contains($"id=\"units-{userId}\" open=\"open\"", granted, StringComparison.Ordinal);

        var duplicate = await PostAsync(admin, "Grant", "grant-form",
            new() { ["id"] = userId, ["unitId"] = provinceId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["unitRole"] = UnitRoles.Coordinator });
        Assert.Contains("already has this role", duplicate, StringComparison.Ordinal);
        var unknown = await PostAsync(admin, "Grant", "grant-form", new() { ["id"] = userId, ["unitId"] = "Sở không có", ["unitRole"] = UnitRoles.FocalPoint });
        Assert.Contains("Choose a unit", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("đơn vị 0", unknown, StringComparison.Ordinal);

        int membershipId;
        using (var scope = app.Services.CreateScope())
        {
            membershipId = Assert.Single(await scope.ServiceProvider.GetRequiredService<UnitMemberships>().ListAsync(userId)).Id;
        }

        var revoked = await PostAsync(admin, "Revoke", $"revoke-{membershipId}", new() { ["id"] = userId, ["membershipId"] = membershipId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.DoesNotContain("alert-danger", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"revoke-{membershipId}\"", revoked, StringComparison.Ordinal);

        using var check = app.Services.CreateScope();
        var db2 = check.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        Assert.Empty(await db2.UnitMemberships.ToListAsync());
        var actions = await db2.AuditEntries.Where(a => a.EntityType == nameof(UnitMembership)).Select(a => a.Action).ToListAsync();
        string[] expected = ["membership.grant", "membership.revoke"];
        Assert.Equal(expected, actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Grant_WithoutAntiforgeryToken_IsRejected()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = "x", ["unitId"] = "1", ["unitRole"] = UnitRoles.FocalPoint });
        var response = await admin.PostAsync("/admin/users?handler=Grant", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
