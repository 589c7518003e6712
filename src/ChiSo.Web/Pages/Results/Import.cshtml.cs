using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Results;

/// <summary>
/// /results/import: upload a year's results file for an index family — of the provinces, of one province's
/// communes, or of the country's communes. The whole file is saved or nothing is; errors are listed row by row.
/// Works as a plain form post and, with htmx, swaps in only the result.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class ImportModel(ResultsImportService imports, ResultsQueries results, ChiSo.Units.UnitDirectory units, TimeProvider clock) : PageModel
{
    public const string ResultId = "import-result";

    /// <summary>The form's value for "the communes of one province" (the province comes from <see cref="Province"/>).</summary>
    public const string ProvinceCommunes = "province-communes";

    /// <summary><c>provinces</c> (default), <see cref="ProvinceCommunes"/> or <c>communes</c> (the whole country).</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Đơn vị trong tệp")]
    public string? Scope { get; set; }

    /// <summary>The province whose communes the file scores (its code).</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Tỉnh, thành phố")]
    public string? Province { get; set; }

    /// <summary>Every province that ever existed (the 34 and the 63), one entry per code, for the province choice.</summary>
    public IReadOnlyList<(string Code, string Name)> Provinces { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Chỉ số")]
    public string? Family { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Năm")]
    public int? Year { get; set; }

    [BindProperty]
    [Display(Name = "Tệp kết quả")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<FamilyYears> Families { get; private set; } = [];

    public IReadOnlyList<Framework> Frameworks { get; private set; } = [];

    /// <summary>The form's fields as its labels name them, for form problems.</summary>
    public static readonly IReadOnlyDictionary<string, (string Vi, string En)> Labels = new Dictionary<string, (string Vi, string En)>
    {
        [nameof(Family)] = ("Chỉ số", "Index"),
        [nameof(Year)] = ("Năm", "Year"),
        [nameof(Upload)] = ("Tệp kết quả", "Results file"),
        ["framework"] = ("Chỉ số", "Index"),
        ["file"] = ("Tệp kết quả", "Results file"),
        [nameof(Province)] = ("Tỉnh, thành phố", "Province"),
        ["province"] = ("Tỉnh, thành phố", "Province"),
        ["scope"] = ("Đơn vị trong tệp", "Units in the file"),
    };

    /// <summary>Problems with the form or the file (the first 200 and how many more); nothing was saved when there are any.</summary>
    public ProblemList Errors { get; private set; } = ProblemList.Empty;

    /// <summary>The import's result after a post (success or failure).</summary>
    public ResultsImportOutcome? Outcome { get; private set; }

    public bool Posted { get; private set; }

    public bool Succeeded => Outcome?.Succeeded == true;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Posted = true;
        var errors = new List<Problem>();
        if (string.IsNullOrWhiteSpace(Family) || Families.All(f => f.Id != Family))
        {
            errors.Add(Problem.Required(nameof(Family), "Chọn một chỉ số trong danh sách.", "Choose an index from the list."));
        }

        if (Year is null or < 1990 or > 2100)
        {
            errors.Add(Problem.Required(nameof(Year), "Nhập năm của kết quả (ví dụ 2024).", "Enter the results year (e.g. 2024)."));
        }

        if (Upload is null || Upload.Length == 0)
        {
            errors.Add(Problem.Required(nameof(Upload), "Chọn tệp kết quả (CSV hoặc Excel .xlsx).", "Choose a results file (CSV or Excel .xlsx)."));
        }

        var scope = Scope switch
        {
            null or "" or ResultScope.ProvincesKey => ScopeRequest.Provinces,
            ResultScope.CommunesKey => ScopeRequest.AllCommunes,
            ProvinceCommunes when !string.IsNullOrWhiteSpace(Province) => ScopeRequest.CommunesOf(Province),
            _ => null,
        };
        if (scope is null)
        {
            errors.Add(Problem.Required(nameof(Province), "Chọn tỉnh có các xã, phường trong tệp.", "Choose the province whose communes the file holds."));
        }

        if (errors.Count == 0)
        {
            await using var content = Upload!.OpenReadStream();
            Outcome = await imports.ImportAsync(Family!, Year!.Value, scope!, content, Upload.FileName, Upload.ContentType, HttpContext.ToActor(),
                cancellationToken: cancellationToken);
            errors.AddRange(Outcome.Errors);
        }

        Errors = new ProblemList(errors, Labels);
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_ImportResult", this) : Page();
    }

    /// <summary>
    /// The CSV to fill in for a year: <c>unit</c>, the leaf node codes of the version that applies, <c>total</c>; one row
    /// per province that existed in that year (the 63 before 2025, the 34 after), scores left empty.
    /// </summary>
    public async Task<IActionResult> OnGetTemplateAsync(string family, int year, CancellationToken cancellationToken)
    {
        var framework = await results.FrameworkForYearAsync(family, year, cancellationToken);
        if (framework is null)
        {
            return NotFound();
        }

        var provinces = await units.ProvincesAsync(ChiSo.Units.ReorganisationDates.ReferenceDateForResultYear(year), cancellationToken);
        return File(Encoding.UTF8.GetBytes("\uFEFF" + Template(framework, provinces.Select(p => p.FullName))), "text/csv; charset=utf-8",
            $"{framework.Id}-{year.ToString(CultureInfo.InvariantCulture)}-mau.csv");
    }

    public static string Template(Framework framework, IEnumerable<string>? unitNames = null)
    {
        var tree = new FrameworkTree(framework);
        var columns = new List<string> { "unit" };
        columns.AddRange(tree.InTreeOrder().Where(n => !n.IsAggregate && tree.IsLeaf(n.Code)).Select(n => n.Code));
        columns.Add(FrameworkNode.AggregateCode);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        ChiSo.Text.Csv.WriteRecord(text, columns);
        foreach (var name in unitNames ?? [])
        {
            ChiSo.Text.Csv.WriteRecord(text, [name, .. Enumerable.Repeat("", columns.Count - 1)]);
        }

        return text.ToString();
    }

    /// <summary>The year a framework's template link fills in: the form's year when the version applies to it, else the version's first.</summary>
    public int TemplateYear(Framework framework) => Year is { } year && framework.IsValidIn(year) ? year : framework.ValidFrom;

    /// <summary>The year page of what was imported: the provinces, or the communes (<c>?province=68</c>).</summary>
    public string YearPath() => IndexModel.YearPath(Family ?? "", Year ?? 0) + (Outcome?.Scope is { Scope.IsProvinces: false } scope
        ? scope.Province is { } p ? "?province=" + Uri.EscapeDataString(p.Code) : "?scope=" + ResultScope.CommunesKey
        : "");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Families = await FamilyYears.LoadAsync(results, cancellationToken);
        Frameworks = await results.FrameworksAsync(cancellationToken);
        // Codes were reused by the 2025 merger: one entry per code, named as today (the year picks the era's unit).
        var all = (await units.ProvincesAsync(new DateOnly(2024, 12, 31), cancellationToken)).Concat(await units.ProvincesAsync(cancellationToken: cancellationToken));
        Provinces = all.GroupBy(p => p.Code, StringComparer.Ordinal).Select(g => (g.Key, g.Last().Name))
            .OrderBy(p => p.Name, ChiSo.Text.VietnameseText.Comparer).ToList();
        Family ??= Families.Any(f => f.Id == IndexModel.DefaultFamily) ? IndexModel.DefaultFamily : Families.Select(f => f.Id).FirstOrDefault();
        Year ??= clock.VietNamToday().Year - 1;
    }
}
