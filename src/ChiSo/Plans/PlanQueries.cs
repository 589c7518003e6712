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
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(int? provinceId = null, CancellationToken cancellationToken = default)
    {
        var query = db.Plans.AsNoTracking();
        if (provinceId is { } id)
        {
            query = query.Where(p => p.ProvinceId == id);
        }

        var rows = await query
            .Select(p => new { Plan = p, Province = p.Province!.Name, Tasks = p.Tasks.Count })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Plan.FromYear).ThenByDescending(r => r.Plan.Id)
            .Select(r => new PlanSummary(r.Plan.Id, r.Plan.ProvinceId, r.Province, r.Plan.Number, r.Plan.Symbol, r.Plan.NumberAndSymbol, r.Plan.Title, r.Plan.FromYear, r.Plan.ToYear,
                r.Plan.Status, r.Plan.Amendment, r.Plan.IssuedOn, r.Tasks, r.Plan.UpdatedAt))
            .ToList();
    }

    public async Task<PlanView?> ViewAsync(int planId, bool withMembers = false, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Province)
            .Include(p => p.Groups)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments)
            .Include(p => p.Tasks).ThenInclude(t => t.Nodes)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
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

    /// <summary>Adds to each assignee the units it stands for at the plan's reference date (a group's members, or the unit itself).</summary>
    public async Task<PlanView> WithMembersAsync(PlanView view, CancellationToken cancellationToken = default)
    {
        var date = view.ReferenceDate;
        var cache = new Dictionary<string, IReadOnlyList<UnitRef>>(StringComparer.Ordinal);
        var unitIds = view.Tasks.SelectMany(t => t.Assignees).Where(a => a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var a in view.Tasks.SelectMany(t => t.Assignees).Where(a => a.BuiltInGroup is not null || a.UnitGroupId is not null))
        {
            var key = a.BuiltInGroup ?? $"group:{a.UnitGroupId}";
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
                        : a.BuiltInGroup is { } b ? cache[b]
                        : a.UnitGroupId is { } g ? cache[$"group:{g}"]
                        : [],
                }).ToList(),
            }).ToList(),
        };
    }
}
