using System.Net;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChiSo.Web.Tests.Plans.PlanScenario;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// Two people pressing the same button on the same plan at the same moment, over HTTP on both databases: one
/// succeeds, the other gets the page back with a plain message — never a 500 — and the plan holds one amendment,
/// one frozen version, one issue.
/// </summary>
public sealed class ConcurrentPlanPageTests
{
    private static async Task<(HttpClient A, HttpClient B)> TwoEditorsAsync(ChiSoWebFactory app) =>
        (await SignIn.AdminAsync(app), await SignIn.AdminAsync(app));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AmendAndIssue_TwoAtOnce_OneWins_TheOtherIsToldPlainly(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        var lamDong = await ProvinceAsync(app, "68");
        var planId = await DraftAsync(app, lamDong, "Kế hoạch hai người cùng sửa");
        await IssueAsync(app, planId, "501", new DateOnly(2026, 2, 1));
        var (a, b) = await TwoEditorsAsync(app);
        using var _ = a;
        using var __ = b;
        var url = $"/plans/{Id(planId)}";
        var (pageA, pageB) = (await a.GetStringAsync(url), await b.GetStringAsync(url));

        var amends = await Task.WhenAll(
            a.PostAsync($"{url}?handler=Amend", SignIn.Form(SignIn.Token(pageA, "amend-form"), ("Reason", "Người A"))),
            b.PostAsync($"{url}?handler=Amend", SignIn.Form(SignIn.Token(pageB, "amend-form"), ("Reason", "Người B"))));
        Assert.Single(amends, r => r.StatusCode == HttpStatusCode.Redirect);
        var lost = Assert.Single(amends, r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.Matches("người khác vừa mở|Người khác vừa lưu", await lost.Content.ReadAsStringAsync());
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            Assert.Equal(1, await db.PlanVersions.CountAsync(v => v.PlanId == planId));
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            Assert.Equal((PlanStatus.Amending, 1), (plan.Status, plan.Amendment));
        }

        // Both reach the confirmation of issuing the amendment and confirm at once: one issue.
        (pageA, pageB) = (await a.GetStringAsync(url), await b.GetStringAsync(url));
        var revision = Id(await RevisionAsync(app, planId));
        var steps = await Task.WhenAll(
            a.PostAsync($"{url}?handler=Issue", SignIn.Form(SignIn.Token(pageA, "issue-form"), ("Revision", revision), ("Number", "502"), ("IssuedOn", "2026-03-05"))),
            b.PostAsync($"{url}?handler=Issue", SignIn.Form(SignIn.Token(pageB, "issue-form"), ("Revision", revision), ("Number", "502"), ("IssuedOn", "2026-03-05"))));
        var (shownA, shownB) = (await ConfirmationStep.ShownAsync(steps[0]), await ConfirmationStep.ShownAsync(steps[1]));
        var issues = await Task.WhenAll(ConfirmationStep.ConfirmAsync(a, shownA), ConfirmationStep.ConfirmAsync(b, shownB));
        Assert.Single(issues, r => r.StatusCode == HttpStatusCode.Redirect);
        var second = Assert.Single(issues, r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Người khác vừa lưu thay đổi", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            var plan = await db.Plans.SingleAsync(p => p.Id == planId);
            Assert.Equal((PlanStatus.Issued, "502"), (plan.Status, plan.Number));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "plan.issue" && e.EntityId == Id(planId)));
        }
    }
}
