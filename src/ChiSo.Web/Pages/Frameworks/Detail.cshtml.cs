using System.Text;
using ChiSo.Frameworks;
using ChiSo.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Frameworks;

/// <summary>/frameworks/{id}: a version's tree, and its definition as CSV or JSON for the signed-in user.</summary>
public sealed class DetailModel(ResultsQueries results) : PageModel
{
    public Framework Framework { get; private set; } = null!;

    public FrameworkTree Tree { get; private set; } = null!;

    public IReadOnlyList<int> ResultYears { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await results.FrameworkAsync(id, cancellationToken) is not { } framework)
        {
            return NotFound();
        }

        Framework = framework;
        Tree = new FrameworkTree(framework);
        ResultYears = (await results.YearsAsync(framework.Family, cancellationToken)).Where(framework.IsValidIn).OrderBy(y => y).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string id, CancellationToken cancellationToken) =>
        await results.FrameworkAsync(id, cancellationToken) is { } framework
            ? File(Utf8WithBom(FrameworkCsv.Write(framework)), "text/csv; charset=utf-8", framework.Id + ".csv")
            : NotFound();

    public async Task<IActionResult> OnGetJsonAsync(string id, CancellationToken cancellationToken) =>
        await results.FrameworkAsync(id, cancellationToken) is { } framework
            ? File(Encoding.UTF8.GetBytes(FrameworkJson.Write(framework)), "application/json; charset=utf-8", framework.Id + ".json")
            : NotFound();

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
}
