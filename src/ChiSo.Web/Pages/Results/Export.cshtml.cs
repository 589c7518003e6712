using ChiSo.Analysis;
using ChiSo.Results.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Results;

/// <summary>/results/{family}/{year}/export.csv and .xlsx: the year table as a file.</summary>
public sealed class ExportModel(AnalysisService analysis) : PageModel
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<IActionResult> OnGetAsync(string family, int year, string format, CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        var table = await analysis.TableAsync(family, year, cancellationToken);
        if (table is null)
        {
            return NotFound();
        }

        var name = $"{table.Framework.Id}-{ResultsDisplay.Whole(year)}-ket-qua";
        return csv
            ? File(YearTableCsv.WriteBytes(table), "text/csv; charset=utf-8", name + ".csv")
            : File(YearTableXlsx.WriteBytes(table), XlsxContentType, name + ".xlsx");
    }
}
