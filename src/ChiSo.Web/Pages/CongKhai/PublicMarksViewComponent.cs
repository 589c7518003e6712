using ChiSo.Plans;
using ChiSo.Publication;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;

namespace ChiSo.Web.Pages.CongKhai;

/// <summary>
/// The report page's "Công khai" box for a coordinator of the plan: whether the result text and each file are public,
/// with a button to publish or withdraw each (posted to <see cref="MarkModel"/>). Anyone else gets nothing.
/// </summary>
public sealed class PublicMarksViewComponent(PublicationMarks marks, PlanAccess access) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int obligationId)
    {
        var state = await marks.ReadAsync(await access.ReportCallerAsync(UserClaimsPrincipal, HttpContext.RequestAborted), obligationId, HttpContext.RequestAborted);
        return state.Succeeded
            ? View("~/Pages/CongKhai/_MarkControls.cshtml", new MarkControls(obligationId, state.Value!))
            : Content("");
    }
}

/// <summary>What the mark controls show: the report's publication state and where to post.</summary>
public sealed record MarkControls(int ObligationId, PublicationState State)
{
    public string Action(string handler) => FormattableString.Invariant($"/my/reports/{ObligationId}/cong-khai?handler={handler}");
}
