using ChiSo.Data;
using ChiSo.Mail;
using ChiSo.Reporting.Reminders;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace ChiSo.Tests.Reporting.Reminders;

/// <summary>
/// Exactly once across instances and restarts: several instances running the job at the same moment against one
/// database, an instance that stops after claiming a digest, a mail server that is down.
/// </summary>
public sealed class ReminderDeliveryTests
{
    private static readonly DateTimeOffset EscalationDay = ReminderWorld.Morning(new DateOnly(2026, 4, 6));

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_ThreeInstancesAtOnceTwice_EachDigestWrittenAndMailedOnce(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        world.Clock.Now = EscalationDay;
        for (var round = 0; round < 2; round++)
        {
            var contexts = Enumerable.Range(0, 3).Select(_ => world.Database.CreateContext()).ToList();
            try
            {
                var runs = contexts.Select(db => world.Instance(db).GetRequiredService<ReminderRun>()).ToList();
                var results = await Task.WhenAll(runs.Select(r => Task.Run(() => r.RunOnceAsync(EscalationDay.AddMinutes(round)))));
                Assert.Equal(round == 0 ? 5 : 0, results.Sum(r => r.Written));
                Assert.Equal(round == 0 ? 5 : 0, results.Sum(r => r.Sent));
            }
            finally
            {
                foreach (var db in contexts)
                {
                    await db.DisposeAsync();
                }
            }
        }

        // The focal point, the head and three coordinators: one digest and one e-mail each, nothing twice.
        var digests = await world.DigestsAsync();
        Assert.Equal([ReminderWorld.AccountCoordinator, ReminderWorld.ProvinceCoordinator, ReminderWorld.Focal, ReminderWorld.Head, ReminderWorld.PlanCoordinator],
            digests.Select(d => d.UserId).Order(StringComparer.Ordinal).ToList());
        var mails = SmtpSink.Messages(world.Domain);
        Assert.Equal(digests.Select(d => world.Email(d.UserId)).Order(StringComparer.Ordinal), mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal(digests.Sum(d => d.Notifications.Count), (await world.NotificationsAsync()).Count);
        Assert.All(digests, d => Assert.Equal(1, d.Attempts));
        await using var check = world.Database.CreateContext();
        Assert.Equal(5, await check.AuditEntries.CountAsync(a => a.Action == "reminder.sent"));
        Assert.Equal(1, await check.Set<ReminderDay>().CountAsync());
    }

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_InstanceStopsAfterClaiming_AnotherSendsItOnceTheLeaseEnds_NothingLostNothingTwice(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        world.Clock.Now = EscalationDay;

        // Instance A writes the day's digests, claims the first one and stops (its process ends) while talking to the server.
        await using (var db = world.Database.CreateContext())
        {
            var stuck = new StuckTransport();
            var a = world.Instance(db, more: s => s.Replace(ServiceDescriptor.Singleton<IMailTransport>(stuck))).GetRequiredService<ReminderRun>();
            using var stop = new CancellationTokenSource();
            var run = a.RunOnceAsync(EscalationDay, stop.Token);
            await stuck.Reached.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        var claimed = Assert.Single(await world.DigestsAsync(), d => d.ClaimedBy is not null);
        Assert.Null(claimed.SentAt);
        Assert.Equal(5, (await world.DigestsAsync()).Count);

        // Instance B starts a minute later: it sends the others, not the one whose lease is still live.
        var b = await world.RunAsync(EscalationDay.AddMinutes(1));
        Assert.Equal((0, 4), (b.Written, b.Sent));
        Assert.DoesNotContain(SmtpSink.Messages(world.Domain), m => m.To.Mailboxes.Single().Address == world.Email(claimed.UserId));

        // After the lease (5 minutes) it is sent, once; later runs send nothing more.
        Assert.Equal(1, (await world.RunAsync(EscalationDay.AddMinutes(6))).Sent);
        Assert.Equal(0, (await world.RunAsync(EscalationDay.AddMinutes(30))).Sent);
        var mails = SmtpSink.Messages(world.Domain);
        Assert.Equal(5, mails.Count);
        Assert.Equal(5, mails.Select(m => m.To.Mailboxes.Single().Address).Distinct(StringComparer.Ordinal).Count());
        var resent = Assert.Single(await world.DigestsAsync(), d => d.Id == claimed.Id);
        Assert.Equal(2, resent.Attempts);
        Assert.NotNull(resent.SentAt);
    }

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SendPending_ServerDown_KeepsTheErrorAndTriesAgainLater(DatabaseProvider provider)
    {
        await using var world = await ReminderWorld.CreateAsync(provider);
        var day = ReminderWorld.Morning(new DateOnly(2026, 4, 2));
        world.Clock.Now = day;
        await using (var db = world.Database.CreateContext())
        {
            // Nothing listens on the port: the connection is refused.
            var down = world.Instance(db, more: s => s.Configure<SmtpOptions>(o => o.Port = FreePort())).GetRequiredService<ReminderRun>();
            Assert.Equal((1, 0), ((await down.RunOnceAsync(day)).Written, (await down.RunOnceAsync(day)).Sent));
        }

        var failed = Assert.Single(await world.DigestsAsync());
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Null(failed.SentAt);
        Assert.Equal(0, (await world.RunAsync(day.AddMinutes(2))).Sent);
        Assert.Equal(1, (await world.RunAsync(day.AddMinutes(6))).Sent);
        Assert.Single(SmtpSink.Messages(world.Domain));
        Assert.Null((await world.DigestsAsync()).Single().LastError);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A server that never answers: the send waits until the instance is stopped.</summary>
    private sealed class StuckTransport : IMailTransport, IMailSession
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(this);

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
