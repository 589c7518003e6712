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
public sealed class TaskOwners(ChiSoDbContext db, UnitGroups groups, UnitSuccession succession)
{
    public async Task<IReadOnlyList<TaskOwner>> AtAsync(int taskId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var task = await db.PlanTasks.AsNoTracking().Include(t => t.Assignments).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return [];
        }

        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == task.PlanId, cancellationToken);
        var scope = await RegistryScope.ForAsync(db, plan.ProvinceId, date, $"{plan.IssuingBody} {plan.Place}", cancellationToken);
        var owners = new List<TaskOwner>();
        foreach (var assignment in task.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Order))
        {
            owners.Add(await OwnerAsync(assignment, scope, cancellationToken));
        }

        return owners;
    }

    private async Task<TaskOwner> OwnerAsync(TaskAssignment assignment, RegistryScope scope, CancellationToken cancellationToken)
    {
        TaskOwner Owner(IReadOnlyList<Unit> units, Problem? gap = null) => new(assignment.Role, assignment.Text, assignment.Key, units, gap);
        if (assignment.UnitId is { } unitId)
        {
            return await succession.OwnerAtAsync(unitId, scope.Date, cancellationToken) is { } owner
                ? Owner([owner])
                : Owner([], NoSuccessor(assignment.Text, scope.Date));
        }

        if (assignment.BuiltInGroup is { } builtIn)
        {
            return UnitGroups.Refusal(builtIn, scope.Date, assignment.Text) is { } refusal
                ? Owner([], refusal)
                : Owner(await groups.ResolveAsync(scope, builtIn, cancellationToken));
        }

        if (assignment.UnitGroupId is { } groupId)
        {
            // A member that ended hands over to its successor, as a unit named directly does.
            var members = await db.UnitGroupMembers.AsNoTracking().Where(m => m.UnitGroupId == groupId).Select(m => m.UnitId).ToListAsync(cancellationToken);
            var units = new List<Unit>();
            foreach (var member in members)
            {
                if (await succession.OwnerAtAsync(member, scope.Date, cancellationToken) is { } owner && units.All(u => u.Id != owner.Id))
                {
                    units.Add(owner);
                }
            }

            return Owner(units.OrderBy(u => u.Code, StringComparer.Ordinal).ToList());
        }

        return Owner([]);
    }

    private static Problem NoSuccessor(string text, DateOnly date)
    {
        var day = date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new Problem(ProblemCodes.NotFound, $"'{text}' không còn vào ngày {day} và không có đơn vị kế thừa trong danh mục.",
            $"'{text}' no longer exists on {day} and the registry names no successor.");
    }
}
