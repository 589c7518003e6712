using System.Globalization;
using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Plans;
using ChiSo.Reporting.Templates;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.My;

/// <summary>
/// /plans/{id}/reports/{period}/{unitCode}: a unit's reports for one period, where its focal point works offline — the
/// list of what the unit owes with each report's state, the template to download (<c>?handler=Template</c>) and the filled
/// template to upload (<c>?handler=Import</c>, a plain multipart form that works without JavaScript). Plan, period and
/// unit are the route's; who may see and import is decided by <see cref="UnitReportTemplates"/> (the unit's focal point
/// and head; a coordinator or leader is refused; another unit finds nothing).
/// </summary>
public sealed class UnitReportsModel(UnitReportTemplates templates, PlanAccess access, IntakeLimits limits) : PageModel
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["file"] = ("Tệp mẫu đã điền", "Filled template"),
    };

    [FromRoute] public int Id { get; set; }

    [FromRoute] public string Period { get; set; } = "";

    [FromRoute] public string UnitCode { get; set; } = "";

    public UnitPeriodReports Unit { get; private set; } = null!;

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    /// <summary>The upload limit, as the upload control names it.</summary>
    public long MaxFileBytes => limits.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } refused ? refused : Page();

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        var template = await templates.TemplateAsync(await CallerAsync(cancellationToken), Id, Period, UnitCode, cancellationToken);
        return template.Succeeded
            ? File(template.Value!.Content, ChiSo.Web.Api.PlanEndpoints.XlsxType, template.Value.FileName)
            : Refusal(template.Problems);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (file is null || file.Length == 0)
        {
            Problems = new ProblemList([Problem.Required("file", "Chọn tệp mẫu đã điền (.xlsx).", "Choose the filled template (.xlsx).")], Labels);
            return Page();
        }

        byte[] content;
        await using (var stream = file.OpenReadStream())
        {
            // The form's multipart limit (Uploads:MaxFileBytes) already bounded what was read; the import bounds it again before parsing.
            content = new byte[file.Length];
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var imported = await templates.ImportAsync(await CallerAsync(cancellationToken), Id, Period, UnitCode, new IntakeFile(content, file.FileName, file.ContentType),
            HttpContext.ToActor(), cancellationToken);
        if (imported.Succeeded)
        {
            var r = imported.Value!;
            return Redirect(FormattableString.Invariant($"{Request.Path}?imported={r.Saved}&unchanged={r.Unchanged}"));
        }

        if (imported.IsNotFound || imported.IsForbidden)
        {
            return Refusal(imported.Problems);
        }

        Problems = new ProblemList(imported.Problems, Labels);
        return Page();
    }

    /// <summary>"Đã lưu 2 bản nháp…" after an import, from the redirect's query (numbers only: nothing else is shown).</summary>
    public (int Saved, int Unchanged)? Imported =>
        int.TryParse(Request.Query["imported"], NumberStyles.None, CultureInfo.InvariantCulture, out var saved)
            ? (saved, int.TryParse(Request.Query["unchanged"], NumberStyles.None, CultureInfo.InvariantCulture, out var unchanged) ? unchanged : 0)
            : null;

    private IActionResult Refusal(IReadOnlyList<Problem> problems) => problems.Any(p => p.Code == ProblemCodes.Forbidden) ? Forbid() : NotFound();

    private Task<ChiSo.Reporting.Reports.ReportCaller> CallerAsync(CancellationToken cancellationToken) => access.ReportCallerAsync(User, cancellationToken);

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var read = await templates.ReadAsync(await CallerAsync(cancellationToken), Id, Period, UnitCode, cancellationToken);
        if (!read.Succeeded)
        {
            return Refusal(read.Problems);
        }

        Unit = read.Value!;
        return null;
    }
}
