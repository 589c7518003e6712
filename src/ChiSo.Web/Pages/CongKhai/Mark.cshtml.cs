using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Publication;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using ChiSo.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiSo.Web.Pages.CongKhai;

/// <summary>
/// /my/reports/{obligationId}/cong-khai: a coordinator publishes or withdraws a report's result text
/// (<c>?handler=Result</c>) or one of its files (<c>?handler=File&amp;attachmentId=</c>). The report and the file come
/// from the route and query, never from the form; who may is decided by <see cref="PublicationMarks"/> on the report
/// itself (a focal point, a unit head, a leader: forbidden; another province's coordinator: not found). Done, it goes back
/// to the report page; refused, it says why here.
/// </summary>
public sealed class MarkModel(PublicationMarks marks, PlanAccess access) : PageModel
{
    private static readonly IReadOnlyDictionary<string, (string Vi, string En)> Labels = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["result"] = ("Kết quả thực hiện", "Result"), ["state"] = ("Trạng thái", "State"), ["revision"] = ("Phiên bản", "Revision"),
    };

    [FromRoute] public int ObligationId { get; set; }

    [FromQuery] public int? AttachmentId { get; set; }

    [BindProperty] public bool IsPublic { get; set; }

    [BindProperty] public int Revision { get; set; }

    public ProblemList Problems { get; private set; } = ProblemList.Empty;

    public string ReportPath => "/my/reports/" + ObligationId.ToString(CultureInfo.InvariantCulture);

    public IActionResult OnGet() => Redirect(ReportPath);

    public async Task<IActionResult> OnPostResultAsync(CancellationToken cancellationToken) =>
        Done(await marks.SetResultAsync(await access.ReportCallerAsync(User, cancellationToken), ObligationId, IsPublic, Revision, HttpContext.ToActor(), cancellationToken));

    public async Task<IActionResult> OnPostFileAsync(CancellationToken cancellationToken) => AttachmentId is { } id
        ? Done(await marks.SetAttachmentAsync(await access.ReportCallerAsync(User, cancellationToken), ObligationId, id, IsPublic, HttpContext.ToActor(), cancellationToken))
        : NotFound();

    private IActionResult Done(Outcome<bool> outcome)
    {
        if (outcome.Succeeded)
        {
            return Redirect(ReportPath + "?saved=1#public-marks");
        }

        if (outcome.IsNotFound)
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
}
