using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>A plan as listed.</summary>
public sealed record PlanSummary(int Id, int ProvinceId, string ProvinceName, string? Number, string Symbol, string NumberAndSymbol, string Title, int FromYear, int ToYear,
    PlanStatus Status, int Amendment, DateOnly? IssuedOn, int TaskCount, DateTimeOffset UpdatedAt);

/// <summary>An earlier, frozen version of a plan.</summary>
public sealed record PlanVersionSummary(int Amendment, DateTimeOffset CreatedAt, string CreatedBy, string? Reason);

/// <summary>Reads plans for pages, the API and documents.</summary>
public sealed class PlanQueries(ChiSoDbContext db, UnitGroups unitGroups)
{
    /// <summary>
    /// The plans <paramref name="rights"/> may read, newest first. A plan being amended is listed as it was issued to
    /// those who may not change it: its number, title and tasks as signed, not the edits in progress.
    /// </summary>
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(PlanRights rights, int? provinceId = null, CancellationToken cancellationToken = default)
    {
        var query = rights.Readable(db.Plans.AsNoTracking());
        if (provinceId is { } id)
        {
            query = query.Where(p => p.ProvinceId == id);
        }

        var rows = await query
            .Select(p => new { Plan = p, Province = p.Province!.Name, Tasks = p.Tasks.Count })
            .ToListAsync(cancellationToken);
        var issuedOnly = rows.Where(r => r.Plan.Status == PlanStatus.Amending && !rights.SeesWorkingCopy(r.Plan.ProvinceId, r.Plan.Id))
            .Select(r => r.Plan.Id).ToList();
        var issued = issuedOnly.Count == 0 ? [] : await IssuedVersionsAsync(issuedOnly, cancellationToken);
        return rows
            .Select(r => issued.TryGetValue(r.Plan.Id, out var v)
                ? new PlanSummary(v.View.Id, v.View.ProvinceId, r.Province, v.View.Number, v.View.Symbol, v.View.NumberAndSymbol, v.View.Title, v.View.FromYear,
                    v.View.ToYear, v.View.Status, v.View.Amendment, v.View.IssuedOn, v.View.Tasks.Count, v.CreatedAt)
                : new PlanSummary(r.Plan.Id, r.Plan.ProvinceId, r.Province, r.Plan.Number, r.Plan.Symbol, r.Plan.NumberAndSymbol, r.Plan.Title, r.Plan.FromYear,
                    r.Plan.ToYear, r.Plan.Status, r.Plan.Amendment, r.Plan.IssuedOn, r.Tasks, r.Plan.UpdatedAt))
            .OrderByDescending(s => s.FromYear).ThenByDescending(s => s.Id)
            .ToList();
    }

    /// <summary>
    /// The plan (or with <paramref name="amendment"/> one of its earlier issued versions) as <paramref name="rights"/>
    /// may see it: not found when it does not exist or the user may not read it; an amendment in progress is shown
    /// as the version that was issued to those who may not change the plan.
    /// </summary>
    public async Task<Outcome<PlanView>> ReadAsync(PlanRights rights, int planId, int? amendment = null, bool withMembers = false,
        CancellationToken cancellationToken = default)
    {
        var head = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.ProvinceId, p.Status, p.Amendment }).FirstOrDefaultAsync(cancellationToken);
        if (head is null || !rights.CanRead(head.ProvinceId, planId, head.Status))
        {
            return PlanChanges.NotFound();
        }

        if (amendment is null && head.Status == PlanStatus.Amending && !rights.SeesWorkingCopy(head.ProvinceId, planId))
        {
            amendment = head.Amendment - 1;
        }

        var view = amendment is { } n ? await VersionAsync(planId, n, cancellationToken) : await ViewAsync(planId, cancellationToken: cancellationToken);
        if (view is null)
        {
            return PlanChanges.NotFound();
        }

        return Outcome.Ok(withMembers ? await WithMembersAsync(view, cancellationToken) : view);
    }

    /// <summary>
    /// The working copy of a plan, whoever asks: for services, and for editors' pages after <see cref="PlanAccess"/>
    /// let them in. Everything shown to readers goes through <see cref="ReadAsync"/>.
    /// </summary>
    public async Task<PlanView?> ViewAsync(int planId, bool withMembers = false, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Whole().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var view = PlanViews.From(plan, plan.Province?.Name ?? "");
        return withMembers ? await WithMembersAsync(view, cancellationToken) : view;
    }

    public async Task<IReadOnlyList<PlanVersionSummary>> VersionsAsync(int planId, CancellationToken cancellationToken = default) =>
        (await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).ToListAsync(cancellationToken))
            .OrderBy(v => v.Amendment)
            .Select(v => new PlanVersionSummary(v.Amendment, v.CreatedAt, v.CreatedBy, v.Reason))
            .ToList();

    /// <summary>The plan exactly as it stood before amendment <paramref name="amendment"/>+1 was opened.</summary>
    public async Task<PlanView?> VersionAsync(int planId, int amendment, CancellationToken cancellationToken = default)
    {
        var version = await db.PlanVersions.AsNoTracking().FirstOrDefaultAsync(v => v.PlanId == planId && v.Amendment == amendment, cancellationToken);
        return version is null ? null : PlanSnapshots.Deserialize(version.Snapshot);
    }

    /// <summary>The issued version of each plan being amended (the one frozen when the amendment was opened).</summary>
    private async Task<Dictionary<int, (PlanView View, DateTimeOffset CreatedAt)>> IssuedVersionsAsync(List<int> planIds, CancellationToken cancellationToken)
    {
        var amendments = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).Select(p => new { p.Id, p.Amendment }).ToListAsync(cancellationToken);
        var versions = await db.PlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId)).ToListAsync(cancellationToken);
        return versions
            .Where(v => amendments.Any(a => a.Id == v.PlanId && a.Amendment - 1 == v.Amendment))
            .ToDictionary(v => v.PlanId, v => (PlanSnapshots.Deserialize(v.Snapshot), v.CreatedAt));
    }

    /// <summary>Adds to each assignee the units it stands for at the plan's reference date (a group's members, or the unit itself).</summary>
    public async Task<PlanView> WithMembersAsync(PlanView view, CancellationToken cancellationToken = default)
    {
        var date = view.ReferenceDate;
        var cache = new Dictionary<AssigneeKey, IReadOnlyList<UnitRef>>();
        var unitIds = view.Tasks.SelectMany(t => t.Assignees).Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var a in view.Tasks.SelectMany(t => t.Assignees).Where(a => a.BuiltInGroup is not null || a.UnitGroupId is not null))
        {
            var key = AssigneeKey.Of(null, a.BuiltInGroup, a.UnitGroupId)!.Value;
            if (!cache.ContainsKey(key))
            {
                var members = a.BuiltInGroup is { } builtIn
                    ? await unitGroups.ResolveAsync(view.ProvinceId, builtIn, date, $"{view.IssuingBody} {view.Place}", cancellationToken)
                    : await unitGroups.ResolveHandMadeAsync(a.UnitGroupId!.Value, date, cancellationToken);
                cache[key] = members.Select(u => new UnitRef(u.Id, u.Code, u.Name)).ToList();
            }
        }

        return view with
        {
            Tasks = view.Tasks.Select(t => t with
            {
                Assignees = t.Assignees.Select(a => a with
                {
                    Members = a.UnitId is { } id && units.TryGetValue(id, out var u) ? [new UnitRef(u.Id, u.Code, u.Name)]
                        : AssigneeKey.Of(null, a.BuiltInGroup, a.UnitGroupId) is { } group ? cache[group]
                        : [],
                }).ToList(),
            }).ToList(),
        };
    }
}
