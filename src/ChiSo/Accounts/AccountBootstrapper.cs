using ChiSo.Auditing;
using ChiSo.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChiSo.Accounts;

/// <summary>
/// Creates the accounts a new installation needs: the roles; the first admin from
/// <c>CHISO_BOOTSTRAP_ADMIN_PASSWORD</c> (only while no admin exists); the demo logins in a demo database;
/// and the bootstrap API token. There is no built-in default password outside demo mode.
/// </summary>
public sealed class AccountBootstrapper(
    ChiSoDbContext db,
    UserManager<ChiSoUser> users,
    RoleManager<IdentityRole> roles,
    ApiTokenService tokens,
    AuditLog audit,
    ILogger<AccountBootstrapper> logger)
{
    /// <param name="demoDatabase">The database is the demo's (decided once at its creation): ensure the demo logins.</param>
    public async Task RunAsync(ChiSoOptions options, bool demoDatabase = false, CancellationToken cancellationToken = default)
    {
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

        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (admins.Count == 0 && !string.IsNullOrEmpty(options.BootstrapAdminPassword))
        {
            await EnsureUserAsync(options.BootstrapAdminUser, "Quản trị hệ thống", options.BootstrapAdminPassword, Roles.Admin, cancellationToken);
            logger.LogInformation("Created the first admin account from CHISO_BOOTSTRAP_ADMIN_PASSWORD");
            admins = await users.GetUsersInRoleAsync(Roles.Admin);
        }
        else if (admins.Count == 0)
        {
            logger.LogWarning("No admin account exists. Set CHISO_BOOTSTRAP_ADMIN_PASSWORD and restart to create one.");
        }

        if (!string.IsNullOrEmpty(options.BootstrapApiToken))
        {
            var owner = admins.OrderBy(a => a.UserName, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidOperationException(
                    "CHISO_BOOTSTRAP_API_TOKEN cần một tài khoản quản trị: đặt thêm CHISO_BOOTSTRAP_ADMIN_PASSWORD. / CHISO_BOOTSTRAP_API_TOKEN needs an admin account: also set CHISO_BOOTSTRAP_ADMIN_PASSWORD.");
            await tokens.EnsureAsync(owner, "bootstrap", options.BootstrapApiToken, Actor.System, cancellationToken);
        }
    }

    private async Task EnsureUserAsync(string userName, string displayName, string password, string role, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is not null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user = new ChiSoUser { UserName = userName, DisplayName = displayName, Email = $"{userName}@chiso.local", EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), userName);
        Check(await users.AddToRoleAsync(user, role), userName);
        audit.Record(Actor.System, "user.create", nameof(ChiSoUser), user.Id, newValues: new { userName, role });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
