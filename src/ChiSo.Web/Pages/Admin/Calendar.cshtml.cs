using System.Globalization;
using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Reporting.Calendar;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.Admin;

/// <summary>
/// /admin/calendar/{year}: the working calendar due dates are counted on. The fixed holidays are shown as ChiSo knows
/// them; an admin enters each year's lunar holidays (Tết, the Hùng Kings' day) and the days the Government swaps. The
/// day changed is named by the route (/admin/calendar/2026/2026-02-16), never by the posted form; each change audited.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class CalendarModel(CalendarService calendar, TimeProvider clock) : PageModel
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["date"] = ("Ngày", "Date"),
        ["kind"] = ("Loại ngày", "Kind of day"),
        ["nameVi"] = ("Tên ngày", "Name"),
    };

    [FromRoute] public int? Year { get; set; }

    public int ShownYear => Year ?? clock.VietNamToday().Year;

    public IReadOnlyList<CalendarDay> Entered { get; private set; } = [];

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public CalendarDayKind Kind { get; set; }
    [BindProperty] public string? NameVi { get; set; }
    [BindProperty] public string? NameEn { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entered = await calendar.EnteredAsync(ShownYear, cancellationToken);

    public async Task<IActionResult> OnPostSetAsync(CancellationToken cancellationToken)
    {
        if (Date is not { } date)
        {
            return await FailedAsync([Problem.Required("date", "Chọn ngày.", "Choose the date.")], cancellationToken);
        }

        var saved = await calendar.SetAsync(date, Kind, NameVi, NameEn, HttpContext.ToActor(), cancellationToken);
        return saved.Succeeded ? Redirect(Path(date.Year) + "?saved=1") : await FailedAsync(saved.Problems, cancellationToken);
    }

    /// <summary>Removes the entry of the date in the route.</summary>
    public async Task<IActionResult> OnPostRemoveAsync([FromRoute] string? day, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return NotFound();
        }

        var removed = await calendar.RemoveAsync(date, HttpContext.ToActor(), cancellationToken);
        return removed.Succeeded ? Redirect(Path(date.Year) + "?saved=1") : removed.IsNotFound ? NotFound() : await FailedAsync(removed.Problems, cancellationToken);
    }

    public static string Path(int year) => "/admin/calendar/" + year.ToString(CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IActionResult> FailedAsync(IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        Problems = new ProblemList(problems, Labels);
        Year ??= Date?.Year;
        Entered = await calendar.EnteredAsync(ShownYear, cancellationToken);
        return Page();
    }
}
