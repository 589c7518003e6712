using ChiSo.Analysis;
using ChiSo.Results;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages;

/// <summary>
/// The coordinator's overview: the home province's latest PAPI standing and its weakest areas, and the
/// ways into the rest of ChiSo. The home province is configuration (<c>ChiSo:HomeProvince</c>, default the demo's).
/// </summary>
public sealed class IndexModel(AnalysisService analysis, ResultsQueries results, IConfiguration configuration) : PageModel
{
    public const string Family = "papi";

    public int? Year { get; private set; }
    public string ProvinceCode { get; private set; } = "";
    public UnitProfile? Profile { get; private set; }
    public YearTableRow? Row { get; private set; }
    public IReadOnlyList<LostPoint> WeakDimensions { get; private set; } = [];
    public IReadOnlyList<LostPoint> WeakSubDimensions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ProvinceCode = configuration["ChiSo:HomeProvince"] is { Length: > 0 } code ? code : Seeding.DemoSeeder.DemoProvinceCode;
        var years = await results.YearsAsync(Family, cancellationToken);
        if (years.Count == 0)
        {
            return;
        }

        Year = years[0];
        var unit = await analysis.UnitForYearAsync(ProvinceCode, Year.Value, cancellationToken);
        if (unit is null)
        {
            return;
        }

        var tables = await analysis.TablesAsync(Family, cancellationToken);
        Profile = UnitProfileBuilder.Build(unit.Id, Year.Value, tables);
        var table = tables.FirstOrDefault(t => t.Year == Year);
        Row = table?.Row(unit.Id);
        if (Profile is not null && table is not null)
        {
            // The same rule the drafter and the plan's texts use, so the overview and a drafted plan name the same areas.
            var weak = WeakAreaRule.Pick(Profile, table.Tree);
            WeakDimensions = weak.Dimensions.ToList();
            WeakSubDimensions = weak.SubAreas.ToList();
        }
    }
}
