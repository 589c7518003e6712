using ChiSo.Accounts;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Reminders;

/// <summary>A person a digest goes to: their address (null: none) and the name the e-mail greets.</summary>
public sealed record Recipient(string UserId, string? Email, string? Name);

/// <summary>
/// Who is told what about a unit's report: its focal points (they write it), its heads, and the plan's coordinators —
/// account coordinators, who coordinate every plan, and coordinator memberships of the plan's province or of the
/// plan itself (the same people <c>PlanRights.CanEdit</c> lets change it). Accounts locked by an administrator get
/// nothing.
/// </summary>
internal sealed class ReminderRecipients
{
    private readonly ILookup<int, (string UserId, string Role)> _byUnit;
    private readonly IReadOnlyList<string> _accountCoordinators;
    private readonly IReadOnlyList<(string UserId, int UnitId, int? PlanId)> _coordinatorMemberships;

    private ReminderRecipients(ILookup<int, (string, string)> byUnit, IReadOnlyList<string> accountCoordinators,
        IReadOnlyList<(string, int, int?)> coordinatorMemberships, IReadOnlyDictionary<string, Recipient> people)
    {
        _byUnit = byUnit;
        _accountCoordinators = accountCoordinators;
        _coordinatorMemberships = coordinatorMemberships;
        People = people;
    }

    /// <summary>Every active person who may receive something, by user id.</summary>
    public IReadOnlyDictionary<string, Recipient> People { get; }

    public IEnumerable<string> FocalPoints(int unitId) => Active(_byUnit[unitId].Where(m => m.Role == UnitRoles.FocalPoint).Select(m => m.UserId));

    public IEnumerable<string> UnitHeads(int unitId) => Active(_byUnit[unitId].Where(m => m.Role == UnitRoles.UnitHead).Select(m => m.UserId));

    public IEnumerable<string> Coordinators(int planId, int provinceId) => Active(_accountCoordinators
        .Concat(_coordinatorMemberships.Where(m => m.PlanId == planId || (m.PlanId is null && m.UnitId == provinceId)).Select(m => m.UserId)));

    private IEnumerable<string> Active(IEnumerable<string> users) => users.Distinct(StringComparer.Ordinal).Where(People.ContainsKey);

    public static async Task<ReminderRecipients> LoadAsync(ChiSoDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        var units = unitIds.ToList();
        var members = units.Count == 0 ? [] : await db.UnitMemberships.AsNoTracking()
            .Where(m => units.Contains(m.UnitId) && (m.Role == UnitRoles.FocalPoint || m.Role == UnitRoles.UnitHead))
            .Select(m => new { m.UserId, m.UnitId, m.Role }).ToListAsync(cancellationToken);
        var accountCoordinators = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Coordinator select ur.UserId)
            .ToListAsync(cancellationToken);
        var coordinatorMemberships = await db.UnitMemberships.AsNoTracking().Where(m => m.Role == UnitRoles.Coordinator)
            .Select(m => new { m.UserId, m.UnitId, m.PlanId }).ToListAsync(cancellationToken);
        var ids = members.Select(m => m.UserId).Concat(accountCoordinators).Concat(coordinatorMemberships.Select(m => m.UserId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.UserName, u.LockoutEnd }).ToListAsync(cancellationToken);
        // An administrator's lock is "until the end of time"; a few minutes' lock after wrong passwords is not a reason to stop reminders.
        var people = users.Where(u => u.LockoutEnd is not { Year: > 2100 })
            .ToDictionary(u => u.Id, u => new Recipient(u.Id, string.IsNullOrWhiteSpace(u.Email) ? null : u.Email, u.DisplayName ?? u.UserName), StringComparer.Ordinal);
        return new ReminderRecipients(members.ToLookup(m => m.UnitId, m => (m.UserId, m.Role)), accountCoordinators,
            coordinatorMemberships.Select(m => (m.UserId, m.UnitId, m.PlanId)).ToList(), people);
    }
}
