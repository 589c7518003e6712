using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Reports;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.My;

/// <summary>
/// /my/reports/{obligationId}: one unit's report on one task for one period — the focal point writes it (starting from
/// the previous period's), saves, submits, or submits it "unchanged since last period" in one click; the unit head
/// approves; the coordinator accepts, returns with a comment or reopens with a reason. The obligation is the route's;
/// who may do what is decided on it by <see cref="ReportService"/> (someone else's report: not found). Its attachments
/// are in Report.Attachments.cs.
/// </summary>
[Authorize]
public sealed partial class ReportModel(ReportService reports, ReportAttachments attachments, PlanAccess access) : PageModel
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Labels { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["result"] = ("Kết quả thực hiện", "Result"), ["evidence"] = ("Văn bản, minh chứng", "Evidence"), ["difficulties"] = ("Khó khăn, vướng mắc", "Difficulties"),
        ["proposals"] = ("Đề xuất, kiến nghị", "Proposals"), ["comment"] = ("Nhận xét", "Comment"), ["reason"] = ("Lý do", "Reason"), ["state"] = ("Trạng thái", "State"),
        ["file"] = ("Tệp đính kèm", "Attachment"), ["achievedValue"] = ("Giá trị đạt được", "Value achieved"), ["completedOn"] = ("Ngày hoàn thành", "Completed on"),
    };

    [FromRoute] public int ObligationId { get; set; }

    public ReportView View { get; private set; } = null!;

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    [BindProperty] public int Revision { get; set; }
    [BindProperty] public DateOnly? CompletedOn { get; set; }
    [BindProperty] public string? AchievedValue { get; set; }
    [BindProperty] public string? Result { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public string? Difficulties { get; set; }
    [BindProperty] public string? Proposals { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Request.Query.ContainsKey(AttachmentUploadLimitFilter.Query))
        {
            // Back from an upload past the limit (AttachmentUploadLimitFilter): say so beside the upload control.
            Problems = new ProblemList([AttachmentProblems.TooLarge(attachments.Options.MaxBytes)], Labels);
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken) => SaveAsync(submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) => SaveAsync(submit: true, cancellationToken);

    /// <summary>"Không thay đổi so với kỳ trước": the previous period's report, submitted as it is.</summary>
    public async Task<IActionResult> OnPostUnchangedAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return await DoneAsync(await reports.SaveAndSubmitAsync(await CallerAsync(cancellationToken), ObligationId, View.StartFrom, Revision, HttpContext.ToActor(),
            cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) => StepAsync(r => r.ApproveAsync, Revision, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) => StepAsync(r => r.AcceptAsync, Revision, cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) =>
        await DoneAsync(await reports.ReturnAsync(await CallerAsync(cancellationToken), ObligationId, Revision, Comment, HttpContext.ToActor(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        await DoneAsync(await reports.ReopenAsync(await CallerAsync(cancellationToken), ObligationId, Revision, Comment, HttpContext.ToActor(), cancellationToken), cancellationToken);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken cancellationToken)
    {
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(AchievedValue))
        {
            if (!AchievedValueText.TryParse(AchievedValue, out var parsed))
            {
                await LoadAsync(cancellationToken);
                Problems = new ProblemList([Problem.Invalid("achievedValue", $"'{AchievedValue}' không phải là số.", $"'{AchievedValue}' is not a number.")], Labels);
                return Page();
            }

            value = parsed;
        }

        var caller = await CallerAsync(cancellationToken);
        var input = new ReportInput(CompletedOn, value, Result, Evidence, Difficulties, Proposals);
        // One user action, one unit of work: a refused submission keeps none of the edits that came with it.
        return await DoneAsync(submit
            ? await reports.SaveAndSubmitAsync(caller, ObligationId, input, Revision, HttpContext.ToActor(), cancellationToken)
            : await reports.SaveDraftAsync(caller, ObligationId, input, Revision, HttpContext.ToActor(), cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> StepAsync(Func<ReportService, Func<ReportCaller, int, int, ChiSo.Auditing.Actor, CancellationToken, Task<Outcome<int>>>> step, int revision,
        CancellationToken cancellationToken) =>
        await DoneAsync(await step(reports)(await CallerAsync(cancellationToken), ObligationId, revision, HttpContext.ToActor(), cancellationToken), cancellationToken);

    private async Task<IActionResult> DoneAsync(Outcome<int> outcome, CancellationToken cancellationToken) =>
        outcome.Succeeded ? Redirect(Path + "?saved=1") : await FailedAsync(outcome, cancellationToken);

    private async Task<IActionResult> FailedAsync(Outcome<int> outcome, CancellationToken cancellationToken)
    {
        if (outcome.IsNotFound || !await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (outcome.IsForbidden)
        {
            return Forbid();
        }

        Problems = new ProblemList(outcome.Problems, Labels);
        return Page();
    }

    private string Path => "/my/reports/" + ObligationId.ToString(CultureInfo.InvariantCulture);

    private Task<ReportCaller> CallerAsync(CancellationToken cancellationToken) => access.ReportCallerAsync(User, cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var read = await reports.ReadAsync(await CallerAsync(cancellationToken), ObligationId, cancellationToken);
        if (!read.Succeeded)
        {
            return false;
        }

        View = read.Value!;
        return true;
    }
}
