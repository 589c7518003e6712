using ChiSo.Analysis;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Results;

/// <summary>/results/{family}/{year}: every unit's aggregate, group, change and dimension scores for one year.</summary>
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

        Years = await results.YearsAsync(Family, cancellationToken);
        Table = await analysis.TableAsync(Family, Year, cancellationToken);
        if (Table is not null)
        {
            History = await results.HistoryAsync(Table.Framework.Id, Year, cancellationToken);
            NodeColumns = ShowAll
                ? Table.Columns.Where(c => !c.IsAggregate).ToList()
                : Table.RankedColumns.Where(c => !c.IsAggregate).ToList();
        }

        return Page();
    }

    public string Path(string? suffix = null) => IndexModel.YearPath(Family, Year) + suffix;

    public string UnitLink(YearTableRow row) =>
        $"/units/{Uri.EscapeDataString(row.UnitCode)}?framework={Uri.EscapeDataString(Family)}&year={ResultsDisplay.Whole(Year)}";

    public int Depth(FrameworkNode node) => Table?.Tree.Depth(node.Code) ?? 0;
}
