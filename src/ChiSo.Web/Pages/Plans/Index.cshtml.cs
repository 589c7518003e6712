using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Units;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>/plans: every plan; coordinators start one from scratch, from the gap analysis, or as a copy of last year's.</summary>
public sealed class IndexModel(UnitDirectory units, PlanQueries plans, PlanService service, PlanDrafter drafter, PlanAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<Unit> Provinces { get; private set; } = [];
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public int ThisYear => clock.GetLocalNow().Year;
    public bool CanCreate { get; private set; }

    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string Family { get; set; } = "papi";
    [BindProperty] public int? ResultYear { get; set; }
    [BindProperty] public int Weakest { get; set; } = 5;
    [BindProperty] public int? CopyOf { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>A blank draft with the province's usual header.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var province = await ProvinceAsync(cancellationToken);
        var year = Year ?? ThisYear;
        if (province is null)
        {
            return await FailAsync([Problem.Required("province", "Chọn tỉnh.", "Choose a province.")], cancellationToken);
        }

        if (!await access.CanEditAsync(User, province.Id, null, cancellationToken))
        {
            return Forbid();
        }

        var header = PlanDrafter.BlankHeader(province, Family, year);
        if (!string.IsNullOrWhiteSpace(Title))
        {
            header = header with { Title = Title };
        }
        var result = await service.CreateAsync(province.Id, header, [], [], HttpContext.ToActor(), cancellationToken);
        return result.Succeeded ? Redirect($"/plans/{result.Value}") : await FailAsync(result.Problems, cancellationToken);
    }

    /// <summary>A draft proposed from the weakest sub-dimensions of the chosen result year.</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        var province = await ProvinceAsync(cancellationToken);
        if (province is null || ResultYear is null)
        {
            return await FailAsync([Problem.Required("province", "Chọn tỉnh và năm kết quả.", "Choose a province and a result year.")], cancellationToken);
        }

        if (!await access.CanEditAsync(User, province.Id, null, cancellationToken))
        {
            return Forbid();
        }

        var result = await drafter.DraftAsync(new DraftRequest(province.Id, Family, ResultYear.Value, Year ?? ThisYear, Weakest), HttpContext.ToActor(), cancellationToken);
        return result.Succeeded ? Redirect($"/plans/{result.Value}") : await FailAsync(result.Problems, cancellationToken);
    }

    /// <summary>Last year's plan as a new draft for <see cref="Year"/>: same tasks and assignees, timeframes re-read for the new year.</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        var source = CopyOf is { } sourceId ? await plans.ViewAsync(sourceId, cancellationToken: cancellationToken) : null;
        if (source is not null && !await access.CanEditAsync(User, source.ProvinceId, null, cancellationToken))
        {
            return Forbid();
        }

        var result = CopyOf is { } id
            ? await service.CopyAsync(id, Year ?? ThisYear, HttpContext.ToActor(), cancellationToken)
            : Problem.Required("copyOf", "Chọn kế hoạch để sao chép.", "Choose a plan to copy.");
        return result.Succeeded ? Redirect($"/plans/{result.Value}") : await FailAsync(result.Problems, cancellationToken);
    }

    private async Task<IActionResult> FailAsync(IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        Problems = PlanDisplay.Problems(problems);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanCreate = await access.CoordinatesAnyAsync(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, User.IsInRole, cancellationToken);
        Plans = await plans.ListAsync(cancellationToken: cancellationToken);
        Provinces = await units.ProvincesAsync(cancellationToken: cancellationToken);
        Province ??= Plans.Count > 0 ? Provinces.FirstOrDefault(p => p.Id == Plans[0].ProvinceId)?.Code : null;
    }

    private Task<Unit?> ProvinceAsync(CancellationToken cancellationToken) => units.ProvinceAsync(Province, cancellationToken: cancellationToken);
}
