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
    private static readonly IReadOnlyDictionary<string, (string Vi, string En)> Labels = new Dictionary<string, (string Vi, string En)>
    {
        ["file"] = ("Tệp phụ lục", "Appendix file"),
        ["matches"] = ("Đối chiếu tên đơn vị", "Match unit names"),
        ["mapping"] = ("Ánh xạ cột", "Column mapping"),
    };

    /// <summary>Why the import did not happen: the file's problems by row, the form's by field; nothing was saved.</summary>
    public ProblemList Errors { get; private set; } = ProblemList.Empty;

    /// <summary>What the preview found in the file (warnings and errors), by row.</summary>
    public ProblemList PreviewProblems => new(Preview?.Problems ?? [], Labels);

    /// <summary>The registry names are matched against (the plan's province at its date, or the predecessor it names).</summary>
    public RegistryScope? Scope { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? UploadId { get; set; }
    [BindProperty] public List<AppendixField> Columns { get; set; } = [];
    [BindProperty] public List<string> Names { get; set; } = [];
    [BindProperty] public List<string> Keys { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Upload (or re-check with a changed mapping): shows what would be imported; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var file = await FileAsync(cancellationToken);
        if (file is null)
        {
            Errors = new ProblemList([Problem.Required("file", "Chọn tệp phụ lục (XLSX, XLS, DOCX hoặc CSV).", "Choose an appendix file (XLSX, XLS, DOCX or CSV).")], Labels);
            return Page();
        }

        Preview = await import.PreviewAsync(PlanId, file.Value.FileName, file.Value.Bytes, Mapping(), Matches(), cancellationToken);
        Columns = Preview.Mapping is { } m ? Enumerable.Range(0, Preview.Header.Count).Select(i => m.Columns.GetValueOrDefault(i)).ToList() : [];
        return Page();
    }

    /// <summary>Imports with the mapping and matches shown: one transaction, nothing saved if anything is wrong.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var file = await FileAsync(cancellationToken);
        if (file is null)
        {
            Errors = new ProblemList([Problem.Required("file", "Tệp tải lên đã hết hạn; hãy chọn lại tệp.", "The uploaded file expired; choose it again.")], Labels);
            return Page();
        }

        var (result, preview) = await import.ImportAsync(PlanId, file.Value.FileName, file.Value.Bytes, Mapping(), Matches(), HttpContext.ToActor(), cancellationToken);
        if (result.Succeeded)
        {
            uploads.Delete(UploadId!);
            return Redirect($"/plans/{PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture)}?saved=import");
        }

        Preview = preview;
        Errors = new ProblemList(result.Problems, Labels);
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

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await Plans.ViewAsync(PlanId, cancellationToken: cancellationToken) is not { } view)
        {
            return false;
        }

        Plan = view;
        // The same registry the import matches names against: the province as it stood at the plan's date.
        Scope = await units.ScopeAsync(view.ProvinceId, view.ReferenceDate, $"{view.IssuingBody} {view.Place}", cancellationToken);
        Options = await AssigneeOptions.LoadAsync(units, view, cancellationToken);
        return true;
    }

}
