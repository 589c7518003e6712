using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Reporting.Rollup;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/{id}/dashboard/{period}/list?standing=missing&amp;unit=SNV…: the list behind one number of the dashboard — the
/// obligations it counts (task, unit, role, due date, where the report stands, late or not), each linked to its report
/// page, which decides for itself what the reader may do there; or, for the Government Office's counts
/// (?tasks=notDoneOverdue), the tasks. Same readers as the dashboard; a filter value the list does not know is named
/// in both languages, with nothing listed.
/// </summary>
public sealed class DashboardListModel(RollupList lists, RollupQueries rollups, PlanAccess access) : PlanPage(access)
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["tasks"] = ("Nhóm nhiệm vụ", "Tasks"), ["standing"] = ("Tình trạng báo cáo", "Report standing"), ["late"] = ("Trễ hạn", "Late"),
        ["accepted"] = ("Đã tiếp nhận", "Accepted"), ["done"] = ("Đã hoàn thành", "Done"), ["role"] = ("Vai trò", "Role"), ["task"] = ("Nhiệm vụ", "Task"),
        ["dimension"] = ("Lĩnh vực", "Dimension"), ["unit"] = ("Đơn vị", "Unit"), ["level"] = ("Cấp", "Level"), ["area"] = ("Địa bàn (huyện)", "Area (district)"),
    };

    [FromRoute] public string Period { get; set; } = "";

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>The obligations, when the filter selects obligations.</summary>
    public ObligationList? List { get; private set; }

    /// <summary>The tasks and their roll-up, when the filter selects tasks (<see cref="RollupFilter.Tasks"/>).</summary>
    public IReadOnlyList<TaskRollup>? TaskList { get; private set; }

    public PeriodRollup? Rollup { get; private set; }

    public RollupFilter Filter { get; private set; } = RollupFilter.All;

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    protected override bool Changes(PageHandlerExecutingContext context) => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var parsed = RollupFilter.Parse(key => Request.Query.TryGetValue(key, out var values) ? values.ToString() : null);
        if (!parsed.Succeeded)
        {
            return await RefusedAsync(parsed.Problems, cancellationToken);
        }

        Filter = parsed.Value!;
        if (Filter.Tasks is not null)
        {
            var rollup = await rollups.ReadAsync(Rights, PlanId, Period, cancellationToken);
            if (Refusal(rollup) is { } refused)
            {
                return refused;
            }

            Rollup = rollup.Value!;
            TaskList = Filter.TasksIn(Rollup);
            if (Filter.Dimension is { } code && code != RollupFilter.NoDimension && !Rollup.Dimensions.Any(d => d.GroupId is not null && d.Code == code))
            {
                return await RefusedAsync([Problem.Invalid("dimension", $"Kế hoạch không có lĩnh vực '{code}' trong kỳ này.", $"The plan has no dimension '{code}' in this period.")],
                    cancellationToken);
            }

            return Page();
        }

        var list = await lists.ReadAsync(Rights, PlanId, Period, Filter, PageNumber, cancellationToken);
        if (Refusal(list) is { } refusedList)
        {
            return refusedList;
        }

        if (!list.Succeeded)
        {
            return await RefusedAsync(list.Problems, cancellationToken);
        }

        List = list.Value!;
        return Page();
    }

    /// <summary>The same list on another page.</summary>
    public string PageUrl(int page) =>
        Request.Path + "?" + (Filter.ToQuery() is { Length: > 0 } query ? query + "&" : "") + "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private IActionResult? Refusal<T>(Outcome<T> outcome) => outcome switch
    {
        { IsForbidden: true } => Forbid(),
        { IsNotFound: true } => NotFound(),
        _ => null,
    };

    // A bad filter: said in both languages, by its key as labelled, once the caller is known to be a reader of the roll-up.
    private async Task<IActionResult> RefusedAsync(IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        var rollup = await rollups.ReadAsync(Rights, PlanId, Period, cancellationToken);
        if (Refusal(rollup) is { } refused)
        {
            return refused;
        }

        Rollup = rollup.Value!;
        Problems = new ProblemList(problems, Labels);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
