using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/{id}/dashboard/{period?}: the coordinator's follow-up of one period — reports expected, received, accepted,
/// returned and missing, on time and late; the tasks as the Government Office counts them and those at risk; by
/// heading, level and district; by unit with each unit's lateness across the plan's periods, sortable on the server
/// (?sort=late&amp;dir=desc works without JavaScript). Every number links to the list behind it. The figures are the
/// roll-up's (<see cref="RollupQueries"/>), read by the plan's coordinators and by leaders, who only read: a unit's
/// focal point or head is refused, anyone who may not read the plan finds nothing. Without a period in the route,
/// the latest whose units' due date has passed (else the first).
/// </summary>
public sealed class DashboardModel(RollupQueries rollups, LatenessHistory lateness, PlanAccess access) : PlanPage(access)
{
    private readonly PlanAccess _access = access;

    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["sort"] = ("Sắp xếp theo", "Sort by"), ["dir"] = ("Chiều sắp xếp", "Sort direction"),
    };

    [FromRoute] public string? Period { get; set; }

    [FromQuery] public string? Sort { get; set; }

    [FromQuery] public string? Dir { get; set; }

    public PeriodRollup Rollup { get; private set; } = null!;

    public PlanLateness History { get; private set; } = null!;

    /// <summary>The plan's coordinators act from here (review, set the due dates); leaders only read.</summary>
    public bool Coordinates { get; private set; }

    public UnitSort SortedBy { get; private set; } = UnitSort.Late;

    public bool Descending { get; private set; } = true;

    public IReadOnlyList<UnitRollup> Units { get; private set; } = [];

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    /// <summary>The plan has no periods yet (a draft): nothing to follow up.</summary>
    public bool NoPeriods { get; private set; }

    protected override bool Changes(PageHandlerExecutingContext context) => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var history = await lateness.ReadAsync(Rights, PlanId, cancellationToken);
        if (Refused(history) is { } refused)
        {
            return refused;
        }

        History = history.Value!;
        Coordinates = await _access.RefusalAsync(Rights, PlanId, toChange: true, cancellationToken) is null;
        var period = Period ?? (History.Periods.LastOrDefault(p => p.IsDueBy(History.AsOf)) ?? (History.Periods.Count > 0 ? History.Periods[0] : null))?.Key;
        if (period is null)
        {
            NoPeriods = true;
            return Page();
        }

        var rollup = await rollups.ReadAsync(Rights, PlanId, period, cancellationToken);
        if (Refused(rollup) is { } refusedRollup)
        {
            return refusedRollup;
        }

        Rollup = rollup.Value!;
        Units = SortUnits();
        return Page();
    }

    /// <summary>"/plans/7/dashboard/2026-Q1/list?standing=missing": the list behind a number.</summary>
    public string ListUrl(RollupFilter filter) =>
        Path(PlanId, Rollup.Period.Id) + "/list" + (filter.ToQuery() is { Length: > 0 } query ? "?" + query : "");

    /// <summary>The unit table's header link: the same column again turns the order round.</summary>
    public string SortUrl(UnitSort sort)
    {
        var descending = sort == SortedBy ? !Descending : DefaultDescending(sort);
        return Path(PlanId, Rollup.Period.Id) + "?sort=" + Camel(sort) + "&dir=" + (descending ? "desc" : "asc") + "#units";
    }

    public static string Path(int planId, string? period = null) =>
        "/plans/" + planId.ToString(CultureInfo.InvariantCulture) + "/dashboard" + (period is null ? "" : "/" + Uri.EscapeDataString(period));

    private IActionResult? Refused<T>(Outcome<T> outcome) => outcome switch
    {
        { IsForbidden: true } => Forbid(),
        { Succeeded: false } => NotFound(),
        _ => null,
    };

    private List<UnitRollup> SortUnits()
    {
        var problems = new List<Problem>();
        if (Sort is { Length: > 0 } sort)
        {
            if (Enum.TryParse<UnitSort>(sort, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !sort.All(char.IsAsciiDigit))
            {
                SortedBy = parsed;
                Descending = DefaultDescending(parsed);
            }
            else
            {
                var allowed = string.Join(", ", Enum.GetValues<UnitSort>().Select(Camel));
                problems.Add(Problem.Invalid("sort", $"Không sắp xếp được theo '{sort}' (một trong: {allowed}).", $"Cannot sort by '{sort}' (one of: {allowed})."));
            }
        }

        switch (Dir?.ToLowerInvariant())
        {
            case null or "": break;
            case "asc": Descending = false; break;
            case "desc": Descending = true; break;
            default:
                problems.Add(Problem.Invalid("dir", $"Chiều sắp xếp là asc hoặc desc, không phải '{Dir}'.", $"The direction is asc or desc, not '{Dir}'."));
                break;
        }

        Problems = new ProblemList(problems, Labels);
        var byName = Rollup.Units.OrderBy(u => u.Name, VietnameseText.Comparer).ThenBy(u => u.Code, StringComparer.Ordinal);
        if (SortedBy == UnitSort.Name)
        {
            return Descending
                ? [.. Rollup.Units.OrderByDescending(u => u.Name, VietnameseText.Comparer).ThenBy(u => u.Code, StringComparer.Ordinal)]
                : [.. byName];
        }

        // Ties keep the names' order, whichever way the numbers go.
        var key = Key(SortedBy);
        return Descending ? [.. byName.OrderByDescending(key)] : [.. byName.OrderBy(key)];
    }

    private Func<UnitRollup, int> Key(UnitSort sort) => sort switch
    {
        UnitSort.Expected => u => u.Reports.Expected,
        UnitSort.Reported => u => u.Reports.Reported,
        UnitSort.Accepted => u => u.Reports.Accepted,
        UnitSort.Returned => u => u.Reports.Returned,
        UnitSort.Missing => u => u.Reports.Missing,
        UnitSort.History => u => History.Total(u.UnitId).Late,
        _ => u => u.Reports.Late,
    };

    private static bool DefaultDescending(UnitSort sort) => sort != UnitSort.Name;

    private static string Camel(UnitSort sort)
    {
        var name = sort.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <summary>The columns the unit table sorts by: the late count first (whom to chase), the names as Vietnamese readers sort them.</summary>
public enum UnitSort
{
    Late,
    Missing,
    Expected,
    Reported,
    Accepted,
    Returned,
    History,
    Name,
}
