using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Reporting.Consolidation;
using ChiSo.Reporting.Periods;
using ChiSo.Web.Api;
using ChiSo.Web.Auth;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// /plans/{id}/consolidation/{period}: a period's consolidation for the plan's coordinators (and, read-only, leaders) —
/// the narrative drafted from the accepted reports to edit and save, the consolidated report as DOCX and XLSX, and the
/// follow-up letter to the units that still owe reports with the new deadline chosen here. Everything works without
/// JavaScript: the period selector is a plain GET form, every action a form. The period is the route's, never a field's.
/// </summary>
public sealed class ConsolidationModel(NarrativeService narratives, ConsolidationDocuments documents, PlanPeriods periods, TimeProvider clock, PlanAccess access)
    : PlanPage(access)
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["opening"] = ("Phần mở đầu", "Opening"), ["summary"] = ("Kết quả chung", "General result"), ["difficulties"] = ("Khó khăn, vướng mắc", "Difficulties"),
        ["proposals"] = ("Đề xuất, kiến nghị", "Proposals"), ["text"] = ("Kết quả theo lĩnh vực", "Results by dimension"),
        ["code"] = ("Lĩnh vực", "Dimension"), ["revision"] = ("Phiên bản", "Revision"), ["deadline"] = ("Hạn mới", "New deadline"),
        ["period"] = ("Kỳ báo cáo", "Reporting period"), ["from"] = ("Cơ quan gửi công văn", "Sent by"), ["confirm"] = ("Xác nhận", "Confirmation"),
    };

    public NarrativeView View { get; private set; } = null!;

    /// <summary>What the form shows: the narrative as read, or what the coordinator posted when it could not be saved.</summary>
    public NarrativeText Shown { get; private set; } = null!;

    /// <summary>After a conflict: the text someone else saved meanwhile, shown beside the coordinator's own.</summary>
    public NarrativeText? SavedMeanwhile { get; private set; }

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    /// <summary>The units late or missing, those that still owe (the letter's addressees), the letter's default deadline.</summary>
    public FollowUpOutlook FollowUp { get; private set; } = null!;

    /// <summary>The deadline field as typed, when the letter was refused.</summary>
    public string? Deadline { get; private set; }

    /// <summary>The department chosen to send the letter ("" for the plan's body), when the letter was refused.</summary>
    public string? From { get; private set; }

    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Opening { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Difficulties { get; set; }
    [BindProperty] public string? Proposals { get; set; }
    [BindProperty] public List<ResultField> Results { get; set; } = [];
    [BindProperty] public bool Confirm { get; set; }

    /// <summary>Reading and downloading are for the plan's coordinators and leaders; every post changes the narrative and is for coordinators.</summary>
    protected override bool Changes(PageHandlerExecutingContext context) => HttpMethods.IsPost(context.HttpContext.Request.Method);

    public static string Path(int planId, string? period = null) =>
        "/plans/" + planId.ToString(CultureInfo.InvariantCulture) + "/consolidation" + (period is null ? "" : "/" + period);

    public async Task<IActionResult> OnGetAsync([FromRoute] string? period, CancellationToken cancellationToken)
    {
        if (period is null)
        {
            // The selector's GET form sends ?period=; without one, the latest period whose due date has passed.
            var chosen = Request.Query["period"].ToString();
            return Redirect(Path(PlanId, chosen.Length > 0 && ReportingPeriod.TryParse(chosen, out var p) ? p.Id : await DefaultPeriodAsync(cancellationToken)));
        }

        return await ShowAsync(period, cancellationToken);
    }

    public async Task<IActionResult> OnGetDocxAsync([FromRoute] string? period, CancellationToken cancellationToken) =>
        await ReportFileAsync(period, r => ConsolidatedReportDocx.Write(r), PlanEndpoints.DocxType, "bao-cao", "docx", cancellationToken);

    public async Task<IActionResult> OnGetXlsxAsync([FromRoute] string? period, CancellationToken cancellationToken) =>
        await ReportFileAsync(period, r => ConsolidatedReportXlsx.Write(r), PlanEndpoints.XlsxType, "tong-hop", "xlsx", cancellationToken);

    /// <summary>The follow-up letter with the deadline typed (yyyy-MM-dd from the date field), or the default; a refused deadline is shown on the page.</summary>
    public async Task<IActionResult> OnGetLetterAsync([FromRoute] string? period, CancellationToken cancellationToken)
    {
        var typed = Request.Query["deadline"].ToString().Trim();
        DateOnly? deadline = null;
        if (typed.Length > 0)
        {
            if (!DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Deadline = typed;
                return await ShowAsync(period ?? "", cancellationToken, [Problem.Invalid("deadline", "Chọn ngày của hạn mới.", "Choose the new deadline's date.")]);
            }

            deadline = parsed;
        }

        From = Request.Query["from"].ToString();
        var letter = await documents.LetterAsync(Rights, PlanId, period ?? "", deadline, From, cancellationToken);
        if (letter is { Succeeded: true, Value: { } value })
        {
            return File(FollowUpLetterDocx.Write(value), PlanEndpoints.DocxType, PlanEndpoints.ConsolidationFileName("don-doc", value.PlanName, value.Period, "docx"));
        }

        Deadline = typed;
        return Refused(letter) ?? await ShowAsync(period ?? "", cancellationToken, letter.Problems);
    }

    public async Task<IActionResult> OnPostSaveAsync([FromRoute] string? period, CancellationToken cancellationToken)
    {
        var input = new NarrativeInput(Opening, Summary, Results.Select(r => new NarrativeSectionInput(r.Code, r.Text)).ToList(), Difficulties, Proposals);
        var saved = await narratives.SaveAsync(Rights, PlanId, period ?? "", input, Revision, HttpContext.ToActor(), cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect(Path(PlanId, period) + "?saved=1");
        }

        return Refused(saved) ?? await ShowAsync(period ?? "", cancellationToken, saved.Problems, posted: true);
    }

    /// <summary>"Soạn lại từ báo cáo": replaces the saved text, only when the coordinator ticked that they mean it.</summary>
    public async Task<IActionResult> OnPostRedraftAsync([FromRoute] string? period, CancellationToken cancellationToken)
    {
        if (!Confirm)
        {
            return await ShowAsync(period ?? "", cancellationToken, [Problem.Required("confirm",
                "Đánh dấu ô xác nhận để thay nội dung đã sửa bằng bản soạn mới.", "Tick the box to replace the edited text with a new draft.")]);
        }

        var redrafted = await narratives.RedraftAsync(Rights, PlanId, period ?? "", Revision, HttpContext.ToActor(), cancellationToken);
        return redrafted.Succeeded ? Redirect(Path(PlanId, period) + "?redrafted=1") : Refused(redrafted) ?? await ShowAsync(period ?? "", cancellationToken, redrafted.Problems);
    }

    private async Task<IActionResult> ReportFileAsync(string? period, Func<ConsolidatedReport, byte[]> write, string type, string prefix, string extension,
        CancellationToken cancellationToken)
    {
        var report = await documents.ReportAsync(Rights, PlanId, period ?? "", cancellationToken);
        return report is { Succeeded: true, Value: { } value }
            ? File(write(value), type, PlanEndpoints.ConsolidationFileName(prefix, value.Rollup.PlanName, value.Rollup.Period, extension))
            : Refused(report) ?? NotFound();
    }

    /// <summary>Not found and forbidden answer as pages do; other problems are shown on the page (null).</summary>
    private IActionResult? Refused<T>(Outcome<T> outcome) => outcome.IsNotFound ? NotFound() : outcome.IsForbidden ? Forbid() : null;

    private async Task<IActionResult> ShowAsync(string period, CancellationToken cancellationToken, IReadOnlyList<Problem>? problems = null, bool posted = false)
    {
        var read = await narratives.ReadAsync(Rights, PlanId, period, cancellationToken);
        if (read is not { Succeeded: true, Value: { } view })
        {
            return Refused(read) ?? NotFound();
        }

        View = view;
        Shown = view.Text;
        if (posted)
        {
            // Keep what the coordinator wrote; after a conflict, show what was saved meanwhile and edit on top of it.
            var titles = view.Text.Results.ToDictionary(r => r.Code, r => r.Title, StringComparer.Ordinal);
            Shown = new NarrativeText(Opening ?? "", Summary ?? "",
                [.. Results.Select(r => new NarrativeSection(r.Code ?? "", titles.GetValueOrDefault(r.Code ?? "") ?? r.Code ?? "", r.Text ?? ""))], Difficulties ?? "", Proposals ?? "");
            if (problems?.Any(p => p.Code == ProblemCodes.Conflict) == true)
            {
                SavedMeanwhile = view.Text;
                Revision = view.Revision;
            }
        }
        else
        {
            Revision = view.Revision;
        }

        Problems = new ProblemList(problems ?? [], Labels);
        FollowUp = await documents.OutlookAsync(view, cancellationToken);
        return Page();
    }

    private async Task<string> DefaultPeriodAsync(CancellationToken cancellationToken)
    {
        var read = await periods.ListAsync(PlanId, cancellationToken);
        var today = clock.VietNamToday();
        return (read.LastOrDefault(p => p.UnitDue < today) ?? (read.Count > 0 ? read[0] : null))?.Key ?? "none";
    }

    /// <summary>One dimension's paragraph as the form posts it.</summary>
    public sealed class ResultField
    {
        public string? Code { get; set; }

        public string? Text { get; set; }
    }
}
