using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChiSo.Reporting.Reminders;

/// <summary>
/// Mails the digests that wait (today's and yesterday's; older ones stay in the in-app list only, stale news). Each
/// digest is claimed before it is sent by one conditional UPDATE — unsent and with no live lease — that sets this
/// instance's name and a lease: of two instances only one gets the row. The claim is committed on its own, before
/// the send, so a crash after it leaves a lease that simply expires and another instance (or this one, restarted)
/// sends the digest then: nothing is lost. Right after the server accepts the message the digest is marked sent,
/// with its audit row. What SMTP cannot close is the gap between the server's "250 accepted" and that commit: an
/// instance that dies exactly there sends the digest again once the lease expires. The gap is one round trip to the
/// database; the repeated message carries the same Message-Id, which many mail systems use to drop duplicates.
/// A refused or failed send is kept with its error and tried again later, up to <see cref="ReminderOptions.MaxAttempts"/>.
/// </summary>
public sealed class DigestSender(ChiSoDbContext db, UnitOfWork work, AuditLog audit, IMailTransport transport, IOptions<SmtpOptions> smtp,
    IOptions<ReminderOptions> options, ReminderInstance instance, ILogger<DigestSender> logger)
{
    /// <summary>The most digests one run sends; the next run takes the rest.</summary>
    public const int BatchSize = 500;

    public async Task<int> SendPendingAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        now = now.ToUniversalTime();
        var settings = options.Value;
        if (!smtp.Value.Enabled || settings.PublicUrl is null)
        {
            return 0;
        }

        var since = DateOnly.FromDateTime(now.ToVietNam().DateTime).AddDays(-1);
        var nowMs = now.ToUnixTimeMilliseconds();
        var max = settings.MaxAttempts;
        var waiting = await db.Set<ReminderDigest>().AsNoTracking()
            .Where(d => d.SentAt == null && d.Email != null && d.Day >= since && d.Attempts < max && (d.LeaseUntil == null || d.LeaseUntil < nowMs))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        IMailSession? session = null;
        try
        {
            foreach (var id in waiting)
            {
                if (!await ClaimAsync(id, nowMs, nowMs + (long)settings.Lease.TotalMilliseconds, cancellationToken))
                {
                    continue;
                }

                var digest = await db.Set<ReminderDigest>().AsNoTracking().Include(d => d.Notifications).SingleAsync(d => d.Id == id, cancellationToken);
                var name = await db.Users.Where(u => u.Id == digest.UserId).Select(u => u.DisplayName ?? u.UserName).SingleOrDefaultAsync(cancellationToken);
                var message = DigestMessage.Build(digest, name, smtp.Value.From!, settings.PublicUrl, now);
                try
                {
                    session ??= await transport.OpenAsync(cancellationToken);
                    await session.SendAsync(message, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Reminder digest {Digest} to {Email} was not sent (attempt {Attempt})", id, digest.Email, digest.Attempts);
                    await FailedAsync(id, e.Message, nowMs, digest.Attempts, cancellationToken);
                    if (session is not null)
                    {
                        await session.DisposeAsync();
                        session = null;
                    }

                    continue;
                }

                // The residual window (see the class comment) is from here to this commit; it is not cancelled (a
                // shutdown must not leave a sent digest unmarked), only the loop stops after it.
                await MarkSentAsync(id, now, cancellationToken);
                sent++;
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        return sent;
    }

    /// <summary>
    /// Takes the digest for this instance: one statement, committed on its own. On PostgreSQL a second instance's
    /// UPDATE of the same row waits for the first to commit, then re-reads the row, sees the live lease and changes
    /// nothing; SQLite serialises writers. Lease bookkeeping is not a change anyone made, so it has no audit row;
    /// the sending does (<see cref="MarkSentAsync"/>).
    /// </summary>
    private async Task<bool> ClaimAsync(int id, long nowMs, long until, CancellationToken cancellationToken) =>
        await db.Set<ReminderDigest>().Where(d => d.Id == id && d.SentAt == null && (d.LeaseUntil == null || d.LeaseUntil < nowMs))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, instance.Id).SetProperty(d => d.LeaseUntil, until).SetProperty(d => d.Attempts, d => d.Attempts + 1),
                cancellationToken) == 1;

    private async Task MarkSentAsync(int id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marked = await work.RunAsync(async ct =>
        {
            var digest = await db.Set<ReminderDigest>().SingleAsync(d => d.Id == id, ct);
            digest.SentAt = now;
            digest.LeaseUntil = null;
            digest.LastError = null;
            audit.Record(Actor.System, "reminder.sent", nameof(ReminderDigest), id.ToString(CultureInfo.InvariantCulture), null,
                new { digest.UserId, Day = digest.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = digest.Email, digest.Attempts, instance = instance.Id });
            return Outcome.Ok(true);
        }, CancellationToken.None);
        if (!marked.Succeeded)
        {
            logger.LogError("Reminder digest {Digest} was sent but could not be marked sent: {Problems}", id, string.Join("; ", marked.Problems));
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Keeps the error and lets the digest wait a little longer each time before the next try.</summary>
    private Task FailedAsync(int id, string error, long nowMs, int attempts, CancellationToken cancellationToken)
    {
        var retryAt = nowMs + (long)TimeSpan.FromMinutes(5 * attempts).TotalMilliseconds;
        var text = error.Length <= ReminderDigest.ErrorMaxLength ? error : error[..ReminderDigest.ErrorMaxLength];
        return db.Set<ReminderDigest>().Where(d => d.Id == id && d.ClaimedBy == instance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastError, text).SetProperty(d => d.LeaseUntil, retryAt), cancellationToken);
    }
}
