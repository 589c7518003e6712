using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ChiSo.Reporting.Reminders;

/// <summary>
/// A person's own notifications: the list (newest first), the unread count of the header, marking read — always
/// filtered by the owner, so someone else's notification is "not found" — and the address their digests are mailed
/// to. Each change is one audited unit of work.
/// </summary>
public sealed class NotificationInbox(ChiSoDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    /// <summary>How many notifications the page lists; older ones stay in the database.</summary>
    public const int PageSize = 200;

    public async Task<IReadOnlyList<Notification>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Day).ThenBy(n => n.Kind).ThenByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);

    public async Task<Notification?> FindAsync(string userId, int id, CancellationToken cancellationToken = default) =>
        await db.Set<Notification>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks one of the owner's notifications read; another person's answers "not found".</summary>
    public Task<Outcome<bool>> MarkReadAsync(string userId, int id, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var notification = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
            if (notification is null)
            {
                return Problem.NotFound("Không có thông báo này.", "No such notification.");
            }

            if (notification.ReadAt is not null)
            {
                return Outcome.Ok(false);
            }

            notification.ReadAt = clock.GetUtcNow();
            audit.Record(actor, "notification.read", nameof(Notification), id.ToString(CultureInfo.InvariantCulture));
            return Outcome.Ok(true);
        }, cancellationToken);

    /// <summary>Marks every unread notification of the owner read; returns how many.</summary>
    public Task<Outcome<int>> MarkAllReadAsync(string userId, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var count = await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
            if (count > 0)
            {
                audit.Record(actor, "notification.read-all", nameof(Notification), userId, null, new { count });
            }

            return Outcome.Ok(count);
        }, cancellationToken);

    public async Task<string?> EmailAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The address the owner's digests go to; empty removes it (notifications stay in ChiSo only).</summary>
    public Task<Outcome<string?>> SetEmailAsync(string userId, string? email, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<string?>(async ct =>
        {
            var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim().Normalize();
            if (address is not null && (address.Length > 256 || !MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address
                || address.IndexOf('@', StringComparison.Ordinal) is <= 0 || address.EndsWith('@')))
            {
                return Problem.Invalid("email", $"“{address}” không phải địa chỉ thư điện tử (ví dụ: ten@lamdong.gov.vn).",
                    $"“{address}” is not an e-mail address (e.g. name@lamdong.gov.vn).");
            }

            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return Problem.NotFound();
            }

            if (string.Equals(user.Email, address, StringComparison.Ordinal))
            {
                return Outcome.Ok(address);
            }

            audit.Record(actor, "account.email", "User", userId, new { user.Email }, new { Email = address });
            user.Email = address;
            user.NormalizedEmail = address?.ToUpperInvariant();
            return Outcome.Ok(address);
        }, cancellationToken);
}
