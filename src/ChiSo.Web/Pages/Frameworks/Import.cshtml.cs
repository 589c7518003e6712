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
public sealed class ImportModel(FrameworkService frameworks) : PageModel
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
            Errors = [new ErrorRow(0, "Tệp", "Chọn tệp định nghĩa (CSV hoặc JSON).", "Choose a definition file (CSV or JSON).")];
            return Page();
        }

        string text;
        using (var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            text = (await reader.ReadToEndAsync(cancellationToken)).TrimStart('\uFEFF');
        }

        var isJson = Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{');
        var (candidate, errors) = isJson ? FrameworkJson.Read(text) : FromCsv(text);
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

    /// <summary>A CSV file holds only the nodes; the version's id, names and years come from the form.</summary>
    private (Framework?, IReadOnlyList<DefinitionError>) FromCsv(string csv)
    {
        var errors = new List<DefinitionError>();
        var id = Id?.Trim() ?? "";
        if (id.Length == 0)
        {
            errors.Add(new DefinitionError(0, "Mã phiên bản", "Nhập mã phiên bản (ví dụ par-2024).", "Enter the version id (e.g. par-2024)."));
        }

        if (string.IsNullOrWhiteSpace(NameVi))
        {
            errors.Add(new DefinitionError(0, "Tên tiếng Việt", "Nhập tên tiếng Việt của phiên bản.", "Enter the Vietnamese name."));
        }

        if (ValidFrom is null)
        {
            errors.Add(new DefinitionError(0, "Áp dụng từ năm", "Nhập năm bắt đầu áp dụng.", "Enter the first year the version applies to."));
        }

        var definition = FrameworkCsv.Read(csv, id);
        errors.AddRange(definition.Errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var nameVi = VietnameseText.Normalize(NameVi!);
        return (new Framework
        {
            Id = id,
            Family = string.IsNullOrWhiteSpace(Family) ? FrameworkJson.FamilyOf(id) : Family.Trim(),
            NameVi = nameVi,
            NameEn = string.IsNullOrWhiteSpace(NameEn) ? nameVi : VietnameseText.Normalize(NameEn),
            ValidFrom = ValidFrom!.Value,
            ValidTo = ValidTo,
            Nodes = definition.Nodes.ToList(),
        }, []);
    }
}
