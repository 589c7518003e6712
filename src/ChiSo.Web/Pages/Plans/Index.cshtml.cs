using ChiSo.Accounts;
using ChiSo.Analysis;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Results;
using ChiSo.Units;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Plans;

/// <summary>/plans: every plan; coordinators start one from scratch, from the gap analysis, or as a copy of last year's.</summary>
public sealed class IndexModel(UnitDirectory units, PlanQueries plans, PlanService service, PlanDrafter drafter, PlanAccess access, ResultsQueries results,
    TimeProvider clock) : PageModel
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<Unit> Provinces { get; private set; } = [];
    public ProblemList Problems { get; private set; } = ProblemList.Empty;
    public int ThisYear => ChiSo.Common.VietNamClock.VietNamToday(clock).Year;
    public bool CanCreate { get; private set; }
    public string? Deleted { get; private set; }

    /// <summary>The plans the user may copy: those of provinces where they may start a plan.</summary>
    public IReadOnlyList<PlanSummary> CopySources { get; private set; } = [];

    /// <summary>Years with results, newest first, per index the draft form offers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> ResultYears { get; private set; } = new Dictionary<string, IReadOnlyList<int>>();

    /// <summary>The indices a plan can be drafted from, as the form lists them.</summary>
    public static IReadOnlyList<(string Id, string Name)> DraftFamilies { get; } = ChiSo.Frameworks.IndexFamilies.Drafted.Select(f => (f, ChiSo.Frameworks.IndexFamilies.Label(f))).ToList();

    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string Family { get; set; } = ChiSo.Frameworks.IndexFamilies.Papi;
    [BindProperty] public int? ResultYear { get; set; }
    [BindProperty] public int Weakest { get; set; } = WeakAreaRule.DefaultDimensions;
    [BindProperty] public int? CopyOf { get; set; }

    public async Task OnGetAsync(string? deleted, CancellationToken cancellationToken)
    {
        Deleted = deleted;
        await LoadAsync(cancellationToken);
    }

    /// <summary>A blank draft with the province's usual header.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var province = await ProvinceAsync(cancellationToken);
        var year = Year ?? ThisYear;
        if (province is null)
        {
            return await FailAsync([Problem.Required("province", "Chọn tỉnh.", "Choose a province.")], cancellationToken);
        }

        if (!(await access.RightsAsync(User, cancellationToken)).CanEdit(province.Id, null))
        {
            return Forbid();
        }

        var header = await drafter.BlankHeaderAsync(province, Family, year, cancellationToken);
        if (!string.IsNullOrWhiteSpace(Title))
        {
            header = header with { Title = Title };
        }
        var result = await service.CreateAsync(province.Id, header, [], [], HttpContext.ToActor(), cancellationToken);
        return result.Succeeded ? Redirect($"/plans/{result.Value}") : await FailAsync(result.Problems, cancellationToken);
    }

    /// <summary>
    /// A draft proposed from the weak areas of the chosen result year; no year chosen means the latest year with results
    /// of that index for that province, so the first click works.
    /// </summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        var province = await ProvinceAsync(cancellationToken);
        var problems = new List<Problem>();
        if (province is null)
        {
            problems.Add(Problem.Required("province", "Chọn tỉnh, thành phố.", "Choose a province."));
        }

        if (!DraftFamilies.Any(f => f.Id == Family))
        {
            problems.Add(Problem.Invalid("family", "Chọn chỉ số PAPI hoặc PAR Index.", "Choose PAPI or the PAR Index."));
        }

        if (Weakest is < 1 or > WeakAreaRule.MaxDimensions)
        {
            problems.Add(Problem.Invalid("weakest", $"Chọn từ 1 đến {WeakAreaRule.MaxDimensions}.", $"Choose 1 to {WeakAreaRule.MaxDimensions}."));
        }

        if (problems.Count > 0 || province is null)
        {
            return await FailAsync(problems, cancellationToken);
        }

        if (!(await access.RightsAsync(User, cancellationToken)).CanEdit(province.Id, null))
        {
            return Forbid();
        }

        var result = await drafter.DraftAsync(new DraftRequest(province.Id, Family, ResultYear, Year ?? ThisYear, Weakest), HttpContext.ToActor(), cancellationToken);
        return result.Succeeded ? Redirect($"/plans/{result.Value}") : await FailAsync(result.Problems, cancellationToken);
    }

    /// <summary>
    /// Last year's plan as a new draft for <see cref="Year"/>: same tasks and assignees, timeframes re-read for the
    /// new year. The source must be a plan the user may read (one they may not is answered as one that does not
    /// exist), and the copy lands in the source's province, where the user must be allowed to start plans.
    /// </summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        if (CopyOf is not { } sourceId)
        {
            return await FailAsync([Problem.Required("copyOf", "Chọn kế hoạch để sao chép.", "Choose a plan to copy.")], cancellationToken);
        }

        var rights = await access.RightsAsync(User, cancellationToken);
        if ((await plans.ReadAsync(rights, sourceId, cancellationToken: cancellationToken)).Value is not { } source)
        {
            return await FailAsync([Problem.NotFound("Không tìm thấy kế hoạch nguồn.", "The plan to copy was not found.") with { Field = "copyOf" }], cancellationToken);
        }

        if (!rights.CanEdit(source.ProvinceId, null))
        {
            return Forbid();
        }

        var result = await service.CopyAsync(sourceId, Year ?? ThisYear, HttpContext.ToActor(), cancellationToken);
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
        var rights = await access.RightsAsync(User, cancellationToken);
        CanCreate = rights.StartsPlans;
        Plans = await plans.ListAsync(rights, cancellationToken: cancellationToken);
        CopySources = Plans.Where(p => rights.CanEdit(p.ProvinceId, null)).ToList();
        // Only the provinces where the user may start a plan are offered.
        Provinces = (await units.ProvincesAsync(cancellationToken: cancellationToken)).Where(p => rights.CanEdit(p.Id, null)).ToList();
        Province ??= Plans.Count > 0 ? Provinces.FirstOrDefault(p => p.Id == Plans[0].ProvinceId)?.Code : null;
        var years = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var (family, _) in DraftFamilies)
        {
            years[family] = await results.YearsAsync(family, cancellationToken);
        }

        ResultYears = years;
    }

    private Task<Unit?> ProvinceAsync(CancellationToken cancellationToken) => units.ProvinceAsync(Province, cancellationToken: cancellationToken);
}
