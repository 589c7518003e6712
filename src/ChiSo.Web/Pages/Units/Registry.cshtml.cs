using System.Text;
using ChiSo.Common;
using ChiSo.Units;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Units;

/// <summary>
/// /units/registry: a province's organisations (departments, agencies, communes, historic districts) with their
/// validity, the imports that fill it, and the hand-made groups tasks can be assigned to.
/// </summary>
public sealed class RegistryModel(UnitDirectory directory, OrganisationImport organisations, UnitGroupService groups, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Unit> Provinces { get; private set; } = [];
    public Unit? Province { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<UnitGroup> Groups { get; private set; } = [];
    public IReadOnlyList<ErrorRow> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public DateOnly Today => clock.VietNamToday();

    [BindProperty(SupportsGet = true)] public string? ProvinceCode { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? GroupName { get; set; }
    [BindProperty] public List<int> Members { get; set; } = [];
    [BindProperty] public int? GroupId { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostCommunesAsync(CancellationToken cancellationToken) =>
        ImportAsync(code => organisations.ImportCommunesAsync(code, HttpContext.ToActor(), cancellationToken), cancellationToken);

    /// <summary>The districts and communes before 2025 of the province and, for a merged one, of each predecessor.</summary>
    public Task<IActionResult> OnPostHistoricAsync(CancellationToken cancellationToken) => ImportAsync(async code =>
    {
        var total = new OrganisationImportOutcome(0, 0, 0, []);
        foreach (var source in HistoricCodes)
        {
            var outcome = await organisations.ImportHistoricCommunesAsync(source, HttpContext.ToActor(), cancellationToken);
            if (!outcome.Succeeded)
            {
                return outcome;
            }

            total = new OrganisationImportOutcome(total.Added + outcome.Added, total.Updated + outcome.Updated, total.Unchanged + outcome.Unchanged, []);
        }

        return total;
    }, cancellationToken);

    /// <summary>Province codes whose pre-2025 units belong to this province's history.</summary>
    public IReadOnlyList<string> HistoricCodes { get; private set; } = [];

    public Task<IActionResult> OnPostCsvAsync(CancellationToken cancellationToken) => ImportAsync(async code =>
    {
        if (Upload is not { Length: > 0 })
        {
            return new OrganisationImportOutcome(0, 0, 0, [new OrganisationError(0, "file", "Chọn tệp CSV.", "Choose a CSV file.")]);
        }

        using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await organisations.ImportCsvAsync(code, await reader.ReadToEndAsync(cancellationToken), HttpContext.ToActor(), cancellationToken);
    }, cancellationToken);

    public async Task<IActionResult> OnPostGroupAsync(CancellationToken cancellationToken)
    {
        if (!PlanDisplay.CanEdit(User))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (Province is null)
        {
            return NotFound();
        }

        var result = await groups.SaveAsync(Province.Id, GroupId, GroupName ?? "", Members, HttpContext.ToActor(), cancellationToken);
        return Done(result, "group");
    }

    public async Task<IActionResult> OnPostDeleteGroupAsync(CancellationToken cancellationToken)
    {
        if (!PlanDisplay.CanEdit(User))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (Province is null || GroupId is null)
        {
            return NotFound();
        }

        var result = await groups.DeleteAsync(Province.Id, GroupId.Value, HttpContext.ToActor(), cancellationToken);
        return Done(result, "deleted");
    }

    private async Task<IActionResult> ImportAsync(Func<string, Task<OrganisationImportOutcome>> import, CancellationToken cancellationToken)
    {
        if (!PlanDisplay.CanEdit(User))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (Province is null)
        {
            return NotFound();
        }

        var outcome = await import(Province.Code);
        if (outcome.Succeeded)
        {
            return Redirect($"/units/registry?provinceCode={Province.Code}&done={outcome.Added}-{outcome.Updated}-{outcome.Unchanged}");
        }

        Errors = outcome.Errors.Select(e => new ErrorRow(e.Row, e.Column, e.MessageVi, e.MessageEn)).ToList();
        return Page();
    }

    private IActionResult Done(Outcome<int> result, string done)
    {
        if (result.Succeeded)
        {
            return Redirect($"/units/registry?provinceCode={Province!.Code}&done={done}");
        }

        GroupProblems = new ProblemList(result.Problems, GroupLabels);
        return Page();
    }

    /// <summary>The units a hand-made group can hold today, for the group form's unit picker (posted as unit ids).</summary>
    public IReadOnlyList<AssigneeOption> MemberOptions => Units.Where(u => u.IsValidOn(Today))
        .Select(u => new AssigneeOption(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.FullName,
            u.Kind == UnitKind.Commune ? "commune" : u.Kind == UnitKind.District ? "district" : "body"))
        .ToList();

    /// <summary>Problems of the group form, naming its fields as the form labels them.</summary>
    public ProblemList GroupProblems { get; private set; } = ProblemList.Empty;

    private static readonly IReadOnlyDictionary<string, (string Vi, string En)> GroupLabels = new Dictionary<string, (string Vi, string En)>(StringComparer.Ordinal)
    {
        ["name"] = ("Tên nhóm", "Group name"), ["units"] = ("Đơn vị trong nhóm", "Members"), ["group"] = ("Nhóm", "Group"),
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Provinces = await directory.ProvincesAsync(cancellationToken: cancellationToken);
        Province = ProvinceCode is { Length: > 0 }
            ? await directory.ProvinceAsync(ProvinceCode, cancellationToken: cancellationToken)
            : await directory.HomeProvinceAsync(cancellationToken);
        if (Province is null)
        {
            return;
        }

        ProvinceCode = Province.Code;
        var predecessors = await directory.PredecessorsAsync(Province.Id, cancellationToken);
        HistoricCodes = predecessors.Count > 0 ? predecessors.Select(p => p.Code).Order(StringComparer.Ordinal).ToList() : [Province.Code];
        Units = await directory.InProvinceAsync(Province.Id, withPredecessors: true, cancellationToken: cancellationToken);
        Groups = await groups.ListAsync(Province.Id, cancellationToken);
    }

    public static string Kind(UnitKind kind, UiText t) => kind switch
    {
        UnitKind.District => t["Huyện (trước 01/7/2025)", "District (before 1 July 2025)"],
        UnitKind.Commune => t["Xã, phường", "Commune/ward"],
        UnitKind.Department => t["Sở, ban, ngành", "Department"],
        UnitKind.CentralAgency => t["Cơ quan trung ương tại tỉnh", "Central agency"],
        UnitKind.PublicService => t["Đơn vị sự nghiệp", "Public service unit"],
        UnitKind.StateCompany => t["Doanh nghiệp nhà nước", "State company"],
        UnitKind.MassOrganisation => t["Tổ chức chính trị - xã hội", "Mass organisation"],
        _ => t["Khác", "Other"],
    };
}
