using ChiSo.Analysis;
using ChiSo.Results;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages;

/// <summary>
/// The coordinator's overview: the home province's latest PAPI standing and its weakest areas, and the
/// ways into the rest of ChiSo. The home province is <see cref="ChiSo.Units.UnitDirectory.HomeProvinceAsync"/>'s.
/// </summary>
public sealed class IndexModel(AnalysisService analysis, ResultsQueries results, ChiSo.Units.UnitDirectory units) : PageModel
{
    public const string Family = "papi";

    public int? Year { get; private set; }
    public string? ProvinceCode { get; private set; }
    public UnitProfile? Profile { get; private set; }
    public YearTableRow? Row { get; private set; }
    public IReadOnlyList<LostPoint> WeakDimensions { get; private set; } = [];
    public IReadOnlyList<LostPoint> WeakSubDimensions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A focal point's day starts with what their unit owes, not with the province's index standing.
        if (NavMenu.IsUnitMember(User))
        {
            return Redirect("/my/tasks");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ProvinceCode = (await units.HomeProvinceAsync(cancellationToken))?.Code;
        var years = await results.YearsAsync(Family, cancellationToken);
        if (years.Count == 0)
        {
            return;
        }

        Year = years[0];
        if (ProvinceCode is null)
        {
            return;
        }

        var unit = await analysis.UnitForYearAsync(ProvinceCode, Year.Value, cancellationToken);
        if (unit is null)
        {
            return;
        }

        var tables = await analysis.TablesAsync(Family, cancellationToken);
        Profile = UnitProfileBuilder.Build(unit.Id, Year.Value, tables);
        Row = tables.FirstOrDefault(t => t.Year == Year)?.Row(unit.Id);
        if (Profile is not null)
        {
            WeakDimensions = Profile.LostPoints.Where(l => l.Depth == 1).Take(3).ToList();
            WeakSubDimensions = Profile.LostPoints.Where(l => l.Depth == 2).Take(3).ToList();
        }
    }
}
