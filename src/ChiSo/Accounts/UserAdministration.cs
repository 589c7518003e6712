using System.Security.Cryptography;
using ChiSo.Auditing;
using ChiSo.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>A user as the admin page lists them.</summary>
public sealed record UserSummary(string Id, string UserName, string? DisplayName, IReadOnlyList<string> Roles, bool Locked);

/// <summary>The outcome of an admin action: a one-time password or invitation to hand over, or why it failed.</summary>
public sealed record UserActionResult(bool Succeeded, string? TemporaryPassword, IReadOnlyList<string> Errors, Invitation? Invitation = null)
{
    public static UserActionResult Fail(params string[] errors) => new(false, null, errors);
}

/// <summary>
/// What an admin does to accounts: create (with a generated one-time password, since ChiSo sends no e-mail),
/// reset a password, lock or unlock, change the role. Each action is one transaction with its audit row.
/// </summary>
public sealed class UserAdministration(ChiSoDbContext db, UserManager<ChiSoUser> users, AuditLog audit)
{
    public static IReadOnlyList<string> AssignableRoles { get; } = [Roles.Admin, Roles.Coordinator, Roles.Leader, Roles.Member];

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var links = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        return all.Select(u => new UserSummary(u.Id, u.UserName!, u.DisplayName,
            links.Where(l => l.UserId == u.Id).Select(l => roleNames[l.RoleId]).Order(StringComparer.Ordinal).ToList(),
            u.LockoutEnd is { } end && end > DateTimeOffset.MinValue.AddYears(1) && end.Year > 2100)).ToList();
    }

    public async Task<UserActionResult> CreateAsync(string userName, string? displayName, string role, Actor actor)
    {
        if (!AssignableRoles.Contains(role))
        {
            return UserActionResult.Fail($"Vai trò '{role}' không hợp lệ. / Unknown role '{role}'.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ChiSoUser { UserName = userName.Trim(), DisplayName = Text.VietnameseText.Normalize(displayName), EmailConfirmed = true };
        var password = TemporaryPassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return UserActionResult.Fail(created.Errors.Select(e => e.Description).ToArray());
        }

        await users.AddToRoleAsync(user, role);
        audit.Record(actor, "user.create", nameof(ChiSoUser), user.Id, newValues: new { user.UserName, user.DisplayName, role });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new UserActionResult(true, password, []);
    }

    /// <summary>
    /// Creates an account without any password and returns a one-time invitation (user id and password-reset token)
    /// with which the person chooses their own password. ChiSo sends no e-mail: the admin passes the link on by the
    /// province's own mail or messaging, so no password ever travels or is known to the admin.
    /// </summary>
    public async Task<UserActionResult> InviteAsync(string userName, string? displayName, string role, Actor actor)
    {
        if (!AssignableRoles.Contains(role))
        {
            return UserActionResult.Fail($"Vai trò '{role}' không hợp lệ. / Unknown role '{role}'.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new ChiSoUser { UserName = userName.Trim(), DisplayName = Text.VietnameseText.Normalize(displayName), EmailConfirmed = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return UserActionResult.Fail(created.Errors.Select(e => e.Description).ToArray());
        }

        await users.AddToRoleAsync(user, role);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        audit.Record(actor, "user.invite", nameof(ChiSoUser), user.Id, newValues: new { user.UserName, user.DisplayName, role });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new UserActionResult(true, null, [], new Invitation(user.Id, token));
    }

    /// <summary>The invited person sets their password; the token is single-use (it is bound to the security stamp).</summary>
    public async Task<UserActionResult> AcceptInvitationAsync(string userId, string token, string password, Actor actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.HasPasswordAsync(user))
        {
            return UserActionResult.Fail("Lời mời không hợp lệ hoặc đã được dùng. / The invitation is invalid or already used.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return UserActionResult.Fail(reset.Errors.Select(e => e.Code == "InvalidToken"
                ? "Lời mời không hợp lệ hoặc đã hết hạn. / The invitation is invalid or has expired."
                : e.Description).ToArray());
        }

        audit.Record(actor with { Name = user.UserName! }, "user.accept-invitation", nameof(ChiSoUser), user.Id);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new UserActionResult(true, null, []);
    }

    public async Task<UserActionResult> ResetPasswordAsync(string userId, Actor actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserActionResult.Fail("Không có tài khoản này. / No such account.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var password = TemporaryPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return UserActionResult.Fail(reset.Errors.Select(e => e.Description).ToArray());
        }

        audit.Record(actor, "user.reset-password", nameof(ChiSoUser), user.Id, newValues: new { user.UserName });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new UserActionResult(true, password, []);
    }

    public async Task<UserActionResult> SetLockedAsync(string userId, bool locked, Actor actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserActionResult.Fail("Không có tài khoản này. / No such account.");
        }

        if (locked && string.Equals(user.UserName, actor.Name, StringComparison.Ordinal))
        {
            return UserActionResult.Fail("Không thể tự khóa tài khoản của mình. / You cannot lock your own account.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        audit.Record(actor, locked ? "user.lock" : "user.unlock", nameof(ChiSoUser), user.Id, new { locked = !locked }, new { locked });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new UserActionResult(true, null, []);
    }

    public async Task<UserActionResult> SetRoleAsync(string userId, string role, Actor actor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !AssignableRoles.Contains(role))
        {
            return UserActionResult.Fail("Tài khoản hoặc vai trò không hợp lệ. / Unknown account or role.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, before);
        await users.AddToRoleAsync(user, role);
        audit.Record(actor, "user.set-role", nameof(ChiSoUser), user.Id, new { roles = before }, new { roles = new[] { role } });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new UserActionResult(true, null, []);
    }

    /// <summary>
    /// 17 characters from an alphabet without look-alikes (no 0/O, 1/l/I), so it can be read out over the phone;
    /// the fixed "Cs-" and the final digit make sure it always meets the password policy (upper, lower, digit).
    /// </summary>
    internal static string TemporaryPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Cs-" + new string(RandomNumberGenerator.GetItems<char>(alphabet, 13)) + RandomNumberGenerator.GetItems<char>("23456789", 1)[0];
    }
}

/// <summary>A one-time invitation: the account and the token that lets its owner choose a password.</summary>
public sealed record Invitation(string UserId, string Token);
