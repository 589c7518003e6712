using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChiSo.Accounts;

/// <summary>
/// Creates the accounts a new installation needs: the roles; the first admin from
/// <c>CHISO_BOOTSTRAP_ADMIN_PASSWORD</c> (only while no active admin exists); the demo logins in a demo database;
/// and the bootstrap API token (refused when weak, never revived once an admin revoked it). There is no built-in
/// default password outside demo mode.
/// </summary>
public sealed class AccountBootstrapper(
    ChiSoDbContext db,
    UserManager<ChiSoUser> users,
    RoleManager<IdentityRole> roles,
    ApiTokenService tokens,
    AuditLog audit,
    UnitOfWork work,
    TimeProvider clock,
    ILogger<AccountBootstrapper> logger)
{
    /// <param name="demoDatabase">The database is the demo's (decided once at its creation): ensure the demo logins.</param>
    public async Task RunAsync(ChiSoOptions options, bool demoDatabase = false, CancellationToken cancellationToken = default)
    {
        // Refused before anything is created: a weak never-expiring admin token is worse than none.
        if (!string.IsNullOrEmpty(options.BootstrapApiToken) && BootstrapTokenRule.Check(options.BootstrapApiToken) is { } weak)
        {
            throw new InvalidOperationException($"{weak.MessageVi} / {weak.MessageEn}");
        }

        foreach (var role in new[] { Roles.Admin, Roles.Coordinator, Roles.Leader, Roles.Member })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        if (demoDatabase)
        {
            foreach (var login in DemoLogins.All)
            {
                await EnsureUserAsync(login.UserName, login.RoleVi, DemoLogins.Password, login.Role, cancellationToken);
            }
        }

        var admins = await ActiveAdmins.ListAsync(db, clock.GetUtcNow(), cancellationToken);
        if (admins.Count == 0 && !string.IsNullOrEmpty(options.BootstrapAdminPassword))
        {
            await EnsureAdminAsync(options.BootstrapAdminUser, options.BootstrapAdminPassword, cancellationToken);
            admins = await ActiveAdmins.ListAsync(db, clock.GetUtcNow(), cancellationToken);
        }
        else if (admins.Count == 0)
        {
            logger.LogWarning("No active admin account exists. Set CHISO_BOOTSTRAP_ADMIN_PASSWORD and restart to create one.");
        }

        if (!string.IsNullOrEmpty(options.BootstrapApiToken))
        {
            var owner = (admins.Count > 0 ? admins[0] : null)
                ?? throw new InvalidOperationException(
                    "CHISO_BOOTSTRAP_API_TOKEN cần một tài khoản quản trị: đặt thêm CHISO_BOOTSTRAP_ADMIN_PASSWORD. / CHISO_BOOTSTRAP_API_TOKEN needs an admin account: also set CHISO_BOOTSTRAP_ADMIN_PASSWORD.");
            var ensured = await tokens.EnsureAsync(owner, "bootstrap", options.BootstrapApiToken, Actor.System, cancellationToken);
            if (!ensured.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", ensured.Problems));
            }

            if (ensured.Value == BootstrapTokenState.Revoked)
            {
                logger.LogWarning(
                    "The CHISO_BOOTSTRAP_API_TOKEN token was revoked by an admin and stays revoked: ChiSo never re-enables or recreates a revoked token. "
                    + "Set a new value (e.g. from `openssl rand -hex 24`) to get a working bootstrap token.");
            }
        }
    }

    /// <summary>
    /// No active admin: create the bootstrap admin, or — when that account exists but lost its rights (demoted or
    /// locked before ChiSo refused to let the last admin go) — give it the admin role back, unlock it and set the
    /// bootstrap password, so whoever controls the server's configuration can always get back in.
    /// </summary>
    private async Task EnsureAdminAsync(string userName, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userName) is null)
        {
            await EnsureUserAsync(userName, "Quản trị hệ thống", password, Roles.Admin, cancellationToken);
            logger.LogInformation("Created the first admin account from CHISO_BOOTSTRAP_ADMIN_PASSWORD");
            return;
        }

        var restored = await work.RunAsync<bool>(async _ =>
        {
            var user = (await users.FindByNameAsync(userName))!;
            var before = await users.GetRolesAsync(user);
            Check(await users.SetLockoutEndDateAsync(user, null), userName);
            Check(await users.ResetAccessFailedCountAsync(user), userName);
            if (await users.HasPasswordAsync(user))
            {
                Check(await users.RemovePasswordAsync(user), userName);
            }

            Check(await users.AddPasswordAsync(user, password), userName);
            if (!before.Contains(Roles.Admin, StringComparer.Ordinal))
            {
                Check(await users.AddToRoleAsync(user, Roles.Admin), userName);
            }

            Check(await users.UpdateSecurityStampAsync(user), userName);
            audit.Record(Actor.System, "user.bootstrap-admin", nameof(ChiSoUser), user.Id, new { roles = before },
                new { roles = before.Append(Roles.Admin).Distinct(StringComparer.Ordinal).ToList(), unlocked = true, passwordSet = true, sessionsEnded = true });
            return Outcome.Ok(true);
        }, cancellationToken);
        if (!restored.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", restored.Problems));
        }

        logger.LogWarning("No active admin existed: '{User}' got the admin role back, was unlocked and now has the password from CHISO_BOOTSTRAP_ADMIN_PASSWORD", userName);
    }

    private async Task EnsureUserAsync(string userName, string displayName, string password, string role, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        await work.RunAsync<bool>(async _ =>
        {
            var user = new ChiSoUser { UserName = userName, DisplayName = displayName, Email = $"{userName}@chiso.local", EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
            audit.Record(Actor.System, "user.create", nameof(ChiSoUser), user.Id, newValues: new { userName, role });
            return Outcome.Ok(true);
        }, cancellationToken);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
