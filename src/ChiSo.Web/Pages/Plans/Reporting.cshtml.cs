using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Reporting.Reminders;
using ChiSo.Reporting.Setup;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/{id}/reporting: the plan's reporting periods with their data windows and due dates, a rule "N working days
/// after the period ends" for all of them, whether unit heads approve reports, and the reminder days around each due date. Everyone who reads the plan sees
/// it; its coordinators change it. The period changed is the route's (/plans/{id}/reporting/2026-Q1), never the form's.
/// </summary>
public sealed class ReportingModel(ReportingSetup setup, ReminderSetup reminders, PlanAccess access) : PlanPage(access)
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["dataFrom"] = ("Số liệu từ ngày", "Data from"), ["dataTo"] = ("Số liệu đến ngày", "Data to"), ["unitDue"] = ("Hạn đơn vị gửi", "Units' due date"),
        ["consolidatedDue"] = ("Hạn báo cáo tổng hợp", "Consolidated report due"), ["unitWorkingDays"] = ("Số ngày làm việc (đơn vị)", "Working days (units)"),
        ["consolidatedWorkingDays"] = ("Số ngày làm việc (tổng hợp)", "Working days (consolidated)"), ["status"] = ("Trạng thái kế hoạch", "Plan status"),
        ["before"] = ("Nhắc trước hạn (ngày)", "Remind before (days)"), ["after"] = ("Nhắc sau hạn (ngày)", "Remind after (days)"),
    };

    public ReportingSetupView View { get; private set; } = null!;

    public ReminderSettingsView Reminders { get; private set; } = null!;

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    /// <summary>Whether the user follows the plan's reporting on its dashboard: its coordinators and leaders.</summary>
    public bool FollowsUp => View.CanChange || Rights.ReadsAllIssued;

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    /// <summary>The period whose form failed, to show its problems beside it.</summary>
    public string? FailedPeriod { get; private set; }

    [BindProperty] public DateOnly? DataFrom { get; set; }
    [BindProperty] public DateOnly? DataTo { get; set; }
    [BindProperty] public DateOnly? UnitDue { get; set; }
    [BindProperty] public DateOnly? ConsolidatedDue { get; set; }
    [BindProperty] public int? UnitWorkingDays { get; set; }
    [BindProperty] public int? ConsolidatedWorkingDays { get; set; }
    [BindProperty] public bool UnitHeadApproval { get; set; }
    [BindProperty] public string? RemindBefore { get; set; }
    [BindProperty] public string? RemindAfter { get; set; }

    protected override bool Changes(PageHandlerExecutingContext context) => HttpMethods.IsPost(context.HttpContext.Request.Method);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Sets the dates of the period in the route.</summary>
    public async Task<IActionResult> OnPostPeriodAsync([FromRoute] string? period, CancellationToken cancellationToken)
    {
        var saved = await setup.SetPeriodAsync(Rights, PlanId, period ?? "", new PeriodDates(DataFrom, DataTo, UnitDue, ConsolidatedDue), HttpContext.ToActor(), cancellationToken);
        if (saved.IsNotFound)
        {
            return NotFound();
        }

        if (!saved.Succeeded)
        {
            FailedPeriod = period;
            return await FailedAsync(saved.Problems, cancellationToken);
        }

        Notices = saved.Value!;
        return Notices.Count == 0 ? Redirect(Path(PlanId) + "?saved=1") : await ShownAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken cancellationToken)
    {
        var saved = await setup.ApplyWorkingDaysAsync(Rights, PlanId, UnitWorkingDays, ConsolidatedWorkingDays, HttpContext.ToActor(), cancellationToken);
        return saved.Succeeded ? Redirect(Path(PlanId) + "?saved=1") : await FailedAsync(saved.Problems, cancellationToken);
    }

    public async Task<IActionResult> OnPostApprovalAsync(CancellationToken cancellationToken)
    {
        var saved = await setup.SetUnitHeadApprovalAsync(Rights, PlanId, UnitHeadApproval, HttpContext.ToActor(), cancellationToken);
        return saved.Succeeded ? Redirect(Path(PlanId) + "?saved=1") : await FailedAsync(saved.Problems, cancellationToken);
    }

    /// <summary>The reminder days ("3", "1,5"), checked and saved for the plan in the route.</summary>
    public async Task<IActionResult> OnPostRemindersAsync(CancellationToken cancellationToken)
    {
        var days = ReminderDays.Parse(RemindBefore, RemindAfter);
        var saved = days.Succeeded ? await reminders.SetAsync(Rights, PlanId, days.Value!, HttpContext.ToActor(), cancellationToken) : days;
        return saved.Succeeded ? Redirect(Path(PlanId) + "?saved=1#reminders-title") : await FailedAsync(saved.Problems, cancellationToken);
    }

    public static string Path(int planId) => "/plans/" + planId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/reporting";

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if ((await setup.ReadAsync(Rights, PlanId, cancellationToken)).Value is not { } view)
        {
            return false;
        }

        View = view;
        Reminders = (await reminders.ReadAsync(Rights, PlanId, cancellationToken)).Value!;
        return true;
    }

    private async Task<IActionResult> ShownAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    private async Task<IActionResult> FailedAsync(IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        Problems = new ProblemList(problems, Labels);
        return await ShownAsync(cancellationToken);
    }
}
