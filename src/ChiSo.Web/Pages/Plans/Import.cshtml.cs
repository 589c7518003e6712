using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Units;
using ChiSo.Plans.Import;
using ChiSo.Web.Auth;
using ChiSo.Web.Hosting;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/{id}/import: bring in an existing appendix table. Upload; check the proposed column mapping; match the
/// names the registry does not know; import. The file is uploaded once and kept outside the web root meanwhile.
/// </summary>
public sealed class ImportModel(UnitDirectory units, PlanQueries plans, AppendixImport import, PendingUploads uploads, PlanAccess access) : PlanEditorPage(plans, access)
{
    public PlanView Plan { get; private set; } = null!;
    public AppendixPreview? Preview { get; private set; }
    public IReadOnlyList<AssigneeOption> Options { get; private set; } = [];
    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? UploadId { get; set; }
    [BindProperty] public List<AppendixField> Columns { get; set; } = [];
    [BindProperty] public List<string> Names { get; set; } = [];
    [BindProperty] public List<string> Keys { get; set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Upload (or re-check with a changed mapping): shows what would be imported; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var file = await FileAsync(cancellationToken);
        if (file is null)
        {
            Problems = PlanDisplay.Problems([Problem.File("Chọn tệp phụ lục (XLSX, XLS, DOCX hoặc CSV).", "Choose an appendix file (XLSX, XLS, DOCX or CSV).")]);
            return Page();
        }

        Preview = await import.PreviewAsync(id, file.Value.FileName, file.Value.Bytes, Mapping(), Matches(), cancellationToken);
        Columns = Preview.Mapping is { } m ? Enumerable.Range(0, Preview.Header.Count).Select(i => m.Columns.GetValueOrDefault(i)).ToList() : [];
        return Page();
    }

    /// <summary>Imports with the mapping and matches shown: one transaction, nothing saved if anything is wrong.</summary>
    public async Task<IActionResult> OnPostImportAsync([FromRoute] int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var file = await FileAsync(cancellationToken);
        if (file is null)
        {
            Problems = PlanDisplay.Problems([Problem.File("Tệp tải lên đã hết hạn; hãy chọn lại tệp.", "The uploaded file expired; choose it again.")]);
            return Page();
        }

        var (result, preview) = await import.ImportAsync(id, file.Value.FileName, file.Value.Bytes, Mapping(), Matches(), HttpContext.ToActor(), cancellationToken);
        if (result.Succeeded)
        {
            uploads.Delete(UploadId!);
            return Redirect($"/plans/{id}?saved=import");
        }

        Preview = preview;
        Problems = PlanDisplay.Problems(result.Problems);
        return Page();
    }

    private async Task<(string FileName, byte[] Bytes)?> FileAsync(CancellationToken cancellationToken)
    {
        if (Upload is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, cancellationToken);
            UploadId = await uploads.SaveAsync(Upload.FileName, buffer.ToArray(), cancellationToken);
            Columns = [];
            return (Upload.FileName, buffer.ToArray());
        }

        return await uploads.LoadAsync(UploadId, cancellationToken);
    }

    private Dictionary<string, AppendixField>? Mapping() =>
        Columns.Count == 0 ? null : Columns.Select((field, i) => (field, i)).ToDictionary(x => (x.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.field);

    private Dictionary<string, string> Matches() =>
        Names.Zip(Keys).Where(p => p.Second is not null and not "?").GroupBy(p => p.First, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Second == "text" ? "" : g.First().Second, StringComparer.Ordinal);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(id, cancellationToken: cancellationToken) is not { } view)
        {
            return false;
        }

        Plan = view;
        Options = await AssigneeOptions.LoadAsync(units, view.ProvinceId, view.ReferenceDate, cancellationToken);
        return true;
    }

}
