using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Reminders;

/// <summary>
/// Writes one person's digest of one day with its items, in one audited unit of work. The unique (user, day) key
/// makes the first writer win: an instance that loses the race is retried by the unit of work, finds the digest and
/// writes nothing, so several instances composing at once still give each person one digest a day.
/// </summary>
public sealed class DigestWriter(ChiSoDbContext db, UnitOfWork work, AuditLog audit)
{
    /// <summary>True when this call wrote the digest; false when it existed already.</summary>
    public Task<Outcome<bool>> WriteAsync(RecipientItems recipient, DateOnly day, bool mail, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var user = recipient.Recipient.UserId;
            if (await db.Set<ReminderDigest>().AnyAsync(d => d.UserId == user && d.Day == day, ct))
            {
                return Outcome.Ok(false);
            }

            var digest = new ReminderDigest
            {
                UserId = user, Day = day, CreatedAt = now, Email = mail ? recipient.Recipient.Email : null,
                Notifications = recipient.Items.Select(i => new Notification
                {
                    UserId = user, Day = day, Kind = i.Kind, PlanId = i.PlanId, PlanNumber = i.PlanNumber, PeriodKey = i.PeriodKey, ObligationId = i.ObligationId,
                    UnitName = i.UnitName, TaskCode = i.TaskCode, DueDate = i.DueDate, ReportEventId = i.ReportEventId, Comment = i.Comment, Link = i.Link, CreatedAt = now,
                }).ToList(),
            };
            db.Set<ReminderDigest>().Add(digest);
            audit.Record(Actor.System, "reminder.digest", nameof(ReminderDigest), $"{user}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", null, new
            {
                items = digest.Notifications.Count,
                kinds = digest.Notifications.GroupBy(n => n.Kind).ToDictionary(g => g.Key.ToString(), g => g.Count()),
                mailed = digest.Email is not null,
            });
            return Outcome.Ok(true);
        }, cancellationToken);

    /// <summary>Marks the day done once every digest of it is written (the first instance to finish marks it; the others find it).</summary>
    public Task<Outcome<bool>> MarkDayAsync(DateOnly day, int digests, string instance, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            if (await db.Set<ReminderDay>().AnyAsync(d => d.Day == day, ct))
            {
                return Outcome.Ok(false);
            }

            db.Set<ReminderDay>().Add(new ReminderDay { Day = day, ComposedAt = now, Digests = digests, ComposedBy = instance });
            audit.Record(Actor.System, "reminders.day", nameof(ReminderDay), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, new { digests, instance });
            return Outcome.Ok(true);
        }, cancellationToken);
}
