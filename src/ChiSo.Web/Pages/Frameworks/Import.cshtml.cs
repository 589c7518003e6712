using System.ComponentModel.DataAnnotations;
using System.Text;
using ChiSo.Accounts;
using ChiSo.Frameworks;
using ChiSo.Text;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Frameworks;

/// <summary>/frameworks/import: add a framework version from a CSV node list (plus its header fields) or a JSON definition.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Coordinator)]
public sealed class ImportModel(FrameworkService frameworks, UiText t) : PageModel
{
    [BindProperty]
    [Display(Name = "Tệp định nghĩa")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Id { get; set; }

    [BindProperty]
    public string? Family { get; set; }

    [BindProperty]
    public string? NameVi { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public int? ValidFrom { get; set; }

    [BindProperty]
    public int? ValidTo { get; set; }

    public IReadOnlyList<ErrorRow> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors = [new ErrorRow(0, t["Tệp", "File"], "Chọn tệp định nghĩa (CSV hoặc JSON).", "Choose a definition file (CSV or JSON).")];
            return Page();
        }

        string text;
        using (var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = (await reader.ReadToEndAsync(cancellationToken)).TrimStart('\uFEFF');
        }

        var isJson = Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{');
        var (candidate, errors) = isJson
            ? FrameworkJson.Read(text)
            : new FrameworkVersionFields(Id, Family, NameVi, NameEn, ValidFrom, ValidTo).WithCsv(text);
        if (candidate is { } parsed)
        {
            (candidate, errors) = await frameworks.ImportAsync(parsed, HttpContext.ToActor(), cancellationToken);
        }

        if (candidate is null)
        {
            Errors = errors.Select(e => new ErrorRow(e.Row, e.Column, e.MessageVi, e.MessageEn)).ToList();
            return Page();
        }

        return Redirect("/frameworks/" + Uri.EscapeDataString(candidate.Id));
    }
}
