using System.Net;
using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Reporting.Consolidation;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Reporting;

/// <summary>
/// /plans/{id}/consolidation/{period} on the demo at 1 December 2026, through the real sign-in form and plain form posts
/// (no JavaScript): the coordinator edits and saves the drafted narrative, is told when someone saved first, drafts again
/// only after ticking the box, downloads the documents and the follow-up letter with a new deadline; a leader reads; a focal
/// point is refused; a stranger finds nothing; a posted id or period never decides what is saved.
/// </summary>
public sealed class ConsolidationPageTests(DemoInDecember demo) : IClassFixture<DemoInDecember>
{
    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal),
            $"{(int)response.StatusCode} {response.Headers.Location}");

    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        return WebUtility.HtmlDecode(html);
    }

    private async Task<PeriodNarrative?> SavedAsync(int plan, string period)
    {
        using var scope = demo.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        return await (from n in db.Set<PeriodNarrative>().Include(n => n.Results)
                      join p in db.Set<ChiSo.Reporting.Periods.PlanReportingPeriod>() on n.PeriodId equals p.Id
                      where p.PlanId == plan && p.Key == period
                      select n).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task Coordinator_EditsAndSaves_ReopensTheEditedText_StaleSaveShowsBoth_RedraftNeedsTheBox()
    {
        var plan = await demo.PlanAsync();
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        var here = $"/plans/{plan}/consolidation/2026-Q1";
        var page = await HtmlAsync(await coordinator.GetAsync(here));
        Assert.Contains("id=\"narrative-form\"", page, StringComparison.Ordinal);
        Assert.Contains("Bản soạn tự động từ các báo cáo đã tiếp nhận", page, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ (nhiệm vụ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"redraft-form\"", page, StringComparison.Ordinal);
        var token = SignIn.Token(page, "narrative-form");
        var code = System.Text.RegularExpressions.Regex.Match(page, "name=\"Results\\[0\\]\\.Code\" value=\"([^\"]*)\"").Groups[1].Value;

        // The body names another plan and period: the route's are saved.
        var saved = await coordinator.PostAsync(here + "?handler=Save", SignIn.Form(token, ("Revision", "0"), ("Opening", "Mở đầu sửa trên trang."),
            ("Summary", "Kết quả chung sửa trên trang."), ("Results[0].Code", code), ("Results[0].Text", "Đoạn lĩnh vực 1 sửa trên trang."), ("Difficulties", ""),
            ("Proposals", "Kiến nghị sửa trên trang."), ("id", (plan + 999).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("period", "2026-6M")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(here + "?saved=1", saved.Headers.Location!.OriginalString);
        Assert.Equal((1, "Mở đầu sửa trên trang."), ((await SavedAsync(plan, "2026-Q1"))!.Revision, (await SavedAsync(plan, "2026-Q1"))!.Opening));
        Assert.Null(await SavedAsync(plan, "2026-6M"));

        var reopened = await HtmlAsync(await coordinator.GetAsync(here));
        Assert.Contains("Đoạn lĩnh vực 1 sửa trên trang.", reopened, StringComparison.Ordinal);
        Assert.Contains("Đã lưu lúc", reopened, StringComparison.Ordinal);
        Assert.Contains("id=\"counts-changed\"", reopened, StringComparison.Ordinal);
        var docx = DemoInDecember.Paragraphs(await (await coordinator.GetAsync(here + "?handler=Docx")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Mở đầu sửa trên trang.", docx);
        Assert.Contains("Kiến nghị sửa trên trang.", docx);

        // A save from a page opened before the first save: told someone saved first, both texts shown, nothing overwritten.
        var stale = await HtmlAsync(await coordinator.PostAsync(here + "?handler=Save", SignIn.Form(token, ("Revision", "0"), ("Opening", "Bản từ trang cũ."))));
        Assert.Contains("Người khác vừa lưu thay đổi", stale, StringComparison.Ordinal);
        Assert.Contains("id=\"saved-meanwhile\"", stale, StringComparison.Ordinal);
        Assert.Contains(">Bản từ trang cũ.</textarea>", stale, StringComparison.Ordinal);
        Assert.Equal("Mở đầu sửa trên trang.", (await SavedAsync(plan, "2026-Q1"))!.Opening);

        var redraftToken = SignIn.Token(reopened, "redraft-form");
        var unticked = await HtmlAsync(await coordinator.PostAsync(here + "?handler=Redraft", SignIn.Form(redraftToken, ("Revision", "1"))));
        Assert.Contains("Đánh dấu ô xác nhận", unticked, StringComparison.Ordinal);
        Assert.Equal(1, (await SavedAsync(plan, "2026-Q1"))!.Revision);
        var redrafted = await coordinator.PostAsync(here + "?handler=Redraft", SignIn.Form(redraftToken, ("Revision", "1"), ("Confirm", "true")));
        Assert.Equal(here + "?redrafted=1", redrafted.Headers.Location!.OriginalString);
        Assert.StartsWith("Thực hiện Kế hoạch", (await SavedAsync(plan, "2026-Q1"))!.Opening, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinator_DownloadsTheLetterWithANewDeadline_ADayOffIsNamed_AndThePlanPagesLinkHere()
    {
        var plan = await demo.PlanAsync();
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        var opened = await coordinator.GetAsync($"/plans/{plan}/consolidation");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Matches($"^/plans/{plan}/consolidation/2026-", opened.Headers.Location!.OriginalString);
        Assert.Equal($"/plans/{plan}/consolidation/2026-6M", (await coordinator.GetAsync($"/plans/{plan}/consolidation?period=2026-6m")).Headers.Location!.OriginalString);
        var here = $"/plans/{plan}/consolidation/2026-6M";
        var page = await HtmlAsync(await coordinator.GetAsync(here));
        Assert.Contains("id=\"letter-form\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-08\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"SNV\">Sở Nội vụ</option>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"download-docx\"", page, StringComparison.Ordinal);

        var letter = await coordinator.GetAsync(here + "?handler=Letter&deadline=2026-12-10");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter.Content.Headers.ContentType!.MediaType);
        Assert.Contains(DemoInDecember.Paragraphs(await letter.Content.ReadAsByteArrayAsync()), p => p.Contains("chậm nhất ngày 10 tháng 12 năm 2026.", StringComparison.Ordinal));
        var fromDepartment = await coordinator.GetAsync(here + "?handler=Letter&deadline=2026-12-10&from=SNV");
        Assert.Contains("SỞ NỘI VỤ", DemoInDecember.Paragraphs(await fromDepartment.Content.ReadAsByteArrayAsync()));
        var sunday = await HtmlAsync(await coordinator.GetAsync(here + "?handler=Letter&deadline=2026-12-06&from=SNV"));
        Assert.Contains("<option value=\"SNV\" selected=\"selected\">Sở Nội vụ</option>", sunday, StringComparison.Ordinal);
        Assert.Contains("Hạn mới", sunday, StringComparison.Ordinal);
        Assert.Contains("là ngày nghỉ; hãy chọn ngày làm việc, ví dụ ngày 07 tháng 12 năm 2026", sunday, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-06\"", sunday, StringComparison.Ordinal);
        var xlsx = await coordinator.GetAsync(here + "?handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);

        Assert.Contains($"href=\"/plans/{plan}/consolidation\"", await coordinator.GetStringAsync($"/plans/{plan}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/plans/{plan}/consolidation/2026-6M\"", await coordinator.GetStringAsync($"/plans/{plan}/reporting"), StringComparison.Ordinal);
        using var focal = await SignIn.DemoAsync(demo.App, "daumoi");
        Assert.DoesNotContain("/consolidation", await focal.GetStringAsync($"/plans/{plan}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaderReads_FocalPointRefused_StrangerFindsNothing_NobodyButTheCoordinatorSaves()
    {
        var plan = await demo.PlanAsync();
        var here = $"/plans/{plan}/consolidation/2026-9M";
        using var coordinator = await SignIn.DemoAsync(demo.App, "dieuphoi");
        var token = SignIn.Token(await coordinator.GetStringAsync(here), "narrative-form");
        await PlanScenario.UserAsync(demo.App, "khach", Roles.Member);

        using var leader = await SignIn.DemoAsync(demo.App, "lanhdao");
        var page = await HtmlAsync(await leader.GetAsync(here));
        Assert.Contains("id=\"narrative-text\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"narrative-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(here + "?handler=Docx")).StatusCode);
        var leaderToken = SignIn.Token(page);
        AssertDenied(await leader.PostAsync(here + "?handler=Save", SignIn.Form(leaderToken, ("Revision", "0"), ("Opening", "Lãnh đạo sửa."))));
        AssertDenied(await leader.PostAsync(here + "?handler=Redraft", SignIn.Form(leaderToken, ("Revision", "0"), ("Confirm", "true"))));

        using var focal = await SignIn.DemoAsync(demo.App, "daumoi");
        AssertDenied(await focal.GetAsync(here));
        AssertDenied(await focal.GetAsync(here + "?handler=Docx"));
        AssertDenied(await focal.GetAsync(here + "?handler=Letter"));
        AssertDenied(await focal.PostAsync(here + "?handler=Save", SignIn.Form(SignIn.Token(await focal.GetStringAsync("/my/tasks")), ("Revision", "0"), ("Opening", "x"))));

        using var stranger = await SignIn.DemoAsync(demo.App, "khach");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(here)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(here + "?handler=Xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/plans/{plan + 999}/consolidation/2026-9M")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/plans/{plan}/consolidation/2031-Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync($"/plans/{plan}/consolidation/2031-Q1?handler=Save",
            SignIn.Form(token, ("Revision", "0"), ("Opening", "x")))).StatusCode);
        Assert.Null(await SavedAsync(plan, "2026-9M"));
    }
}
