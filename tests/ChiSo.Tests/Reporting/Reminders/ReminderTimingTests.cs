using ChiSo.Data;
using ChiSo.Reporting.Reminders;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Reporting.Reminders;

/// <summary>
/// When reminders come and to whom, with the default days (3 before; 1 and 5 after, the last escalating) and with a
/// plan's own; mail through the real SMTP sink.
/// </summary>
public sealed class ReminderTimingTests
{
    private static DateOnly Day(int month, int day) => new(2026, month, day);

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_DefaultDays_TellsTheFocalPointOnTheReminderDaysOnly_WeekendsIncluded_EscalatesOnTheLast(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        var stp = (await world.NotificationsAsync()).Count;
        Assert.Equal(0, stp);

        // 29 March 2026, three days before, is a Sunday: reminders count calendar days and come on weekends too.
        Assert.Equal(DayOfWeek.Sunday, Day(3, 29).DayOfWeek);
        foreach (var day in new[] { Day(3, 28), Day(3, 29), Day(3, 30), Day(4, 1), Day(4, 2), Day(4, 3), Day(4, 6), Day(4, 7) })
        {
            await world.RunAsync(ReminderWorld.Morning(day));
        }

        var all = await world.NotificationsAsync();
        var focal = all.Where(n => n.UserId == ReminderWorld.Focal).ToList();
        Assert.Equal([(Day(3, 29), NotificationKind.DueSoon), (Day(4, 2), NotificationKind.Overdue), (Day(4, 6), NotificationKind.Overdue)],
            focal.Select(n => (n.Day, n.Kind)).ToList());
        Assert.All(focal, n => Assert.Equal(world.World.Q1, n.ObligationId));
        Assert.All(focal, n => Assert.Equal($"/my/reports/{world.World.Q1}", n.Link));
        Assert.Equal([(Day(4, 6), NotificationKind.Escalation)], all.Where(n => n.UserId == ReminderWorld.Head).Select(n => (n.Day, n.Kind)).ToList());
        Assert.DoesNotContain(all, n => n.UserId is ReminderWorld.Other or ReminderWorld.FarCoordinator or ReminderWorld.Locked);

        // One e-mail per digest, to the person's address; the days with nothing to say send nothing.
        var digests = await world.DigestsAsync();
        var mails = SmtpSink.Messages(world.Domain);
        Assert.Equal(digests.Count, mails.Count);
        Assert.All(digests, d => Assert.NotNull(d.SentAt));
        Assert.Equal(digests.Select(d => world.Email(d.UserId)).Order(StringComparer.Ordinal),
            mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal(3, mails.Count(m => m.To.Mailboxes.Single().Address == world.Email(ReminderWorld.Focal)));
    }

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_Escalation_GoesToTheUnitHeadAndThePlansCoordinators_NotToOthers(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        await world.RunAsync(ReminderWorld.Morning(Day(4, 6)));

        var escalated = (await world.NotificationsAsync()).Where(n => n.Kind == NotificationKind.Escalation).ToList();
        var quarterOne = await world.QuarterOneObligationsAsync();
        Assert.True(quarterOne.Count > 20, "every commune owes task 1.1 for quarter I");
        // The coordinators (of the province, of this plan, by account role) hear of every unit still missing; the head of Sở Tư pháp of his unit.
        foreach (var coordinator in new[] { ReminderWorld.ProvinceCoordinator, ReminderWorld.PlanCoordinator, ReminderWorld.AccountCoordinator })
        {
            Assert.Equal(quarterOne, escalated.Where(n => n.UserId == coordinator).Select(n => n.ObligationId).Order().ToList());
        }

        Assert.Equal([world.World.Q1], escalated.Where(n => n.UserId == ReminderWorld.Head).Select(n => n.ObligationId).ToList());
        Assert.DoesNotContain(escalated, n => n.UserId is ReminderWorld.FarCoordinator or ReminderWorld.Locked or ReminderWorld.Other or ReminderWorld.Focal);
        Assert.Equal(5, SmtpSink.Messages(world.Domain).Count);
    }

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_PlanWithItsOwnDays_UsesThem_AndASubmittedReportIsNotChased(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        await using (var db = world.Database.CreateContext())
        {
            var days = ReminderDays.Parse("7, 0", "2").Value!;
            var set = await world.Database.Service<ReminderSetup>(db).SetAsync(world.World.CoordinatorCaller.Rights, world.World.PlanId, days, new("dieuphoi"));
            Assert.True(set.Succeeded, string.Join("; ", set.Problems));
        }

        foreach (var day in new[] { Day(3, 25), Day(3, 29), Day(4, 1), Day(4, 2), Day(4, 3), Day(4, 6) })
        {
            await world.RunAsync(ReminderWorld.Morning(day));
        }

        var focal = (await world.NotificationsAsync()).Where(n => n.UserId == ReminderWorld.Focal).Select(n => (n.Day, n.Kind)).ToList();
        Assert.Equal([(Day(3, 25), NotificationKind.DueSoon), (Day(4, 1), NotificationKind.DueSoon), (Day(4, 3), NotificationKind.Overdue)], focal);
        Assert.Equal([Day(4, 3)], (await world.NotificationsAsync()).Where(n => n.UserId == ReminderWorld.Head).Select(n => n.Day).ToList());
        var text = ReminderText.Describe((await world.NotificationsAsync(Day(4, 1))).First(n => n.UserId == ReminderWorld.Focal));
        Assert.EndsWith("hạn là hôm nay.", text.Vi, StringComparison.Ordinal);

        // Submitted: no longer owed, so the 6 months' reminders are the next Sở Tư pháp hears of (its quarter I is done).
        await using (var db = world.Database.CreateContext())
        {
            world.Clock.Now = ReminderWorld.Morning(Day(4, 7));
            var reports = world.Database.Service<ReportService>(db);
            Assert.True((await reports.SaveAndSubmitAsync(world.World.FocalPoint, world.World.Q1, new ReportInput(null, null, "Đã triển khai.", null, null, null), 0, new("u-focal"))).Succeeded);
        }

        var before = (await world.NotificationsAsync()).Count;
        await world.RunAsync(ReminderWorld.Morning(Day(4, 8)));
        await world.RunAsync(ReminderWorld.Morning(Day(4, 9)));
        Assert.DoesNotContain((await world.NotificationsAsync()).Skip(before), n => n.ObligationId == world.World.Q1);
    }

    [Fact]
    public void Parse_TypedLists_AreCheckedAndSorted()
    {
        var ok = ReminderDays.Parse(" 7, 3,3 ", "5;1");
        Assert.True(ok.Succeeded);
        Assert.Equal([3, 7], ok.Value!.Before);
        Assert.Equal([1, 5], ok.Value.After);
        Assert.Equal(5, ok.Value.EscalationDay);
        Assert.Equal("1,5", ok.Value.AfterText);
        Assert.Empty(ReminderDays.Parse("", "").Value!.After);
        Assert.Null(ReminderDays.Parse("", "").Value!.EscalationDay);

        var bad = ReminderDays.Parse("ba", "0");
        Assert.Equal(["before", "after"], bad.Problems.Select(p => p.Field).ToList());
        Assert.Contains("“ba” không phải số ngày từ 0 đến 60", bad.Problems[0].MessageVi, StringComparison.Ordinal);
        Assert.Contains("from 1 to 60", bad.Problems[1].MessageEn, StringComparison.Ordinal);
        Assert.Equal("after", Assert.Single(ReminderDays.Parse("3", "1,2,3,4,5,6").Problems).Field);
        Assert.Equal(ReminderDays.Default, ReminderDays.Of(null) with { });
        Assert.Equal([3], ReminderDays.Of(null).Before);
        Assert.Equal([1, 5], ReminderDays.Of(new ChiSo.Reporting.Setup.PlanReportingSettings { PlanId = 1, UpdatedBy = "", UnitHeadApproval = true }).After);
    }
}
