using ChiSo.Analysis;
using ChiSo.Results;
using ChiSo.Units;
using ChiSo.Web.Shared;
using ChiSo.Web.Shared.Charts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Map;

/// <summary>
/// /map: the 34 provinces coloured by aggregate. Before 2025 only a province that continues one old province
/// gets a colour; a merged province stays grey and the table lists its predecessors' official scores.
/// </summary>
public sealed class IndexModel(AnalysisService analysis, ResultsQueries results, UnitDirectory units, UiText t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Framework { get; set; } = "papi";

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public YearTable? Table { get; private set; }
    public MapChartData? Map { get; private set; }
    public IReadOnlyList<MapRow> Rows { get; private set; } = [];

    public sealed record MapRow(string Code, string Name, decimal? Score, int? Rank, int? Group, IReadOnlyList<(string Name, decimal? Score, int? Rank)> Predecessors);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var family = await results.FamilyOfAsync(Framework, cancellationToken);
        if (family is null)
        {
            return NotFound();
        }

        Years = await results.YearsAsync(family, cancellationToken);
        Year ??= Years.Count > 0 ? Years[0] : null;
        if (Year is not { } year || await analysis.TableAsync(family, year, cancellationToken) is not { } table)
        {
            return Page();
        }

        Table = table;
        var current = await units.ProvincesAsync(cancellationToken: cancellationToken);
        var predecessors = await units.AllPredecessorsAsync(cancellationToken);
        Rows = current.Select(u =>
        {
            var row = table.Row(u.Id);
            var olds = predecessors[u.Id].ToList();
            var side = row is null && olds.Count > 0
                ? olds.Select(o => (o.Name, table.Row(o.Id)?.Aggregate?.Score, table.Row(o.Id)?.Aggregate?.Rank)).ToList()
                : [];
            return new MapRow(u.Code, u.Name, row?.Aggregate?.Score, row?.Aggregate?.Rank, row?.Aggregate?.Group, side);
        }).ToList();
        Map = new MapChartData(Rows.Select(r => new MapValue(r.Code, r.Name, (double?)r.Score, r.Group)).ToList(), t["điểm", "points"]);
        return Page();
    }
}
