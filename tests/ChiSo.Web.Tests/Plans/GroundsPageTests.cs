using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>The list of usual legal grounds: seeded, kept by admins (audited), copied into new plans, refused to others.</summary>
public sealed partial class GroundsPageTests
{
    [Fact]
    public async Task Admin_AddsEditsAndDeletesGrounds_NewPlansStartWithThem_OthersAreRefused()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var admin = await SignIn.AdminAsync(app);
        var page = await admin.GetStringAsync("/plans/grounds");
        Assert.Contains("Căn cứ Luật Tổ chức chính quyền địa phương ngày … tháng … năm …;", page, StringComparison.Ordinal);
        Assert.Equal(6, GroundRow().Count(page));

        var empty = await admin.PostAsync("/plans/grounds?handler=Save", SignIn.Form(SignIn.Token(page, "new-ground-form"), ("Text", " "), ("Order", "5")));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Căn cứ:</strong>", emptyHtml, StringComparison.Ordinal);

        var added = await admin.PostAsync("/plans/grounds?handler=Save", SignIn.Form(SignIn.Token(page, "new-ground-form"),
            ("Text", "Căn cứ Quyết định số 01/QĐ-UBND ngày 02 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh"), ("Family", "papi"), ("Order", "5")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await admin.GetStringAsync("/plans/grounds");
        var id = GroundRow().Matches(page).Select(m => m.Groups[1].Value).First();

        // Edit and delete name the ground in the route.
        var edited = await admin.PostAsync($"/plans/grounds/{id}?handler=Save", SignIn.Form(SignIn.Token(page, $"ground-form-{id}"),
            ("Text", "Căn cứ Quyết định số 01/QĐ-UBND ngày 02 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh về cải cách hành chính"), ("Family", "papi"), ("Order", "5")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        // A blank plan of the province starts with the list, the new ground first (order 5).
        var plans = await admin.GetStringAsync("/plans");
        var created = await admin.PostAsync("/plans?handler=Create", SignIn.Form(SignIn.Token(plans, "create-form"), ("Province", "68"), ("Year", "2026")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planId = int.Parse(Regex.Match(created.Headers.Location!.OriginalString, @"/plans/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using (var scope = app.Services.CreateScope())
        {
            var plan = (await scope.ServiceProvider.GetRequiredService<PlanQueries>().ViewAsync(planId))!;
            var grounds = plan.LegalGrounds!.Split('\n');
            Assert.Equal("Căn cứ Quyết định số 01/QĐ-UBND ngày 02 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh về cải cách hành chính", grounds[0]);
            // PAPI plans take the general grounds and the PAPI one, not the PAR Index ones.
            Assert.Equal(5, grounds.Length);
            Assert.DoesNotContain(grounds, g => g.Contains("Chỉ số cải cách hành chính năm", StringComparison.Ordinal));
        }

        var deleted = await admin.PostAsync($"/plans/grounds/{id}?handler=Delete", SignIn.Form(SignIn.Token(page, $"ground-form-{id}"), ("Text", "x"), ("Order", "0")));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(6, GroundRow().Count(await admin.GetStringAsync("/plans/grounds")));

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            var actions = await db.AuditEntries.Where(a => a.EntityType == "LegalGround" && a.EntityId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["legal-ground.create", "legal-ground.update", "legal-ground.delete"], actions);
        }

        // A coordinator reads the list but cannot change it, whatever it posts.
        using var coordinator = await CoordinatorAsync(app);
        var read = await coordinator.GetStringAsync("/plans/grounds");
        Assert.Contains("Căn cứ Luật Tổ chức chính quyền địa phương", read, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-ground-form\"", read, StringComparison.Ordinal);
        var token = SignIn.Token(read);
        var first = GroundRowReadOnly().Match(read).Groups[1].Value;
        var tampered = await coordinator.PostAsync($"/plans/grounds/{first}?handler=Save", SignIn.Form(token, ("Text", "Căn cứ giả"), ("Order", "1")));
        Assert.Contains("/account/denied", tampered.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var removed = await coordinator.PostAsync($"/plans/grounds/{first}?handler=Delete", SignIn.Form(token));
        Assert.Contains("/account/denied", removed.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("Căn cứ giả", await admin.GetStringAsync("/plans/grounds"), StringComparison.Ordinal);
        Assert.Equal(6, GroundRow().Count(await admin.GetStringAsync("/plans/grounds")));
    }

    /// <summary>A coordinator account (the province's Department of Home Affairs), signed in through the login form.</summary>
    private static async Task<HttpClient> CoordinatorAsync(ChiSoWebFactory app)
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ChiSo.Accounts.ChiSoUser>>();
            var user = new ChiSo.Accounts.ChiSoUser { UserName = "dieuphoi-grounds" };
            Assert.True((await users.CreateAsync(user, ChiSoWebFactory.AdminPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, ChiSo.Accounts.Roles.Coordinator)).Succeeded);
        }

        return await SignIn.ClientAsync(app, "dieuphoi-grounds", ChiSoWebFactory.AdminPassword);
    }

    [GeneratedRegex("<tr id=\"ground-(\\d+)\">\\s*<td colspan")]
    private static partial Regex GroundRow();

    [GeneratedRegex("<tr id=\"ground-(\\d+)\">")]
    private static partial Regex GroundRowReadOnly();
}
