using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans.Authoring;
using ChiSo.Text;

namespace ChiSo.Plans.Issuing;

/// <summary>The checks behind the confirmation steps of issuing and closing: refusals, warnings and what will happen.</summary>
public sealed partial class PlanIssuing
{
    /// <summary>What an office checks before a number goes on a document: refusals first, then what only looks wrong.</summary>
    private async Task<Outcome<PlanConfirmation>> IssueCheckAsync(Plan plan, int expectedRevision, string? number, DateOnly? issuedOn, CancellationToken cancellationToken)
    {
        if (plan.Revision != expectedRevision)
        {
            return Problem.Conflict();
        }

        var problems = new List<Problem>();
        if (!plan.IsEditable)
        {
            problems.Add(Problem.Invalid("status", "Kế hoạch đã ban hành hoặc đã đóng.", "The plan is already issued or closed."));
        }

        var clean = IssueNumbers.Clean(number);
        if (clean.Length == 0)
        {
            problems.Add(Problem.Required("number", "Thiếu số văn bản.", "The document number is missing."));
        }
        else if (PlanValidator.TooLong("number", clean, PlanLimits.Of(db.Model).MaxLength<Plan>(nameof(Plan.Number))) is { } tooLong)
        {
            problems.Add(tooLong);
        }

        if (issuedOn is not { } on)
        {
            problems.Add(Problem.Required("issuedOn", "Thiếu ngày ban hành.", "The issue date is missing."));
        }
        else if (on.Year < plan.FromYear - 1 || on.Year > plan.ToYear)
        {
            problems.Add(Problem.Invalid("issuedOn", "Ngày ban hành không khớp kỳ kế hoạch.", "The issue date does not fit the plan period."));
        }
        else if (clean.Length > 0 && await IssueNumbers.UsedByAsync(db, plan, clean, on.Year, cancellationToken) is { } other)
        {
            problems.Add(IssueNumbers.Taken(clean, on.Year, plan.IssuingBody, other));
        }

        if (plan.Tasks.Count == 0)
        {
            problems.Add(Problem.Required("tasks", "Kế hoạch chưa có nhiệm vụ nào.", "The plan has no tasks."));
        }

        foreach (var task in plan.Tasks.Where(t => !t.Assignments.Any(a => a.Role == AssignmentRole.Lead)))
        {
            problems.Add(Problem.Required($"tasks[{task.Code}].leads", $"Nhiệm vụ {task.Code}: chưa có đơn vị chủ trì.", $"Task {task.Code}: no lead unit."));
        }

        if (problems.Count > 0)
        {
            return Outcome<PlanConfirmation>.Fail(problems);
        }

        var date = issuedOn!.Value;
        var warnings = new List<Problem>();
        var today = clock.VietNamToday();
        if (date > today)
        {
            warnings.Add(Problem.Invalid("issuedOn",
                $"Ngày ban hành ({VietnameseFormat.Date(date)}) ở sau hôm nay ({VietnameseFormat.Date(today)}): văn bản thường ghi ngày ký.",
                $"The issue date ({English(date)}) is after today ({English(today)}): a document usually carries the day it is signed.").AsWarning());
        }

        if (string.IsNullOrWhiteSpace(plan.SignerName))
        {
            warnings.Add(Problem.Required("signerName", "Chưa ghi họ tên người ký: văn bản in ra sẽ để trống chỗ ký tên.",
                "No signer's name: the printed document will leave the signature name blank.").AsWarning());
        }

        var kind = plan.DocumentType == PlanDocumentType.Decision ? ("Quyết định", "decision") : ("Kế hoạch", "plan");
        List<Sentence> effects =
        [
            new($"{kind.Item1} được ban hành với số {clean}/{plan.Symbol}, {VietnameseFormat.Date(date)}, của {plan.IssuingBody}.",
                $"The {kind.Item2} is issued as {clean}/{plan.Symbol} of {English(date)} by {plan.IssuingBody}."),
            plan.Amendment > 0
                ? new($"Bản sửa đổi lần {plan.Amendment} thay cho bản đã ban hành trước; bản trước vẫn xem và tải lại được.",
                    $"Amendment {plan.Amendment} replaces the version issued before; that one can still be read and downloaded.")
                : new("Sau khi ban hành, mỗi lần sửa sẽ mở bản sửa đổi; bản đã ban hành được giữ nguyên.",
                    "Once issued, every edit opens an amendment; the issued version is kept as it is."),
            new($"{plan.Tasks.Count} nhiệm vụ được giao; các đơn vị thấy nhiệm vụ của mình và mọi người trong tỉnh xem được kế hoạch.",
                $"{plan.Tasks.Count} tasks are assigned; the units see their tasks and everyone in the province can read the plan."),
        ];
        // Task edits do not bump the plan's revision, so the tasks issued are part of what was confirmed: a task a
        // co-editor adds, changes or deletes after the check needs a new confirmation.
        var tasks = string.Join(',', plan.Tasks.OrderBy(t => t.Id).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Id}:{t.Revision}")));
        return Outcome.Ok(PlanConfirmation.For("plan.issue", [plan.Id, plan.Revision, clean, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tasks], effects, warnings));
    }

    private Outcome<PlanConfirmation> CloseCheck(Plan plan, int expectedRevision)
    {
        if (plan.Revision != expectedRevision)
        {
            return Problem.Conflict();
        }

        if (plan.Status != PlanStatus.Issued)
        {
            return Problem.Invalid("status", "Chỉ đóng được kế hoạch đã ban hành.", "Only an issued plan can be closed.");
        }

        var warnings = new List<Problem>();
        var today = clock.VietNamToday();
        if (today.Year <= plan.ToYear)
        {
            warnings.Add(Problem.Invalid("status", $"Kỳ kế hoạch đến hết năm {plan.ToYear} chưa kết thúc.",
                $"The plan period runs until the end of {plan.ToYear} and has not ended.").AsWarning());
        }

        List<Sentence> effects =
        [
            new("Kế hoạch được đóng: không sửa, không mở bản sửa đổi được nữa; văn bản vẫn xem và tải được.",
                "The plan is closed: it can no longer be edited or amended; the documents can still be read and downloaded."),
        ];
        return Outcome.Ok(PlanConfirmation.For("plan.close", [plan.Id, plan.Revision], effects, warnings));
    }

    private static string English(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
