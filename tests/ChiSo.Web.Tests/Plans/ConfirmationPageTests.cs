using System.Net;
using ChiSo.Plans;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChiSo.Web.Tests.Plans.PlanScenario;

namespace ChiSo.Web.Tests.Plans;

/// <summary>
/// Issuing, closing and deleting on the plan page, as a browser without JavaScript does them: the first post shows
/// what will happen and the warnings and changes nothing; only the confirmation form, posted back, acts. The demo
/// clock's today is 15 March 2026.
/// </summary>
public sealed class ConfirmationPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private async Task<int> LamDongAsync() => await ProvinceAsync(fixture.App, "68");

    private static string Revision(int revision) => Id(revision);

    [Fact]
    public async Task Issue_FirstPostOnlyShowsEffectsAndWarnings_AndNothingButTheConfirmationIssues()
    {
        var planId = await DraftAsync(fixture.App, await LamDongAsync(), "Kế hoạch chờ xác nhận ban hành", signer: null);
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var detail = await client.GetStringAsync($"/plans/{Id(planId)}");
        Assert.Contains("id=\"issue-form\"", detail, StringComparison.Ordinal);
        var form = SignIn.Form(SignIn.Token(detail, "issue-form"), ("Revision", Revision(await RevisionAsync(fixture.App, planId))), ("Number", "401"), ("IssuedOn", "2026-04-20"));

        var shown = await ConfirmationStep.ShownAsync(await client.PostAsync($"/plans/{Id(planId)}?handler=Issue", form));
        Assert.Contains("Xác nhận ban hành", shown, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch được ban hành với số 401/KH-UBND, ngày 20 tháng 04 năm 2026", shown, StringComparison.Ordinal);
        Assert.Contains("ở sau hôm nay (ngày 15 tháng 03 năm 2026)", shown, StringComparison.Ordinal);
        Assert.Contains("Chưa ghi họ tên người ký", shown, StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Draft, (await ViewAsync(fixture.App, planId))!.Status);

        // "Confirm" without the key of what was shown, or with another key, only shows the step again.
        foreach (var key in new[] { "", "0123456789abcdef0123456789abcdef" })
        {
            var again = await ConfirmationStep.ShownAsync(await ConfirmationStep.ConfirmAsync(client, shown, ("ConfirmKey", key)));
            Assert.Equal(key.Length > 0, again.Contains("id=\"confirm-changed\"", StringComparison.Ordinal));
            Assert.Equal(PlanStatus.Draft, (await ViewAsync(fixture.App, planId))!.Status);
        }

        // A confirmation of another number is not a confirmation of this one.
        var otherNumber = await ConfirmationStep.ConfirmAsync(client, shown, ("Number", "402"));
        Assert.Contains("id=\"confirm-changed\"", await ConfirmationStep.ShownAsync(otherNumber), StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Draft, (await ViewAsync(fixture.App, planId))!.Status);

        var issued = await ConfirmationStep.ConfirmAsync(client, shown);
        Assert.Equal($"/plans/{Id(planId)}?saved=issued", issued.Headers.Location?.OriginalString);
        var plan = (await ViewAsync(fixture.App, planId))!;
        Assert.Equal((PlanStatus.Issued, "401", new DateOnly(2026, 4, 20)), (plan.Status, plan.Number, plan.IssuedOn));
    }

    [Fact]
    public async Task Issue_ANumberTheBodyUsedThisYear_IsRefusedNamingThatPlan_WithoutAConfirmationStep()
    {
        // The demo's plan is 115/KH-UBND of 22 January 2026 by the same body, here abbreviated.
        var planId = await DraftAsync(fixture.App, await LamDongAsync(), "Kế hoạch trùng số", issuingBody: "UBND tỉnh Lâm Đồng");
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var detail = await client.GetStringAsync($"/plans/{Id(planId)}");
        var response = await client.PostAsync($"/plans/{Id(planId)}?handler=Issue", SignIn.Form(SignIn.Token(detail, "issue-form"),
            ("Revision", Revision(await RevisionAsync(fixture.App, planId))), ("Number", "115"), ("IssuedOn", "2026-03-01")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Số 115 năm 2026 của UBND tỉnh Lâm Đồng đã dùng cho kế hoạch 115/KH-UBND", html, StringComparison.Ordinal);
        Assert.Contains("(ngày 22 tháng 01 năm 2026)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"confirm-form\"", html, StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Draft, (await ViewAsync(fixture.App, planId))!.Status);
    }

    [Fact]
    public async Task Issue_PlanChangedBetweenTheStepAndTheConfirmation_IsNotIssued_AndTheUserIsTold()
    {
        var planId = await DraftAsync(fixture.App, await LamDongAsync(), "Kế hoạch đổi trong lúc xác nhận");
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var detail = await client.GetStringAsync($"/plans/{Id(planId)}");
        var shown = await ConfirmationStep.ShownAsync(await client.PostAsync($"/plans/{Id(planId)}?handler=Issue", SignIn.Form(SignIn.Token(detail, "issue-form"),
            ("Revision", Revision(await RevisionAsync(fixture.App, planId))), ("Number", "403"), ("IssuedOn", "2026-03-02"))));

        // Someone renames the plan meanwhile.
        var edit = await client.GetStringAsync($"/plans/{Id(planId)}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/plans/{Id(planId)}/edit", SignIn.Form(SignIn.Token(edit, "plan-header-form"),
            ("Revision", Revision(await RevisionAsync(fixture.App, planId))), ("Form.DocumentType", "Plan"), ("Form.Symbol", "KH-UBND"), ("Form.FromYear", "2026"),
            ("Form.ToYear", "2026"), ("Form.Title", "Tên đã đổi"), ("Form.IssuingBody", "Ủy ban nhân dân tỉnh"), ("Form.Place", "Tỉnh")))).StatusCode);

        var confirmed = await ConfirmationStep.ConfirmAsync(client, shown);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Người khác vừa lưu thay đổi", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Draft, (await ViewAsync(fixture.App, planId))!.Status);
    }

    [Fact]
    public async Task CloseAndDeleteTask_ActOnlyAfterTheirConfirmation()
    {
        var lamDong = await LamDongAsync();
        var issued = await DraftAsync(fixture.App, lamDong, "Kế hoạch sẽ đóng");
        await IssueAsync(fixture.App, issued, "404", new DateOnly(2026, 2, 10));
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var detail = await client.GetStringAsync($"/plans/{Id(issued)}");
        var shown = await ConfirmationStep.ShownAsync(await client.PostAsync($"/plans/{Id(issued)}?handler=Close",
            SignIn.Form(SignIn.Token(detail, "close-form"), ("Revision", Revision(await RevisionAsync(fixture.App, issued))))));
        Assert.Contains("Kỳ kế hoạch đến hết năm 2026 chưa kết thúc", shown, StringComparison.Ordinal);
        Assert.Contains("không sửa, không mở bản sửa đổi được nữa", shown, StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Issued, (await ViewAsync(fixture.App, issued))!.Status);
        Assert.Equal($"/plans/{Id(issued)}?saved=closed", (await ConfirmationStep.ConfirmAsync(client, shown)).Headers.Location?.OriginalString);
        Assert.Equal(PlanStatus.Closed, (await ViewAsync(fixture.App, issued))!.Status);

        var draft = await DraftAsync(fixture.App, lamDong, "Kế hoạch bớt một nhiệm vụ");
        var task = (await ViewAsync(fixture.App, draft))!.Tasks[1];
        var taskPage = await client.GetStringAsync($"/plans/{Id(draft)}/tasks/{Id(task.Id)}");
        var step = await ConfirmationStep.ShownAsync(await client.PostAsync($"/plans/{Id(draft)}?handler=DeleteTask",
            SignIn.Form(SignIn.Token(taskPage, "delete-task-form"), ("TaskId", Id(task.Id)), ("Revision", Id(task.Revision)))));
        Assert.Contains("Nhiệm vụ 1.2 “Kế hoạch bớt một nhiệm vụ – nhiệm vụ 2” bị xóa", step, StringComparison.Ordinal);
        Assert.Equal(2, (await ViewAsync(fixture.App, draft))!.Tasks.Count);
        Assert.Equal($"/plans/{Id(draft)}?saved=deleted", (await ConfirmationStep.ConfirmAsync(client, step)).Headers.Location?.OriginalString);
        Assert.Equal(["1.1"], (await ViewAsync(fixture.App, draft))!.Tasks.Select(t => t.Code));
    }

    [Fact]
    public async Task DeletePlan_ADraftAfterItsConfirmation_Audited_AndNeverAPlanThatWasIssued()
    {
        var lamDong = await LamDongAsync();
        var draft = await DraftAsync(fixture.App, lamDong, "Dự thảo bỏ đi");
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var detail = await client.GetStringAsync($"/plans/{Id(draft)}");
        var shown = await ConfirmationStep.ShownAsync(await client.PostAsync($"/plans/{Id(draft)}?handler=DeletePlan",
            SignIn.Form(SignIn.Token(detail, "delete-plan-form"), ("Revision", Revision(await RevisionAsync(fixture.App, draft))))));
        Assert.Contains("Dự thảo “Dự thảo bỏ đi” bị xóa cùng 1 nhóm và 2 nhiệm vụ", shown, StringComparison.Ordinal);
        Assert.NotNull(await ViewAsync(fixture.App, draft));
        var deleted = await ConfirmationStep.ConfirmAsync(client, shown);
        Assert.Equal("/plans?deleted=plan", deleted.Headers.Location?.OriginalString);
        Assert.Contains("id=\"deleted-message\"", await client.GetStringAsync("/plans?deleted=plan"), StringComparison.Ordinal);
        Assert.Null(await ViewAsync(fixture.App, draft));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/plans/{Id(draft)}")).StatusCode);
        using (var scope = fixture.App.Services.CreateScope())
        {
            var entry = await scope.ServiceProvider.GetRequiredService<ChiSo.Data.ChiSoDbContext>().AuditEntries
                .SingleAsync(a => a.Action == "plan.delete" && a.EntityId == Id(draft));
            Assert.Equal("dieuphoi", entry.Actor);
            Assert.Contains("Dự thảo bỏ đi", entry.OldValues, StringComparison.Ordinal);
        }

        // Issued, being amended, closed: no delete button, and a forced request is refused whatever it claims.
        var issued = await DraftAsync(fixture.App, lamDong, "Đã ban hành, không xóa");
        await IssueAsync(fixture.App, issued, "405", new DateOnly(2026, 2, 11));
        var amending = await DraftAsync(fixture.App, lamDong, "Đang sửa đổi, không xóa");
        await IssueAsync(fixture.App, amending, "406", new DateOnly(2026, 2, 12));
        await AmendAsync(fixture.App, amending, "Sửa đổi");
        foreach (var plan in new[] { issued, amending })
        {
            var page = await client.GetStringAsync($"/plans/{Id(plan)}");
            Assert.DoesNotContain("id=\"delete-plan-form\"", page, StringComparison.Ordinal);
            var refused = await client.PostAsync($"/plans/{Id(plan)}?handler=DeletePlan", SignIn.Form(SignIn.Token(page),
                ("Revision", Revision(await RevisionAsync(fixture.App, plan))), ("Confirm", "true"), ("ConfirmKey", "0123456789abcdef0123456789abcdef")));
            Assert.Contains("Chỉ xóa được dự thảo chưa ban hành", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull(await ViewAsync(fixture.App, plan));
        }
    }
}
