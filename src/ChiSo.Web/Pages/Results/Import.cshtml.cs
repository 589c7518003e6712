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
/// /results/import: upload a year's results file for an index family. The whole file is saved or nothing is;
/// errors are listed row by row. Works as a plain form post and, with htmx, swaps in only the result.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class ImportModel(ResultsImportService imports, ResultsQueries results, TimeProvider clock) : PageModel
{
    public const string ResultId = "import-result";

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

        if (errors.Count == 0)
        {
            await using var content = Upload!.OpenReadStream();
            Outcome = await imports.ImportAsync(Family!, Year!.Value, content, Upload.FileName, Upload.ContentType, HttpContext.ToActor(),
                cancellationToken: cancellationToken);
            errors.AddRange(Outcome.Errors);
        }

        Errors = new ProblemList(errors, Labels);
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_ImportResult", this) : Page();
    }

    /// <summary>An empty CSV for a framework version: <c>unit</c>, the leaf node codes, <c>total</c>.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string family, int year, CancellationToken cancellationToken)
    {
        var framework = await results.FrameworkForYearAsync(family, year, cancellationToken);
        if (framework is null)
        {
            return NotFound();
        }

        return File(Encoding.UTF8.GetBytes("\uFEFF" + Template(framework)), "text/csv; charset=utf-8",
            $"{framework.Id}-{year.ToString(CultureInfo.InvariantCulture)}-mau.csv");
    }

    public static string Template(Framework framework)
    {
        var tree = new FrameworkTree(framework);
        var columns = new List<string> { "unit" };
        columns.AddRange(tree.InTreeOrder().Where(n => !n.IsAggregate && tree.IsLeaf(n.Code)).Select(n => n.Code));
        columns.Add(FrameworkNode.AggregateCode);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        ChiSo.Text.Csv.WriteRecord(text, columns);
        return text.ToString();
    }

    public string YearPath() => IndexModel.YearPath(Family ?? "", Year ?? 0);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Families = await FamilyYears.LoadAsync(results, cancellationToken);
        Frameworks = await results.FrameworksAsync(cancellationToken);
        Family ??= Families.Any(f => f.Id == IndexModel.DefaultFamily) ? IndexModel.DefaultFamily : Families.Select(f => f.Id).FirstOrDefault();
        Year ??= clock.GetLocalNow().Year - 1;
    }
}
