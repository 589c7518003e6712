using System.Net;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.Reporting.Reminders;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Reminders;

/// <summary>/my/notifications on the demo: each person sees and marks only their own; the header counts the unread.</summary>
public sealed partial class NotificationPageTests(DemoInDecember fixture) : IClassFixture<DemoInDecember>
{
    private static int Unread(string html) => UnreadCount().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("id=\"unread-count\">(\\d+)<", RegexOptions.CultureInvariant)]
    private static partial Regex UnreadCount();

    [GeneratedRegex("id=\"notification-(\\d+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ItemId();

    [Fact]
    public async Task Demo_HasNotificationsPlayedSinceTheIssue_EachPersonTheirOwn()
    {
        var focal = await fixture.App.NotificationsOfAsync("daumoi");
        var head = await fixture.App.NotificationsOfAsync("thutruong");
        var coordinator = await fixture.App.NotificationsOfAsync("dieuphoi");
        Assert.Contains(focal, n => n.Kind == NotificationKind.Overdue);
        Assert.Contains(focal, n => n.Kind == NotificationKind.Returned && !string.IsNullOrEmpty(n.Comment));
        Assert.All(head, n => Assert.Equal(NotificationKind.Escalation, n.Kind));
        Assert.NotEmpty(head);
        Assert.All(coordinator, n => Assert.Equal(NotificationKind.Escalation, n.Kind));
        Assert.True(coordinator.Select(n => n.UnitName).Distinct().Count() > 10, "the coordinator hears of every unit that is late");
        Assert.Empty(await fixture.App.NotificationsOfAsync("lanhdao"));
    }

    [Fact]
    public async Task Notifications_Coordinator_SeesTheirOwnNewestFirst_WithWhatToDoAndTheLink_AndTheHeaderCount()
    {
        var own = await fixture.App.NotificationsOfAsync("dieuphoi");
        using var client = await SignIn.DemoAsync(fixture.App, "dieuphoi");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/my/notifications"));
        Assert.Equal(own.Count(n => n.ReadAt is null), Unread(html));
        Assert.Contains("Đôn đốc đơn vị gửi báo cáo.", html, StringComparison.Ordinal);
        var newest = own.MaxBy(n => (n.Day, n.Id))!;
        // Newest day first, at most a page of them (the coordinator has more: every late unit of three quarters).
        var days = own.ToDictionary(n => n.Id, n => n.Day);
        var shown = ItemId().Matches(html).Select(m => days[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        Assert.Equal(Math.Min(own.Count, NotificationInbox.PageSize), shown.Count);
        Assert.Equal(shown.OrderByDescending(d => d), shown);
        Assert.Equal(newest.Day, shown[0]);
        Assert.Contains($"href=\"/my/reports/{newest.ObligationId}\"", html, StringComparison.Ordinal);
        Assert.Contains(ReminderText.Describe(newest).Vi, html, StringComparison.Ordinal);
        Assert.Contains("id=\"notifications-link\"", await client.GetStringAsync("/plans"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/my/notifications/{newest.Id}")).StatusCode);
    }

    [Fact]
    public async Task MarkRead_OneThenAll_TheCountDrops_AndEachIsAudited()
    {
        var own = await fixture.App.NotificationsOfAsync("daumoi");
        using var client = await SignIn.DemoAsync(fixture.App, "daumoi");
        var page = await client.GetStringAsync("/my/notifications");
        var before = Unread(page);
        Assert.Equal(own.Count, before);
        var first = own.OrderBy(n => n.Id).First();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/my/notifications/{first.Id}?handler=Read",
            SignIn.Form(SignIn.Token(page, $"read-form-{first.Id}"), ("id", "1")))).StatusCode);
        page = await client.GetStringAsync("/my/notifications");
        Assert.Equal(before - 1, Unread(page));
        Assert.Contains($"id=\"notification-{first.Id}\" data-kind=\"{first.Kind}\" data-read=\"true\"", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/my/notifications?handler=ReadAll", SignIn.Form(SignIn.Token(page, "read-all-form")))).StatusCode);
        page = await client.GetStringAsync("/my/tasks");
        Assert.DoesNotContain("id=\"unread-count\"", page, StringComparison.Ordinal);
        Assert.All(await fixture.App.NotificationsOfAsync("daumoi"), n => Assert.NotNull(n.ReadAt));
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "notification.read" && a.Actor == "daumoi"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "notification.read-all" && a.Actor == "daumoi"));
    }

    [Fact]
    public async Task AnotherPersonsNotification_IsNotFound_ToReadAndToMark()
    {
        var theirs = (await fixture.App.NotificationsOfAsync("dieuphoi")).OrderBy(n => n.Id).Last();
        using var head = await SignIn.DemoAsync(fixture.App, "thutruong");
        var page = await head.GetStringAsync("/my/notifications");
        Assert.DoesNotContain($"id=\"notification-{theirs.Id}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/my/notifications/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostAsync($"/my/notifications/{theirs.Id}?handler=Read", SignIn.Form(SignIn.Token(page)))).StatusCode);
        Assert.Null((await fixture.App.NotificationsOfAsync("dieuphoi")).Single(n => n.Id == theirs.Id).ReadAt);
    }

    [Fact]
    public async Task Email_OwnAddress_IsSavedAndAudited_ABadOneIsNamed()
    {
        using var client = await SignIn.DemoAsync(fixture.App, "lanhdao");
        var page = await client.GetStringAsync("/my/notifications");
        Assert.Contains("id=\"mail-off\"", page, StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await (await client.PostAsync("/my/notifications?handler=Email",
            SignIn.Form(SignIn.Token(page, "email-form"), ("Email", "lanh dao@")))).Content.ReadAsStringAsync());
        Assert.Contains("Địa chỉ nhận thư", refused, StringComparison.Ordinal);
        Assert.Contains("không phải địa chỉ thư điện tử", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/my/notifications?handler=Email",
            SignIn.Form(SignIn.Token(page, "email-form"), ("Email", " lanhdao@lamdong.gov.vn ")))).StatusCode);
        Assert.Contains("value=\"lanhdao@lamdong.gov.vn\"", await client.GetStringAsync("/my/notifications"), StringComparison.Ordinal);
        using var scope = fixture.App.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().AuditEntries.CountAsync(a => a.Action == "account.email" && a.Actor == "lanhdao"));
    }
}
