using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Reporting.Obligations;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Plans;

/// <summary>/my/reports/{id} on the demo: the focal point files from its to-do list, the coordinator returns, the focal point resubmits.</summary>
public sealed partial class ReportPageTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task FocalPoint_FilesFromTheToDoList_CoordinatorReturns_FocalPointSeesWhyAndResubmits()
    {
        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        var todo = await focal.GetStringAsync("/my/tasks");
        var path = ReportLink().Match(todo).Groups[0].Value;
        Assert.StartsWith("/my/reports/", path, StringComparison.Ordinal);

        var page = await focal.GetStringAsync(path);
        Assert.Contains("chưa báo cáo", page, StringComparison.Ordinal);
        var saved = await focal.PostAsync(path + "?handler=Submit", SignIn.Form(SignIn.Token(page, "report-form"),
            ("Revision", "0"), ("Result", "Đã ban hành văn bản hướng dẫn"), ("AchievedValue", "12,5"), ("Difficulties", ""), ("Proposals", "")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var submitted = WebUtility.HtmlDecode(await focal.GetStringAsync(path));
        Assert.Contains("id=\"report-state\">đã gửi", submitted, StringComparison.Ordinal);
        Assert.Contains("12,5", submitted, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"review-form\"", submitted, StringComparison.Ordinal);

        using var coordinator = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var review = await coordinator.GetStringAsync(path);
        Assert.Contains("id=\"review-form\"", review, StringComparison.Ordinal);
        var revision = RevisionOf().Match(review).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync(path + "?handler=Return",
            SignIn.Form(SignIn.Token(review, "review-form"), ("Revision", revision), ("Comment", "")))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync(path + "?handler=Return",
            SignIn.Form(SignIn.Token(review, "review-form"), ("Revision", revision), ("Comment", "Bổ sung số, ngày văn bản")))).StatusCode);

        var returned = WebUtility.HtmlDecode(await focal.GetStringAsync(path));
        Assert.Contains("Bổ sung số, ngày văn bản", returned, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await focal.PostAsync(path + "?handler=Submit", SignIn.Form(SignIn.Token(returned, "report-form"),
            ("Revision", RevisionOf().Match(returned).Groups[1].Value), ("Result", "Đã ban hành văn bản số 25/HD-SNV"), ("Evidence", "25/HD-SNV | 2026-03-10 | Sở Nội vụ | Hướng dẫn")))).StatusCode);
        Assert.Contains("id=\"report-state\">đã gửi", WebUtility.HtmlDecode(await focal.GetStringAsync(path)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUnitsObligation_IsNotFound_ForTheFocalPoint()
    {
        int other;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
            other = await (from o in db.Set<Obligation>() join u in db.Units on o.UnitId equals u.Id where u.Code != "SNV" select o.Id).FirstAsync();
        }

        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync($"/my/reports/{other}")).StatusCode);
        var token = await SignIn.TokenAsync(focal, "/my/tasks");
        Assert.Equal(HttpStatusCode.NotFound, (await focal.PostAsync($"/my/reports/{other}?handler=Save", SignIn.Form(token, ("Revision", "0"), ("Result", "x")))).StatusCode);
    }

    [Fact]
    public async Task AchievedValue_NotANumber_IsNamedAsLabelled_AndNothingIsSaved()
    {
        using var focal = await SignIn.DemoAsync(fixture.App, "daumoi");
        var path = ReportLink().Match(await focal.GetStringAsync("/my/tasks")).Groups[0].Value;
        var page = await focal.GetStringAsync(path);
        int before;
        using (var scope = fixture.App.Services.CreateScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries.CountAsync();
        }

        var response = await focal.PostAsync(path + "?handler=Save", SignIn.Form(SignIn.Token(page, "report-form"),
            ("Revision", RevisionOf().Match(page).Groups[1].Value), ("Result", "Đã làm"), ("AchievedValue", "mười hai")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Giá trị đạt được", html, StringComparison.Ordinal);
        Assert.Contains("'mười hai' không phải là số", html, StringComparison.Ordinal);
        using var check = fixture.App.Services.CreateScope();
        Assert.Equal(before, await check.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries.CountAsync());
    }

    [GeneratedRegex("/my/reports/\\d+")]
    private static partial Regex ReportLink();

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionOf();
}
