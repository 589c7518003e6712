using System.ComponentModel.DataAnnotations;
using System.Text;
using ChiSo.Accounts;
using ChiSo.Common;
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
public sealed class ImportModel(FrameworkService frameworks, ChiSo.Intake.IntakeLimits limits) : PageModel
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

    /// <summary>The form's fields and the JSON's header fields, as the form labels them.</summary>
    private static readonly IReadOnlyDictionary<string, (string Vi, string En)> Labels = new Dictionary<string, (string Vi, string En)>
    {
        ["file"] = ("Tệp định nghĩa", "Definition file"),
        ["id"] = ("Mã phiên bản", "Version id"),
        ["nameVi"] = ("Tên tiếng Việt", "Vietnamese name"),
        ["validFrom"] = ("Áp dụng từ năm", "Valid from"),
        ["validTo"] = ("Đến năm", "Valid to"),
        ["groupRule"] = ("Quy tắc nhóm", "Group rule"),
    };

    public ProblemList Errors { get; private set; } = ProblemList.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors = new ProblemList([Problem.Required("file", "Chọn tệp định nghĩa (CSV hoặc JSON).", "Choose a definition file (CSV or JSON).")], Labels);
            return Page();
        }

        await using var content = Upload.OpenReadStream();
        var file = await ChiSo.Intake.IntakeFile.FromStreamAsync(content, Upload.FileName, Upload.ContentType, cancellationToken);
        var text = Encoding.UTF8.GetString(file.Bytes).TrimStart('\uFEFF');
        var isJson = Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{');
        var (candidate, errors) = isJson
            ? FrameworkJson.Read(text, limits)
            : new FrameworkVersionFields(Id, Family, NameVi, NameEn, ValidFrom, ValidTo).WithFile(file, limits);
        if (candidate is { } parsed)
        {
            var saved = await frameworks.ImportAsync(parsed, HttpContext.ToActor(), cancellationToken);
            (candidate, errors) = (saved.Value, saved.Problems);
        }

        if (candidate is null)
        {
            Errors = new ProblemList(errors, Labels);
            return Page();
        }

        return Redirect("/frameworks/" + Uri.EscapeDataString(candidate.Id));
    }
}
