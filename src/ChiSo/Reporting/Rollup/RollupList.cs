using System.Globalization;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// The obligations behind one number of a period's roll-up: the same rows, judged by the same <see cref="ObligationFacts"/>,
/// selected by a <see cref="RollupFilter"/>, so the list the coordinator opens from "12 chưa gửi" has twelve lines.
/// Read by the roll-up's readers only (coordinators of the plan and leaders, <see cref="RollupReads.RefusalAsync"/>).
/// A code in the filter that the period does not know (a unit without obligations, a task or heading the plan does
/// not have) is a problem naming its key, not an empty list that looks like good news.
/// </summary>
public sealed class RollupList(ChiSoDbContext db, TimeProvider clock)
{
    /// <summary>Lines per page: a province's list fits on one; a national one is paged.</summary>
    public const int PageSize = 500;

    public async Task<Outcome<ObligationList>> ReadAsync(PlanRights rights, int planId, string periodId, RollupFilter filter, int page = 1,
        CancellationToken cancellationToken = default)
    {
        if (await RollupReads.RefusalAsync(db, rights, planId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await RollupReads.PeriodAsync(db, planId, periodId, cancellationToken) is not { } period)
        {
            return RollupReads.NoPeriod(planId, periodId);
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.Tasks).Include(p => p.Groups).AsSplitQuery().SingleAsync(p => p.Id == planId, cancellationToken);
        var rows = await RollupReads.Rows(db, planId, period.Id).ToListAsync(cancellationToken);
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new ListedUnit(u.Id, u.Code, u.Name, u.Kind, u.Path)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var tasks = plan.Tasks.ToDictionary(t => t.Id);

        var problems = new List<Problem>();
        var unit = filter.Unit is { } unitCode ? units.Values.Where(u => string.Equals(u.Code, unitCode, StringComparison.Ordinal)).Select(u => u.Id).ToHashSet() : null;
        if (unit is { Count: 0 })
        {
            problems.Add(Problem.Invalid("unit", $"Đơn vị '{filter.Unit}' không có nghĩa vụ báo cáo trong kỳ này.", $"Unit '{filter.Unit}' owes no report in this period."));
        }

        var task = filter.Task is { } taskCode ? plan.Tasks.FirstOrDefault(t => string.Equals(t.Code, taskCode, StringComparison.Ordinal)) : null;
        if (filter.Task is not null && task is null)
        {
            problems.Add(Problem.Invalid("task", $"Kế hoạch không có nhiệm vụ '{filter.Task}'.", $"The plan has no task '{filter.Task}'."));
        }

        int? groupId = null;
        string? dimensionTitle = null;
        if (filter.Dimension is { } dimension && dimension != RollupFilter.NoDimension)
        {
            var group = plan.Groups.FirstOrDefault(g => string.Equals(g.Code, dimension, StringComparison.Ordinal));
            (groupId, dimensionTitle) = (group?.Id, group?.Title);
            if (group is null)
            {
                problems.Add(Problem.Invalid("dimension", $"Kế hoạch không có lĩnh vực '{dimension}'.", $"The plan has no dimension '{dimension}'."));
            }
        }

        var area = filter.Area is { } areaCode ? await AreaAsync(units.Values, areaCode, cancellationToken) : null;
        if (filter.Area is not null && area is null)
        {
            problems.Add(Problem.Invalid("area", $"Không có huyện '{filter.Area}' trên các đơn vị của kỳ này.", $"No district '{filter.Area}' above this period's units."));
        }

        if (problems.Count > 0)
        {
            return Outcome<ObligationList>.Fail(problems);
        }

        var areaSegment = area is { } a ? "/" + a.Id.ToString(CultureInfo.InvariantCulture) + "/" : null;
        var today = clock.VietNamToday();
        var matching = rows.Select(r => ObligationFacts.Of(r, today))
            .Where(f => filter.Matches(f)
                && (unit is null || unit.Contains(f.Row.UnitId))
                && (task is null || f.Row.TaskId == task.Id)
                && (filter.Dimension is null || tasks[f.Row.TaskId].GroupId == groupId)
                && (filter.Level is not { } level || RollupQueries.LevelOf(units[f.Row.UnitId].Kind) == level)
                && (areaSegment is null || units[f.Row.UnitId].Path.Contains(areaSegment, StringComparison.Ordinal)))
            .Select(f => (Facts: f, Task: tasks[f.Row.TaskId], Unit: units[f.Row.UnitId]))
            .OrderBy(x => x.Task.Order).ThenBy(x => x.Task.Code, NodeCodeComparer.Instance)
            .ThenBy(x => x.Unit.Name, VietnameseText.Comparer).ThenBy(x => x.Facts.Row.Role)
            .ToList();

        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var shown = Math.Clamp(page, 1, pages);
        var items = matching.Skip((shown - 1) * PageSize).Take(PageSize)
            .Select(x => new ListedObligation(x.Facts.Row.ObligationId, x.Task.Code, x.Task.Content, x.Unit.Code, x.Unit.Name, x.Facts.Row.Role,
                x.Facts.Row.DueDate, x.Facts.Standing, x.Facts.Row.ReportState, x.Facts.Accepted, x.Facts.Late, x.Facts.Done, x.Facts.Row.SubmittedAt))
            .ToList();
        return Outcome.Ok(new ObligationList(plan.Id, RollupQueries.PlanName(plan), plan.Title, period.Period, period.UnitDue, today, filter,
            unit is null ? null : units[unit.First()].Name, task?.Content, dimensionTitle, area?.Name, matching.Count, matching.Select(x => x.Unit.Id).Distinct().Count(),
            shown, pages, items));
    }

    // A district above the period's units, by its code (districts existed until 1 July 2025; a commune's path names its district).
    private async Task<(int Id, string Name)?> AreaAsync(IEnumerable<ListedUnit> units, string code, CancellationToken cancellationToken)
    {
        var ancestorIds = units.SelectMany(u => u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Distinct().ToList();
        var district = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id) && u.Kind == UnitKind.District && u.Code == code)
            .Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync(cancellationToken);
        return district is null ? null : (district.Id, district.Name);
    }

    private sealed record ListedUnit(int Id, string Code, string Name, UnitKind Kind, string Path);
}

/// <summary>
/// A page of the obligations a filter selects. <see cref="Total"/> is the number the list stands behind, <see cref="Units"/>
/// the units they are owed by (what a level's or a district's count of units stands for); the names are those of the
/// filter's unit, task, heading and district, for the list's title.
/// </summary>
public sealed record ObligationList(int PlanId, string PlanName, string PlanTitle, ReportingPeriod Period, DateOnly UnitDue, DateOnly AsOf, RollupFilter Filter,
    string? UnitName, string? TaskContent, string? DimensionTitle, string? AreaName, int Total, int Units, int Page, int Pages, IReadOnlyList<ListedObligation> Items);

/// <summary>One obligation of the list: the task, the unit and its role, the due date, and where its report stands.</summary>
public sealed record ListedObligation(int ObligationId, string TaskCode, string TaskContent, string UnitCode, string UnitName, AssignmentRole Role, DateOnly DueDate,
    Standing Standing, ReportState? ReportState, bool Accepted, bool Late, bool Done, DateTimeOffset? SubmittedAt);
