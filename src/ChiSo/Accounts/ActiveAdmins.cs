using ChiSo.Common;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>
/// The administrators who can still act: in the admin role and not locked out. ChiSo never lets the last of them be
/// demoted or locked, because then nobody could manage accounts (and the bootstrap password only helps while no
/// admin exists at all, see <see cref="AccountBootstrapper"/>).
/// </summary>
internal static class ActiveAdmins
{
    public static bool IsActive(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is not { } end || end <= now;

    /// <summary>The active admins, by user name.</summary>
    public static async Task<IReadOnlyList<ChiSoUser>> ListAsync(ChiSoDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var admins = await (from link in db.UserRoles
                            join role in db.Roles on link.RoleId equals role.Id
                            join user in db.Users on link.UserId equals user.Id
                            where role.NormalizedName == AdminRoleName
                            select user).AsNoTracking().ToListAsync(cancellationToken);
        // Lockout compared here: SQLite cannot compare DateTimeOffset columns.
        return admins.Where(a => IsActive(a.LockoutEnd, now)).OrderBy(a => a.UserName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Whether taking <paramref name="userId"/>'s admin rights away would leave no active admin. It first writes the
    /// admin role's row, so two admins demoting or locking each other at the same moment are serialised by the database
    /// and the second sees the first's change instead of both passing the check.
    /// </summary>
    public static async Task<bool> WouldLeaveNoneAsync(ChiSoDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Roles.Where(r => r.NormalizedName == AdminRoleName)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
        var active = await ListAsync(db, now, cancellationToken);
        return active.Any(a => a.Id == userId) && active.All(a => a.Id == userId);
    }

    public static Problem LastAdminProblem(string field) => new(ProblemCodes.Invalid,
        "Đây là quản trị viên cuối cùng còn hoạt động: hãy cấp vai trò quản trị cho một tài khoản khác trước.",
        "This is the last active administrator: make another account an administrator first.") { Field = field };

    private static readonly string AdminRoleName = Roles.Admin.ToUpperInvariant();
}
