using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>One role one of the user's units has in a task: lead of it by name, partner through "UBND các xã, phường"…</summary>
public sealed record UnitTaskRole(AssignmentRole Role, string UnitName, string AssignedAs);

/// <summary>A task the user's units have to do, once, with every role they have in it and the plan it belongs to.</summary>
public sealed record UnitTask(int PlanId, string PlanNumber, string PlanTitle, int TaskId, string Code, string Content, string? TimeframeText,
    IReadOnlyList<string> ReportingPeriods, IReadOnlyList<UnitTaskRole> Roles);

/// <summary>
/// The tasks of issued plans that fall to a user's units: assigned to the unit by name, or to a group it belongs to at
/// the plan's date ("UBND các xã, phường" for a commune, "Các Sở, ban, ngành" for a department, a hand-made group).
/// Only the user's own units are considered, so a focal point never sees another unit's obligations listed as theirs.
/// </summary>
public sealed class MyTasks(ChiSoDbContext db, UnitScope scope, UnitGroups groups)
{
    public async Task<IReadOnlyList<UnitTask>> ForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        await ForUnitsAsync(await scope.UnitIdsAsync(userId, cancellationToken), cancellationToken);

    /// <summary>The same for units already known (a page that also lists the units' obligations reads them once).</summary>
    public async Task<IReadOnlyList<UnitTask>> ForUnitsAsync(IReadOnlySet<int> unitIds, CancellationToken cancellationToken = default)
    {
        if (unitIds.Count == 0)
        {
            return [];
        }

        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(cancellationToken);
        var handMade = await db.UnitGroupMembers.AsNoTracking().Where(m => unitIds.Contains(m.UnitId)).Select(m => m.UnitGroupId).ToListAsync(cancellationToken);
        var candidates = await db.TaskAssignments.AsNoTracking()
            .Where(a => (a.UnitId != null && unitIds.Contains(a.UnitId.Value)) || a.BuiltInGroup != null || (a.UnitGroupId != null && handMade.Contains(a.UnitGroupId.Value)))
            .Join(db.PlanTasks.AsNoTracking(), a => a.TaskId, t => t.Id, (a, t) => new { Assignment = a, Task = t })
            .Join(db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Issued),
                x => x.Task.PlanId, p => p.Id, (x, p) => new { x.Assignment, x.Task, Plan = p })
            .ToListAsync(cancellationToken);

        // An amendment being edited is not the units' business until it is issued (ADR 0006): for a plan being
        // amended they keep the tasks of the version that was issued, read from its frozen snapshot.
        foreach (var issued in await IssuedVersionsOfAmendedPlansAsync(cancellationToken))
        {
            var plan = new Plan
            {
                Id = issued.Id, ProvinceId = issued.ProvinceId, Number = issued.Number, Symbol = issued.Symbol, Title = issued.Title, IssuedOn = issued.IssuedOn,
                FromYear = issued.FromYear, ToYear = issued.ToYear, IssuingBody = issued.IssuingBody, Place = issued.Place, CreatedBy = "",
            };
            candidates.AddRange(issued.Tasks.SelectMany(t => t.Assignees
                .Where(a => (a.UnitId is { } unit && unitIds.Contains(unit)) || a.BuiltInGroup is not null || (a.UnitGroupId is { } g && handMade.Contains(g)))
                .Select(a => new
                {
                    Assignment = new TaskAssignment { Role = a.Role, Text = a.Text, UnitId = a.UnitId, BuiltInGroup = a.BuiltInGroup, UnitGroupId = a.UnitGroupId },
                    Task = new PlanTask { Id = t.Id, PlanId = plan.Id, Code = t.Code, Content = t.Content, TimeframeText = t.TimeframeText, ReportingPeriods = string.Join(',', t.ReportingPeriods) },
                    Plan = plan,
                })));
        }

        // Each group is resolved once per plan (its date), however many tasks name it.
        var members = new Dictionary<(int Plan, AssigneeKey Group), IReadOnlySet<int>>();
        var found = new List<(UnitTask Task, UnitTaskRole Role)>();
        foreach (var c in candidates)
        {
            var date = c.Plan.IssuedOn ?? new DateOnly(c.Plan.FromYear, 1, 1);
            Unit? mine = null;
            if (c.Assignment.UnitId is { } direct && unitIds.Contains(direct))
            {
                mine = units.First(u => u.Id == direct);
            }
            else if (c.Assignment.BuiltInGroup is not null || c.Assignment.UnitGroupId is not null)
            {
                var key = (c.Plan.Id, AssigneeKey.Of(null, c.Assignment.BuiltInGroup, c.Assignment.UnitGroupId)!.Value);
                if (!members.TryGetValue(key, out var set))
                {
                    var resolved = c.Assignment.BuiltInGroup is { } builtIn
                        ? await groups.ResolveAsync(c.Plan.ProvinceId, builtIn, date, $"{c.Plan.IssuingBody} {c.Plan.Place}", cancellationToken)
                        : await groups.ResolveHandMadeAsync(c.Assignment.UnitGroupId!.Value, date, cancellationToken);
                    set = resolved.Select(u => u.Id).ToHashSet();
                    members[key] = set;
                }

                mine = units.FirstOrDefault(u => set.Contains(u.Id));
            }

            if (mine is not null)
            {
                found.Add((new UnitTask(c.Plan.Id, c.Plan.NumberAndSymbol, c.Plan.Title, c.Task.Id, c.Task.Code, c.Task.Content, c.Task.TimeframeText,
                    c.Task.ReportingPeriods.Split(',', StringSplitOptions.RemoveEmptyEntries), []), new UnitTaskRole(c.Assignment.Role, mine.Name, c.Assignment.Text)));
            }
        }

        // Each task once, whatever the number of roles the user's units have in it (lead here, partner through a group there).
        return found
            .GroupBy(f => f.Task.TaskId)
            .Select(g => g.First().Task with { Roles = g.Select(f => f.Role).Distinct().OrderBy(r => r.Role).ThenBy(r => r.UnitName, Text.VietnameseText.Comparer).ToList() })
            .OrderBy(t => t.PlanId).ThenBy(t => t.Code, NodeCodeComparer.Instance)
            .ToList();
    }

    private async Task<IReadOnlyList<PlanView>> IssuedVersionsOfAmendedPlansAsync(CancellationToken cancellationToken)
    {
        var amending = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Amending).Select(p => new { p.Id, p.Amendment }).ToListAsync(cancellationToken);
        var ids = amending.Select(p => p.Id).ToList();
        var versions = await db.PlanVersions.AsNoTracking().Where(v => ids.Contains(v.PlanId)).ToListAsync(cancellationToken);
        return versions.Where(v => amending.Any(p => p.Id == v.PlanId && p.Amendment - 1 == v.Amendment)).Select(v => PlanSnapshots.Deserialize(v.Snapshot)).ToList();
    }
}
