using System.Text;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Units;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Web.Pages.Units;

/// <summary>
/// /units/registry: a province's organisations (departments, agencies, communes, historic districts) with their
/// validity, the imports that fill it, and the hand-made groups tasks can be assigned to.
/// </summary>
public sealed class RegistryModel(ChiSoDbContext db, OrganisationImport organisations, UnitGroupService groups, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Unit> Provinces { get; private set; } = [];
    public Unit? Province { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<UnitGroup> Groups { get; private set; } = [];
    private static readonly IReadOnlyDictionary<string, (string Vi, string En)> Labels = new Dictionary<string, (string Vi, string En)>
    {
        ["file"] = ("Tệp", "File"),
        ["group"] = ("Nhóm", "Group"),
        ["province"] = ("Tỉnh", "Province"),
    };

    /// <summary>The import's or the group form's problems (the first 200 and how many more).</summary>
    public ProblemList Errors { get; private set; } = ProblemList.Empty;
    public string? Message { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

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
            return new OrganisationImportOutcome(0, 0, 0, [Problem.Required("file", "Chọn tệp CSV.", "Choose a CSV file.")]);
        }

        await using var content = Upload.OpenReadStream();
        var file = await ChiSo.Intake.IntakeFile.FromStreamAsync(content, Upload.FileName, Upload.ContentType, cancellationToken);
        return await organisations.ImportFileAsync(code, file, HttpContext.ToActor(), cancellationToken);
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
        return Done(result.Succeeded ? null : Problem.Invalid("group", result.ErrorVi!, result.ErrorEn!), "group");
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
        return Done(result.Succeeded ? null : Problem.Invalid("group", result.ErrorVi!, result.ErrorEn!), "deleted");
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

        Errors = new ProblemList(outcome.Errors, Labels);
        return Page();
    }

    private IActionResult Done(Problem? error, string done)
    {
        if (error is null)
        {
            return Redirect($"/units/registry?provinceCode={Province!.Code}&done={done}");
        }

        Errors = new ProblemList([error], Labels);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Provinces = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.ValidTo == null).ToListAsync(cancellationToken))
            .OrderBy(u => u.Name, ChiSo.Text.VietnameseText.Comparer).ToList();
        ProvinceCode ??= ChiSo.Seeding.DemoSeeder.DemoProvinceCode;
        Province = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.Code == ProvinceCode).ToListAsync(cancellationToken))
            .OrderBy(u => u.ValidTo is null ? 0 : 1).FirstOrDefault();
        if (Province is null)
        {
            return;
        }

        var predecessors = await db.UnitPredecessors.AsNoTracking().Where(p => p.UnitId == Province.Id).Select(p => p.Predecessor!).ToListAsync(cancellationToken);
        HistoricCodes = predecessors.Count > 0 ? predecessors.Select(p => p.Code).Order(StringComparer.Ordinal).ToList() : [Province.Code];
        var ids = predecessors.Select(p => p.Id).Append(Province.Id).ToList();
        Units = (await db.Units.AsNoTracking().Include(u => u.Parent)
                .Where(u => (u.ParentId != null && ids.Contains(u.ParentId.Value)) || (u.Parent!.ParentId != null && ids.Contains(u.Parent.ParentId.Value)))
                .ToListAsync(cancellationToken))
            .OrderBy(u => u.Kind).ThenBy(u => u.Name, ChiSo.Text.VietnameseText.Comparer).ToList();
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
