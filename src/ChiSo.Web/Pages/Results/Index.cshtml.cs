using ChiSo.Frameworks;
using ChiSo.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Results;

/// <summary>/results: choose an index family and a year; a chosen pair goes straight to its year table.</summary>
public sealed class IndexModel(ResultsQueries results) : PageModel
{
    public const string DefaultFamily = ChiSo.Frameworks.IndexFamilies.Papi;

    [BindProperty(SupportsGet = true)]
    public string? Family { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<FamilyYears> Families { get; private set; } = [];

    public FamilyYears? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Families = await FamilyYears.LoadAsync(results, cancellationToken);
        if (Family is not null && Year is not null && Families.Any(f => f.Id == Family && f.Years.Contains(Year.Value)))
        {
            return Redirect(YearPath(Family, Year.Value));
        }

        Selected = Families.FirstOrDefault(f => f.Id == Family)
            ?? Families.FirstOrDefault(f => f.Id == DefaultFamily && f.Years.Count > 0)
            ?? Families.FirstOrDefault(f => f.Years.Count > 0)
            ?? (Families.Count > 0 ? Families[0] : null);
        if (Selected is not null && !Selected.Years.Contains(Year ?? 0))
        {
            Year = Selected.Years.Count > 0 ? Selected.Years[0] : null;
        }

        return Page();
    }

    public static string YearPath(string family, int year) =>
        $"/results/{Uri.EscapeDataString(family)}/{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>An index family as the pickers show it: its names and the years with results, newest first.</summary>
public sealed record FamilyYears(string Id, string NameVi, string NameEn, IReadOnlyList<int> Years)
{
    /// <summary>The families that have a framework version, in the built-in order (PAPI, PAR Index, SIPAS, PCI).</summary>
    public static async Task<IReadOnlyList<FamilyYears>> LoadAsync(ResultsQueries results, CancellationToken cancellationToken)
    {
        var frameworks = await results.FrameworksAsync(cancellationToken);
        var list = new List<FamilyYears>();
        foreach (var id in frameworks.Select(f => f.Family).Distinct(StringComparer.Ordinal).OrderBy(Position).ThenBy(f => f, StringComparer.Ordinal))
        {
            var known = BuiltInFrameworks.Families.FirstOrDefault(f => f.Id == id);
            var latest = frameworks.Where(f => f.Family == id).OrderByDescending(f => f.ValidFrom).First();
            list.Add(new FamilyYears(id, known?.NameVi ?? latest.NameVi, known?.NameEn ?? latest.NameEn, await results.YearsAsync(id, cancellationToken)));
        }

        return list;
    }

    private static int Position(string family)
    {
        var families = BuiltInFrameworks.Families;
        for (var i = 0; i < families.Count; i++)
        {
            if (families[i].Id == family)
            {
                return i;
            }
        }

        return families.Count;
    }
}
