using System.Net;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// Per-unit boundaries on plans: the demo focal point reads the plan and their unit's tasks but changes nothing; a
/// coordinator whose membership is limited to one plan edits that plan and no other.
/// </summary>
public sealed class PlanAccessTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal));

    [Fact]
    public async Task FocalPoint_SeesTheirTasks_ButCannotChangeThePlan()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "daumoi");
        var mine = await client.GetStringAsync("/my/tasks");
        Assert.Contains("Theo dõi, đôn đốc và tổng hợp kết quả thực hiện Kế hoạch", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Lắp đặt trạm quan trắc không khí", mine, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ của tôi", mine, StringComparison.Ordinal);

        var detail = await client.GetStringAsync("/plans/1");
        Assert.DoesNotContain("id=\"amend-form\"", detail, StringComparison.Ordinal);
        Assert.True(Refused(await client.GetAsync("/plans/1/edit")));
        Assert.True(Refused(await client.GetAsync("/plans/1/tasks")));
        Assert.True(Refused(await client.PostAsync("/plans/1?handler=Amend", SignIn.Form(SignIn.Token(detail), ("Reason", "thử")))));
        var plans = await client.GetStringAsync("/plans");
        Assert.DoesNotContain("id=\"draft-form\"", plans, StringComparison.Ordinal);
        Assert.True(Refused(await client.PostAsync("/plans?handler=Create", SignIn.Form(SignIn.Token(plans), ("Province", "68"), ("Year", "2026")))));
    }

    [Fact]
    public async Task CoordinatorLimitedToOnePlan_EditsThatPlanOnly()
    {
        using var coordinator = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var token = await SignIn.TokenAsync(coordinator, "/plans", "create-form");
        var created = await coordinator.PostAsync("/plans?handler=Create", SignIn.Form(token, ("Province", "68"), ("Year", "2026"), ("Title", "Kế hoạch riêng của một điều phối viên")));
        var otherId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        using (var scope = fixture.App.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var result = await admin.CreateAsync("phutrach", "Cán bộ phụ trách một kế hoạch", Roles.Member, new Actor("test"));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
            var user = (await users.FindByNameAsync("phutrach"))!;
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, SignIn.DemoPassword);
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            var province = await db.Units.SingleAsync(u => u.Kind == ChiSo.Units.UnitKind.Province && u.Code == "68" && u.ValidTo == null);
            var grant = await scope.ServiceProvider.GetRequiredService<UnitMemberships>().GrantAsync(user.Id, province.Id, UnitRoles.Coordinator, 1, new Actor("test"));
            Assert.True(result.Succeeded && grant.Succeeded, string.Join("; ", grant.Problems));
        }

        using var limited = await SignIn.DemoAsync(fixture.App, "phutrach");
        Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("/plans/1/edit")).StatusCode);
        Assert.True(Refused(await limited.GetAsync($"/plans/{otherId}/edit")));
        Assert.Contains("id=\"assign-form\"", await limited.GetStringAsync("/plans/1"), StringComparison.Ordinal);
        // Another draft of the same province is not theirs to see at all.
        Assert.Equal(HttpStatusCode.NotFound, (await limited.GetAsync($"/plans/{otherId}")).StatusCode);
    }
}
