using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reminders;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ChiSo.Tests.Reporting.Reminders;

/// <summary>One digest a person a day, listing everything; a returned report told once, with its comment; what the e-mail says.</summary>
public sealed class ReminderDigestTests
{
    private static DateOnly Day(int month, int day) => new(2026, month, day);

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_FocalPointOfTwoUnits_GetsOneDigestListingBoth_AndTheMailSaysWhatToDoWithLinks(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        int commune, communeObligation;
        await using (var db = world.Database.CreateContext())
        {
            var first = await (from o in db.Set<Obligation>()
                                                  join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                                                  join u in db.Units on o.UnitId equals u.Id
                                                  where o.PlanId == world.World.PlanId && p.Key == "2026-Q1" && u.Kind == UnitKind.Commune
                                                  orderby u.Code
                                                  select new { Unit = u.Id, Obligation = o.Id }).FirstAsync();
            (commune, communeObligation) = (first.Unit, first.Obligation);
            db.UnitMemberships.Add(new UnitMembership { UserId = ReminderWorld.Focal, UnitId = commune, Role = UnitRoles.FocalPoint, CreatedAt = world.Clock.GetUtcNow(), CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        await world.RunAsync(ReminderWorld.Morning(Day(4, 2)));
        await world.RunAsync(ReminderWorld.Morning(Day(4, 2)).AddHours(3));

        var digest = Assert.Single(await world.DigestsAsync(), d => d.UserId == ReminderWorld.Focal);
        Assert.Equal([world.World.Q1, communeObligation], digest.Notifications.Select(n => n.ObligationId).Order().ToList());
        Assert.All(digest.Notifications, n => Assert.Equal(NotificationKind.Overdue, n.Kind));
        var mail = Assert.Single(SmtpSink.Messages(world.Domain), m => m.To.Mailboxes.Single().Address == world.Email(ReminderWorld.Focal));
        Assert.Equal("ChiSo: nhắc việc ngày 02 tháng 04 năm 2026 — 2 việc cần làm", mail.Subject);
        Assert.Equal("chiso@snv.lamdong.test", mail.From.Mailboxes.Single().Address);
        Assert.Equal($"reminder-{digest.Id}-20260402@chiso.test", mail.MessageId);
        var text = mail.TextBody!;
        Assert.Contains("BÁO CÁO ĐÃ QUÁ HẠN — Hoàn thành và gửi báo cáo ngay.", text, StringComparison.Ordinal);
        Assert.Contains("Báo cáo Quý I/2026 của Sở Tư pháp về nhiệm vụ 1.1, Kế hoạch 12/KH-UBND: hạn ngày 01 tháng 04 năm 2026 — đã quá hạn 1 ngày.", text, StringComparison.Ordinal);
        Assert.Contains($"Mở báo cáo: https://chiso.test/my/reports/{world.World.Q1}", text, StringComparison.Ordinal);
        Assert.Contains($"Mở báo cáo: https://chiso.test/my/reports/{communeObligation}", text, StringComparison.Ordinal);
        Assert.Contains("https://chiso.test/my/notifications", text, StringComparison.Ordinal);
        Assert.Contains("https://chiso.test/my/tasks", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://chiso.test/my/reports/{world.World.Q1}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp", mail.HtmlBody, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_AfterAReturn_TellsTheFocalPointOnceWithTheComment(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        const string comment = "Đề nghị bổ sung số văn bản đã ban hành.";
        await using (var db = world.Database.CreateContext())
        {
            var reports = world.Database.Service<ReportService>(db);
            world.Clock.Now = ReminderWorld.Morning(Day(3, 20));
            var revision = (await reports.SaveAndSubmitAsync(world.World.FocalPoint, world.World.Q1, new ReportInput(null, null, "Đã phổ biến.", null, null, null), 0, new("u-focal"))).Value;
            world.Clock.Now = ReminderWorld.Morning(Day(3, 21)).AddHours(6);
            Assert.True((await reports.ReturnAsync(world.World.CoordinatorCaller, world.World.Q1, revision, comment, new("dieuphoi"))).Succeeded);
        }

        // The return came at 14:00 on the 21st, after that day's digests: it is told the next morning, once.
        await world.RunAsync(ReminderWorld.Morning(Day(3, 21)));
        Assert.Empty(await world.NotificationsAsync());
        await world.RunAsync(ReminderWorld.Morning(Day(3, 22)));
        await world.RunAsync(ReminderWorld.Morning(Day(3, 23)));
        var told = Assert.Single(await world.NotificationsAsync());
        Assert.Equal((ReminderWorld.Focal, NotificationKind.Returned, Day(3, 22), comment), (told.UserId, told.Kind, told.Day, told.Comment));
        Assert.NotNull(told.ReportEventId);
        var mail = Assert.Single(SmtpSink.Messages(world.Domain));
        Assert.Contains("BÁO CÁO BỊ TRẢ LẠI — Sửa báo cáo theo nhận xét và gửi lại.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Nhận xét: “{comment}”", mail.TextBody, StringComparison.Ordinal);

        // Still returned three days before the due date: reminded as due soon (the return was told already).
        await world.RunAsync(ReminderWorld.Morning(Day(3, 29)));
        Assert.Equal(NotificationKind.DueSoon, (await world.NotificationsAsync(Day(3, 29))).Single().Kind);
    }

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_MailOff_KeepsTheNotificationsInChiSo_SendsNothing(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        var result = await world.RunAsync(ReminderWorld.Morning(Day(4, 2)), mail: false);
        Assert.Equal((1, 0), (result.Written, result.Sent));
        var digest = Assert.Single(await world.DigestsAsync());
        Assert.Null(digest.Email);
        Assert.Single(digest.Notifications);
        // Mail turned on later the same day does not mail a digest written without it.
        Assert.Equal(0, (await world.RunAsync(ReminderWorld.Morning(Day(4, 2)).AddHours(1))).Sent);
        Assert.Empty(SmtpSink.Messages(world.Domain));
    }

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_BeforeTheSendHour_WritesNothing_ThenTheWholeDayOnce(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        // 06:30 in Viet Nam (23:30 UTC the day before): too early; the day is the Vietnamese one.
        var early = new DateTimeOffset(2026, 4, 1, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal((Day(4, 2), 0), ((await world.RunAsync(early)).Day, (await world.RunAsync(early)).Written));
        Assert.Empty(await world.DigestsAsync());
        var first = await world.RunAsync(ReminderWorld.Morning(Day(4, 2)));
        var second = await world.RunAsync(ReminderWorld.Morning(Day(4, 2)).AddHours(2));
        Assert.Equal((1, 1), (first.Written, first.Sent));
        Assert.Equal((0, 0), (second.Written, second.Sent));
        Assert.Single(SmtpSink.Messages(world.Domain));
        await using var db = world.Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "reminder.digest"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "reminder.sent"));
        Assert.Equal(1, await db.Set<ReminderDay>().CountAsync());
    }
}
