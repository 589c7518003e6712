using System.Globalization;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>
/// Who owes one assignment of a task at a date: the units (none for loose text), and why there are none when the
/// assignee no longer exists then (<paramref name="Gap"/>).
/// </summary>
public sealed record TaskOwner(AssignmentRole Role, string Text, AssigneeKey? Key, IReadOnlyList<Unit> Units, Problem? Gap);

/// <summary>
/// Answers "who owes this task at date D", the question reporting obligations are built on. A task keeps pointing at
/// what the plan named (an old plan's "Sở Kế hoạch và Đầu tư"); at a later date its owner is whoever took that unit
/// over (Sở Tài chính from 1 March 2025, see <see cref="UnitSuccession"/>). Groups resolve at D: "Các Sở, ban, ngành" of
/// 2026 are the departments of 2026; "UBND cấp huyện" has no members after 30 June 2025 and says so.
/// </summary>
public sealed class TaskOwners(ChiSoDbContext db, UnitSuccession succession)
{
    public async Task<IReadOnlyList<TaskOwner>> AtAsync(int taskId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Assignments).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return [];
        }

        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == task.PlanId, cancellationToken);
        return await (await ResolverAsync(plan, date, cancellationToken)).OwnersAsync(task, cancellationToken);
    }

    /// <summary>
    /// Who owes each task of <paramref name="plan"/> (its tasks and assignments loaded) at <paramref name="date"/>: the
    /// registry of that date is read once for the whole plan, and each named unit's successor and each hand-made group
    /// once, however many tasks name them — what writing a plan's obligations for a period needs.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<TaskOwner>>> ForPlanAsync(Plan plan, DateOnly date, CancellationToken cancellationToken = default)
    {
        var resolver = await ResolverAsync(plan, date, cancellationToken);
        var owners = new Dictionary<int, IReadOnlyList<TaskOwner>>();
        foreach (var task in plan.Tasks)
        {
            owners[task.Id] = await resolver.OwnersAsync(task, cancellationToken);
        }

        return owners;
    }

    private async Task<Resolver> ResolverAsync(Plan plan, DateOnly date, CancellationToken cancellationToken) =>
        new(db, succession, await RegistryScope.ForAsync(db, plan.ProvinceId, date, $"{plan.IssuingBody} {plan.Place}", cancellationToken));

    /// <summary>Answers for one plan at one date, remembering what it read.</summary>
    private sealed class Resolver(ChiSoDbContext db, UnitSuccession succession, RegistryScope scope)
    {
        private readonly Dictionary<int, Unit?> _owners = [];
        private readonly Dictionary<int, IReadOnlyList<Unit>> _handMade = [];
        private IReadOnlyList<Unit>? _scopeUnits;

        public async Task<IReadOnlyList<TaskOwner>> OwnersAsync(PlanTask task, CancellationToken cancellationToken)
        {
            var owners = new List<TaskOwner>();
            foreach (var assignment in task.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Order))
            {
                owners.Add(await OwnerAsync(assignment, cancellationToken));
            }

            return owners;
        }

        private async Task<TaskOwner> OwnerAsync(TaskAssignment assignment, CancellationToken cancellationToken)
        {
            TaskOwner Owner(IReadOnlyList<Unit> units, Problem? gap = null) => new(assignment.Role, assignment.Text, assignment.Key, units, gap);
            if (assignment.UnitId is { } unitId)
            {
                return await OwnerAtAsync(unitId, cancellationToken) is { } owner
                    ? Owner([owner])
                    : Owner([], NoSuccessor(assignment.Text, scope.Date));
            }

            if (assignment.BuiltInGroup is { } builtIn)
            {
                return UnitGroups.Refusal(builtIn, scope.Date, assignment.Text) is { } refusal
                    ? Owner([], refusal)
                    : Owner(UnitGroups.Members(_scopeUnits ??= await scope.UnitsAsync(db, cancellationToken), builtIn, scope.Date));
            }

            if (assignment.UnitGroupId is { } groupId)
            {
                if (!_handMade.TryGetValue(groupId, out var units))
                {
                    // A member that ended hands over to its successor, as a unit named directly does.
                    var members = await db.UnitGroupMembers.AsNoTracking().Where(m => m.UnitGroupId == groupId).Select(m => m.UnitId).ToListAsync(cancellationToken);
                    var found = new List<Unit>();
                    foreach (var member in members)
                    {
                        if (await OwnerAtAsync(member, cancellationToken) is { } owner && found.All(u => u.Id != owner.Id))
                        {
                            found.Add(owner);
                        }
                    }

                    _handMade[groupId] = units = found.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
                }

                return Owner(units);
            }

            return Owner([]);
        }

        private async Task<Unit?> OwnerAtAsync(int unitId, CancellationToken cancellationToken)
        {
            if (!_owners.TryGetValue(unitId, out var owner))
            {
                _owners[unitId] = owner = await succession.OwnerAtAsync(unitId, scope.Date, cancellationToken);
            }

            return owner;
        }
    }

    private static Problem NoSuccessor(string text, DateOnly date)
    {
        var day = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new Problem(ProblemCodes.NotFound, $"'{text}' không còn vào ngày {day} và không có đơn vị kế thừa trong danh mục.",
            $"'{text}' no longer exists on {day} and the registry names no successor.");
    }
}
