using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Setup;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Reminders;

/// <summary>The plan's reminder days on /plans/{id}/reporting and over the API: its coordinators set them, others read them.</summary>
public sealed class ReminderSettingsTests(DemoInDecember fixture) : IClassFixture<DemoInDecember>
{
    private async Task<int> PlanAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
    }

    private async Task<PlanReportingSettings?> SettingsAsync(int plan)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Set<PlanReportingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == plan);
    }

    [Fact]
    public async Task ReportingPage_CoordinatorSetsTheDays_OthersReadThem_TamperedPostsDenied_BadListNamed()
    {
        var plan = await PlanAsync();
        using var coordinator = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var page = await coordinator.GetStringAsync($"/plans/{plan}/reporting");
        Assert.Contains("id=\"RemindBefore\" name=\"RemindBefore\" value=\"3\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"RemindAfter\" name=\"RemindAfter\" value=\"1, 5\"", page, StringComparison.Ordinal);

        var refused = WebUtility.HtmlDecode(await (await coordinator.PostAsync($"/plans/{plan}/reporting?handler=Reminders",
            SignIn.Form(SignIn.Token(page, "reminders-form"), ("RemindBefore", "3"), ("RemindAfter", "1, năm")))).Content.ReadAsStringAsync());
        Assert.Contains("Nhắc sau hạn (ngày)", refused, StringComparison.Ordinal);
        Assert.Contains("“năm” không phải số ngày từ 1 đến 60", refused, StringComparison.Ordinal);
        Assert.Null((await SettingsAsync(plan))?.ReminderDaysAfter);

        // The plan is the route's: an id in the body changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync($"/plans/{plan}/reporting?handler=Reminders",
            SignIn.Form(SignIn.Token(page, "reminders-form"), ("RemindBefore", "7, 3"), ("RemindAfter", "2,10"), ("id", "999")))).StatusCode);
        var saved = await SettingsAsync(plan);
        Assert.Equal(("3,7", "2,10"), (saved!.ReminderDaysBefore, saved.ReminderDaysAfter));

        foreach (var user in new[] { "daumoi", "thutruong", "lanhdao" })
        {
            using var client = await SignIn.DemoAsync(fixture.App, user);
            var theirs = WebUtility.HtmlDecode(await client.GetStringAsync($"/plans/{plan}/reporting"));
            Assert.DoesNotContain("id=\"reminders-form\"", theirs, StringComparison.Ordinal);
            Assert.Contains("Nhắc trước hạn: 3, 7 ngày; sau hạn: 2, 10 ngày.", theirs, StringComparison.Ordinal);
            var denied = await client.PostAsync($"/plans/{plan}/reporting?handler=Reminders", SignIn.Form(SignIn.Token(theirs), ("RemindBefore", ""), ("RemindAfter", "")));
            Assert.True(denied.StatusCode == HttpStatusCode.Redirect && denied.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal));
        }

        Assert.Equal("2,10", (await SettingsAsync(plan))!.ReminderDaysAfter);
        using var scope = fixture.App.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries.Where(a => a.Action == "reminders.settings").ToListAsync();
        Assert.Contains(audit, a => a.Actor == "dieuphoi" && a.NewValues!.Contains("\"after\":\"2,10\"", StringComparison.Ordinal));

        // The API reads and sets the same (the admin's bootstrap token); a bad list is 422 naming the field.
        using var api = fixture.App.CreateApiClient();
        var read = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/plans/{plan}/reminders")).RootElement;
        Assert.Equal("[3,7]", read.GetProperty("before").GetRawText());
        Assert.Equal(10, read.GetProperty("escalationDay").GetInt32());
        var put = await api.PutAsJsonAsync($"/api/v1/plans/{plan}/reminders", new { before = new[] { 3 }, after = new[] { 1, 5 } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("saved").GetBoolean());
        Assert.Equal("1,5", (await SettingsAsync(plan))!.ReminderDaysAfter);
        var bad = await api.PutAsJsonAsync($"/api/v1/plans/{plan}/reminders", new { before = new[] { 3 }, after = new[] { 0 } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("\"field\":\"after\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/plans/{plan + 999}/reminders")).StatusCode);
        Assert.Contains("/plans/{id}/reminders", await api.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
    }
}
