using ChiSo.Analysis;
using ChiSo.Results.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Results;

/// <summary>/results/{family}/{year}/export.csv and .xlsx: the year table as a file.</summary>
public sealed class ExportModel(AnalysisService analysis, ChiSo.Results.ResultsQueries results) : PageModel
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<IActionResult> OnGetAsync(string family, int year, string format, string? province, string? scope, CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        // The scope of the year page the link came from: ?province=68 (its communes) or ?scope=communes.
        if (ChiSo.Results.ScopeRequest.FromQuery(scope, province) is not { } request
            || await results.ResolveScopeAsync(request, year, cancellationToken) is not { Succeeded: true, Value: { } resolved }
            || await analysis.TableAsync(family, year, resolved.Scope, cancellationToken) is not { } table)
        {
            return NotFound();
        }

        var name = $"{table.Framework.Id}-{ResultsDisplay.Whole(year)}"
            + (resolved.Province is { } p ? $"-xa-{p.Code}" : resolved.Scope.IsProvinces ? "" : "-xa") + "-ket-qua";
        return csv
            ? File(YearTableCsv.WriteBytes(table), "text/csv; charset=utf-8", name + ".csv")
            : File(YearTableXlsx.WriteBytes(table), XlsxContentType, name + ".xlsx");
    }
}
