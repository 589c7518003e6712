using ChiSo.Analysis;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Results;

/// <summary>
/// /results/{family}/{year}: every unit's aggregate, group, change and dimension scores for one year — of the
/// provinces, or with <c>?province=68</c> of that province's communes (<c>?scope=communes</c>: the country's).
/// </summary>
public sealed class YearModel(AnalysisService analysis, ResultsQueries results, UiText t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Family { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    /// <summary>"all" shows every node's column, not only the dimensions.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Detail { get; set; }

    public bool ShowAll => string.Equals(Detail, "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>A province code: its communes' results.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    /// <summary><c>communes</c>: the communes of the whole country.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public ResolvedScope ShownScope { get; private set; } = ResolvedScope.Provinces;

    /// <summary>The scope as a query string ("province=68"), kept by every link of the page; empty for provinces.</summary>
    public string ScopeQuery => ShownScope.Scope.IsProvinces ? ""
        : ShownScope.Province is { } p ? "province=" + Uri.EscapeDataString(p.Code) : "scope=" + ResultScope.CommunesKey;

    public YearTable? Table { get; private set; }

    public string FamilyName { get; private set; } = "";

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<ResultImport> History { get; private set; } = [];

    /// <summary>The node columns after the aggregate: the dimensions, or every node with <c>?detail=all</c>.</summary>
    public IReadOnlyList<FrameworkNode> NodeColumns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var family = await results.FamilyOfAsync(Family, cancellationToken);
        var known = BuiltInFrameworks.Families.FirstOrDefault(f => string.Equals(f.Id, family ?? Family, StringComparison.OrdinalIgnoreCase));
        if (family is null && known is null)
        {
            return NotFound();
        }

        Family = family ?? known!.Id;
        if (known is not null)
        {
            FamilyName = t[known.NameVi, known.NameEn];
        }
        else
        {
            var latest = (await results.FrameworksAsync(cancellationToken)).First(f => f.Family == Family);
            FamilyName = t[latest.NameVi, latest.NameEn];
        }

        if (ScopeRequest.FromQuery(Scope, Province) is not { } request
            || await results.ResolveScopeAsync(request, Year, cancellationToken) is not { Succeeded: true, Value: { } resolved })
        {
            return NotFound();
        }

        ShownScope = resolved;
        Years = await results.YearsAsync(Family, resolved.Scope, cancellationToken);
        Table = await analysis.TableAsync(Family, Year, resolved.Scope, cancellationToken);
        if (Table is not null)
        {
            History = await results.HistoryAsync(Table.Framework.Id, Year, resolved.Scope, cancellationToken);
            NodeColumns = ShowAll
                ? Table.Columns.Where(c => !c.IsAggregate).ToList()
                : Table.RankedColumns.Where(c => !c.IsAggregate).ToList();
        }

        return Page();
    }

    public string Path(string? suffix = null) => WithScope(IndexModel.YearPath(Family, Year) + suffix);

    /// <summary>A link of this page with the scope's query added.</summary>
    public string WithScope(string path) => ScopeQuery.Length == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + ScopeQuery;

    public string UnitLink(YearTableRow row) =>
        $"/units/{Uri.EscapeDataString(row.UnitCode)}?framework={Uri.EscapeDataString(Family)}&year={ResultsDisplay.Whole(Year)}";

    public int Depth(FrameworkNode node) => Table?.Tree.Depth(node.Code) ?? 0;
}
