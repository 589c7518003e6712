using System.Security.Cryptography;
using ChiSo.Auditing;
using ChiSo.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>A user as the admin page lists them.</summary>
public sealed record UserSummary(string Id, string UserName, string? DisplayName, IReadOnlyList<string> Roles, bool Locked);

/// <summary>A new account: its id, and the one-time password or invitation to hand over (never stored in clear).</summary>
public sealed record NewAccount(string UserId, string? TemporaryPassword, Invitation? Invitation);

/// <summary>A one-time invitation: the account and the token that lets its owner choose a password.</summary>
public sealed record Invitation(string UserId, string Token);

/// <summary>
/// What an admin does to accounts: create (with a generated one-time password, since ChiSo sends no e-mail) or invite,
/// reset a password, lock or unlock, change the role; and what a user does to their own: change the password, sign out
/// everywhere. Each action is one unit of work with its audit row.
/// <para>Locking, a role change, a password reset and signing out change the account's security stamp, which every
/// cookie request checks (<c>ChiSo.Web.Auth.SessionValidation</c>): the sessions opened before end at their next
/// request. API tokens check their owner's lockout and roles on every call.</para>
/// </summary>
public sealed class UserAdministration(UnitOfWork work, UserManager<ChiSoUser> users, AuditLog audit, TimeProvider clock)
{
    public static IReadOnlyList<string> AssignableRoles { get; } = [Roles.Admin, Roles.Coordinator, Roles.Leader, Roles.Member];

    private PasswordOptions PasswordRules => users.Options.Password;

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = work.Db;
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var links = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        return all.Select(u => new UserSummary(u.Id, u.UserName!, u.DisplayName,
            links.Where(l => l.UserId == u.Id).Select(l => roleNames[l.RoleId]).Order(StringComparer.Ordinal).ToList(),
            IsLockedByAdmin(u.LockoutEnd))).ToList();
    }

    /// <summary>Creates an account with a one-time password the admin hands over.</summary>
    public Task<Outcome<NewAccount>> CreateAsync(string userName, string? displayName, string role, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var password = TemporaryPassword();
            var created = await NewUserAsync(userName, displayName, role, password);
            if (!created.Succeeded)
            {
                return created.Cast<NewAccount>();
            }

            var user = created.Value!;
            audit.Record(actor, "user.create", nameof(ChiSoUser), user.Id, newValues: new { user.UserName, user.DisplayName, role });
            return Outcome.Ok(new NewAccount(user.Id, password, null));
        }, cancellationToken);

    /// <summary>
    /// Creates an account without any password and returns a one-time invitation (user id and password-reset token)
    /// with which the person chooses their own password. ChiSo sends no e-mail: the admin passes the link on by the
    /// province's own mail or messaging, so no password ever travels or is known to the admin.
    /// </summary>
    public Task<Outcome<NewAccount>> InviteAsync(string userName, string? displayName, string role, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var created = await NewUserAsync(userName, displayName, role, password: null);
            if (!created.Succeeded)
            {
                return created.Cast<NewAccount>();
            }

            var user = created.Value!;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            audit.Record(actor, "user.invite", nameof(ChiSoUser), user.Id, newValues: new { user.UserName, user.DisplayName, role });
            return Outcome.Ok(new NewAccount(user.Id, null, new Invitation(user.Id, token)));
        }, cancellationToken);

    /// <summary>The invited person sets their password; the token is single-use (it is bound to the security stamp).</summary>
    public Task<Outcome<string>> AcceptInvitationAsync(string userId, string token, string password, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<string>(async ct =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null || await users.HasPasswordAsync(user))
            {
                return InvalidInvitation("Lời mời không hợp lệ hoặc đã được dùng.", "The invitation is invalid or already used.");
            }

            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                    ? InvalidInvitation("Lời mời không hợp lệ hoặc đã hết hạn.", "The invitation is invalid or has expired.")
                    : Outcome<string>.Fail(IdentityProblems.From(reset, PasswordRules));
            }

            audit.Record(actor with { Name = user.UserName! }, "user.accept-invitation", nameof(ChiSoUser), user.Id);
            return Outcome.Ok(user.Id);
        }, cancellationToken);

    /// <summary>Sets a new one-time password; the account's sessions end (Identity changes the security stamp on a reset).</summary>
    public Task<Outcome<string>> ResetPasswordAsync(string userId, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<string>(async ct =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NoSuchAccount();
            }

            var password = TemporaryPassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return Outcome<string>.Fail(IdentityProblems.From(reset, PasswordRules));
            }

            audit.Record(actor, "user.reset-password", nameof(ChiSoUser), user.Id, newValues: new { user.UserName, sessionsEnded = true });
            return Outcome.Ok(password);
        }, cancellationToken);

    /// <summary>A user changes their own password after giving the current one; their other sessions end.</summary>
    public Task<Outcome<bool>> ChangeOwnPasswordAsync(string userId, string current, string replacement, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<bool>(async ct =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NoSuchAccount();
            }

            var changed = await users.ChangePasswordAsync(user, current ?? "", replacement ?? "");
            if (!changed.Succeeded)
            {
                return Outcome<bool>.Fail(IdentityProblems.From(changed, PasswordRules));
            }

            audit.Record(actor, "user.change-password", nameof(ChiSoUser), user.Id, newValues: new { user.UserName, sessionsEnded = true });
            return Outcome.Ok(true);
        }, cancellationToken);

    /// <summary>Locks (for good, until unlocked) or unlocks an account. Locking ends its sessions; its API tokens stop working.</summary>
    public Task<Outcome<bool>> SetLockedAsync(string userId, bool locked, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<bool>(async ct =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NoSuchAccount();
            }

            if (locked && string.Equals(user.UserName, actor.Name, StringComparison.Ordinal))
            {
                return Problem.Invalid("locked", "Không thể tự khóa tài khoản của mình.", "You cannot lock your own account.");
            }

            if (locked && await ActiveAdmins.WouldLeaveNoneAsync(work.Db, user.Id, clock.GetUtcNow(), ct))
            {
                return ActiveAdmins.LastAdminProblem("locked");
            }

            var changed = await AllAsync(
                () => users.SetLockoutEnabledAsync(user, true),
                () => users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null),
                () => locked ? users.UpdateSecurityStampAsync(user) : users.ResetAccessFailedCountAsync(user));
            if (!changed.Succeeded)
            {
                return Outcome<bool>.Fail(IdentityProblems.From(changed, PasswordRules));
            }

            audit.Record(actor, locked ? "user.lock" : "user.unlock", nameof(ChiSoUser), user.Id, new { locked = !locked },
                locked ? new { locked, sessionsEnded = true } : new { locked, sessionsEnded = false });
            return Outcome.Ok(locked);
        }, cancellationToken);

    /// <summary>Gives the account exactly this role. Its sessions end, so a demoted admin's open pages stop working at once.</summary>
    public Task<Outcome<string>> SetRoleAsync(string userId, string role, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<string>(async ct =>
        {
            if (!AssignableRoles.Contains(role, StringComparer.Ordinal))
            {
                return UnknownRole(role);
            }

            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NoSuchAccount();
            }

            var before = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
            if (before.SequenceEqual([role], StringComparer.Ordinal))
            {
                return Outcome.Ok(role);
            }

            if (role != Roles.Admin && before.Contains(Roles.Admin, StringComparer.Ordinal)
                && await ActiveAdmins.WouldLeaveNoneAsync(work.Db, user.Id, clock.GetUtcNow(), ct))
            {
                return ActiveAdmins.LastAdminProblem("role");
            }

            var changed = await AllAsync(
                () => users.RemoveFromRolesAsync(user, before),
                () => users.AddToRoleAsync(user, role),
                () => users.UpdateSecurityStampAsync(user));
            if (!changed.Succeeded)
            {
                return Outcome<string>.Fail(IdentityProblems.From(changed, PasswordRules));
            }

            audit.Record(actor, "user.set-role", nameof(ChiSoUser), user.Id, new { roles = before }, new { roles = new[] { role }, sessionsEnded = true });
            return Outcome.Ok(role);
        }, cancellationToken);

    /// <summary>Signing out ends every session of the account, not only this browser's: a copied cookie stops working too.</summary>
    public Task<Outcome<bool>> SignOutEverywhereAsync(string userId, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync<bool>(async ct =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NoSuchAccount();
            }

            var changed = await users.UpdateSecurityStampAsync(user);
            if (!changed.Succeeded)
            {
                return Outcome<bool>.Fail(IdentityProblems.From(changed, PasswordRules));
            }

            audit.Record(actor, "user.sign-out", nameof(ChiSoUser), user.Id, newValues: new { user.UserName, sessionsEnded = true });
            return Outcome.Ok(true);
        }, cancellationToken);

    /// <summary>
    /// 17 characters from an alphabet without look-alikes (no 0/O, 1/l/I), so it can be read out over the phone;
    /// the fixed "Cs-" and the final digit make sure it always meets the password policy (upper, lower, digit).
    /// </summary>
    internal static string TemporaryPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Cs-" + new string(RandomNumberGenerator.GetItems<char>(alphabet, 13)) + RandomNumberGenerator.GetItems<char>("23456789", 1)[0];
    }

    /// <summary>An admin's lock lasts until unlocked (far-future end); a lockout after wrong passwords ends by itself.</summary>
    private static bool IsLockedByAdmin(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year > 2100;

    private async Task<Outcome<ChiSoUser>> NewUserAsync(string userName, string? displayName, string role, string? password)
    {
        if (!AssignableRoles.Contains(role, StringComparer.Ordinal))
        {
            return UnknownRole(role);
        }

        var name = (userName ?? "").Trim();
        if (name.Length == 0)
        {
            return Problem.Required("userName", "Nhập tên đăng nhập.", "Enter a user name.");
        }

        var user = new ChiSoUser { UserName = name, DisplayName = Text.VietnameseText.Normalize(displayName), EmailConfirmed = true };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role);
        }

        return created.Succeeded ? Outcome.Ok(user) : Outcome<ChiSoUser>.Fail(IdentityProblems.From(created, PasswordRules, name));
    }

    /// <summary>Runs Identity steps in order and stops at the first that fails.</summary>
    private static async Task<IdentityResult> AllAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return result;
            }
        }

        return IdentityResult.Success;
    }

    private static Problem NoSuchAccount() => Problem.NotFound("Không có tài khoản này.", "No such account.");

    private static Problem UnknownRole(string role) => Problem.Invalid("role", $"Vai trò '{role}' không hợp lệ.", $"Unknown role '{role}'.");

    private static Problem InvalidInvitation(string vi, string en) => Problem.Invalid("token", vi, en);
}
