using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChiSo.Reporting.Reminders;

/// <summary>What one run did: the Viet Nam day, the digests this instance wrote and the e-mails it sent.</summary>
public sealed record ReminderRunResult(DateOnly Day, int Written, int Sent);

/// <summary>
/// One run of the reminder job, which the web host's background service calls every few minutes and tests call
/// directly. From <see cref="ReminderOptions.SendHour"/> (Viet Nam time) on, it writes the day's digests — each
/// person's items (<see cref="ReminderPlanner"/>) in one digest a day, whichever instance gets there first
/// (<see cref="DigestWriter"/>) — and marks the day done; then it mails what waits (<see cref="DigestSender"/>).
/// Everything it knows is in the database: a restarted or second instance carries on where the first stopped.
/// </summary>
public sealed class ReminderRun(ChiSoDbContext db, ReminderPlanner planner, DigestWriter writer, DigestSender sender, IOptions<SmtpOptions> smtp,
    IOptions<ReminderOptions> options, ReminderInstance instance, ILogger<ReminderRun> logger)
{
    public async Task<ReminderRunResult> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // Stored instants are UTC (PostgreSQL accepts nothing else); callers may pass any offset.
        now = now.ToUniversalTime();
        var local = now.ToVietNam();
        var day = DateOnly.FromDateTime(local.DateTime);
        var written = local.Hour >= options.Value.SendHour ? await ComposeAsync(day, now, cancellationToken) : 0;
        var sent = await sender.SendPendingAsync(now, cancellationToken);
        return new ReminderRunResult(day, written, sent);
    }

    /// <summary>Writes the digests of <paramref name="day"/> that nobody wrote yet; nothing once the day is marked done.</summary>
    public async Task<int> ComposeAsync(DateOnly day, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        now = now.ToUniversalTime();
        if (await db.Set<ReminderDay>().AnyAsync(d => d.Day == day, cancellationToken))
        {
            return 0;
        }

        var people = await planner.PlanAsync(day, now, cancellationToken);
        var mail = smtp.Value.Enabled && options.Value.PublicUrl is not null;
        var (written, failed) = (0, 0);
        foreach (var person in people)
        {
            var outcome = await writer.WriteAsync(person, day, mail, now, cancellationToken);
            if (!outcome.Succeeded)
            {
                // Left for the next run: the day is not marked done while a digest is missing.
                logger.LogWarning("Reminder digest of {User} for {Day} not written: {Problems}", person.Recipient.UserId, day, string.Join("; ", outcome.Problems));
                failed++;
            }
            else if (outcome.Value)
            {
                written++;
            }
        }

        if (failed == 0)
        {
            await writer.MarkDayAsync(day, people.Count, instance.Id, now, cancellationToken);
        }

        return written;
    }
}
