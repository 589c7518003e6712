using System.Globalization;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Reports;
using ChiSo.Web.Auth;
using ChiSo.Web.Pages.Plans;
using Microsoft.AspNetCore.Mvc;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace ChiSo.Web.Api;

/// <summary>
/// <c>/api/v1/plans/{id}/reports/{period}/{unitCode}/{taskCode}</c>: a unit's report on one task for one period, and its
/// steps. A token acts as its owner within its scopes (reports:read, reports:write for the unit's focal point,
/// reports:review for unit heads and coordinators); who may act on which report is decided on that report's unit and
/// plan. A report outside the caller's reach is 404, as one that does not exist.
/// </summary>
internal static class ReportEndpoints
{
    private const string Route = "/plans/{id:int}/reports/{period}/{unitCode}/{taskCode}";
    private const string Title = "Báo cáo không được lưu. / The report was not saved.";

    public static void MapReportEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet(Route, GetAsync).RequireAuthorization(Policies.ReadReports).WithTags("Reports")
            .Produces<ReportDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Báo cáo của đơn vị về một nhiệm vụ trong một kỳ (chưa có thì là bản khởi đầu từ kỳ trước) / A unit's report on a task for a period");
        v1.MapPut(Route, PutAsync).RequireAuthorization(Policies.WriteReports).DisableAntiforgery().WithTags("Reports")
            .Accepts<ReportBody>("application/json").Produces<ReportDto>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Lưu bản nháp (kèm revision đang sửa; 0 khi tạo mới) / Save the draft (with the revision it edits; 0 for a new one)");
        Step(v1, "submit", Policies.WriteReports, "Gửi báo cáo / Submit", (s, c, o, b, a, ct) => s.SubmitAsync(c, o, b.Revision, a, ct));
        Step(v1, "approve", Policies.ReviewReports, "Thủ trưởng duyệt / Unit head approves", (s, c, o, b, a, ct) => s.ApproveAsync(c, o, b.Revision, a, ct));
        Step(v1, "accept", Policies.ReviewReports, "Tiếp nhận (khóa báo cáo) / Accept (locks it)", (s, c, o, b, a, ct) => s.AcceptAsync(c, o, b.Revision, a, ct));
        Step(v1, "return", Policies.ReviewReports, "Trả lại kèm nhận xét {\"comment\"} / Return with a comment", (s, c, o, b, a, ct) => s.ReturnAsync(c, o, b.Revision, b.Comment, a, ct));
        Step(v1, "reopen", Policies.ReviewReports, "Mở lại báo cáo đã tiếp nhận {\"reason\"} / Reopen an accepted report", (s, c, o, b, a, ct) => s.ReopenAsync(c, o, b.Revision, b.Reason, a, ct));
        v1.MapReportAttachmentEndpoints();
    }

    private delegate Task<ChiSo.Common.Outcome<int>> Transition(ReportService reports, ReportCaller caller, int obligationId, StepBody body,
        ChiSo.Auditing.Actor actor, CancellationToken cancellationToken);

    private static void Step(RouteGroupBuilder v1, string name, string policy, string summary, Transition transition) =>
        v1.MapPost(Route + "/" + name, async (HttpContext context, [FromRoute] int id, [FromRoute] string period, [FromRoute] string unitCode, [FromRoute] string taskCode,
                StepBody body, ObligationQueries obligations, ReportService reports, PlanAccess access, CancellationToken cancellationToken) =>
            {
                if (await obligations.FindAsync(id, period, unitCode, taskCode, cancellationToken) is not { } obligation)
                {
                    return NotFound();
                }

                var caller = await CallerAsync(context, access, cancellationToken);
                var moved = await transition(reports, caller, obligation, body, context.ToActor(), cancellationToken);
                return moved.Succeeded ? await AnswerAsync(context, reports, caller, obligation, cancellationToken) : ApiProblems.For(moved, Title);
            })
            .RequireAuthorization(policy).DisableAntiforgery().WithTags("Reports").Accepts<StepBody>("application/json")
            .Produces<ReportDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary(summary);

    private static async Task<IResult> GetAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, [FromRoute] string unitCode, [FromRoute] string taskCode,
        ObligationQueries obligations, ReportService reports, PlanAccess access, CancellationToken cancellationToken) =>
        await obligations.FindAsync(id, period, unitCode, taskCode, cancellationToken) is { } obligation
            ? await AnswerAsync(context, reports, await CallerAsync(context, access, cancellationToken), obligation, cancellationToken)
            : NotFound();

    private static async Task<IResult> PutAsync(HttpContext context, [FromRoute] int id, [FromRoute] string period, [FromRoute] string unitCode, [FromRoute] string taskCode,
        ReportBody body, ObligationQueries obligations, ReportService reports, PlanAccess access, CancellationToken cancellationToken)
    {
        if (await obligations.FindAsync(id, period, unitCode, taskCode, cancellationToken) is not { } obligation)
        {
            return NotFound();
        }

        var caller = await CallerAsync(context, access, cancellationToken);
        var input = new ReportInput(body.CompletedOn, body.AchievedValue, body.Result, EvidenceText(body.Evidence), body.Difficulties, body.Proposals);
        var saved = await reports.SaveDraftAsync(caller, obligation, input, body.Revision, context.ToActor(), cancellationToken);
        return saved.Succeeded ? await AnswerAsync(context, reports, caller, obligation, cancellationToken) : ApiProblems.For(saved, Title);
    }

    private static Task<ReportCaller> CallerAsync(HttpContext context, PlanAccess access, CancellationToken cancellationToken) =>
        access.ReportCallerAsync(context.User, cancellationToken);

    /// <summary>The report as the caller may see it (200), its attachments' links on the route's own report URL; 404 when they may not.</summary>
    internal static async Task<IResult> AnswerAsync(HttpContext context, ReportService reports, ReportCaller caller, int obligation, CancellationToken cancellationToken) =>
        await reports.ReadAsync(caller, obligation, cancellationToken) is { Succeeded: true, Value: { } view }
            ? HttpResults.Ok(ReportDto.From(view, AttachmentsUrl(context, view.PeriodId)))
            : NotFound();

    /// <summary>"/api/v1/plans/7/reports/2026-Q1/SNV/1.2/attachments/": the route's plan, unit and task, the period as its canonical id.</summary>
    private static string AttachmentsUrl(HttpContext context, string period)
    {
        string Segment(string name) => Uri.EscapeDataString(Convert.ToString(context.Request.RouteValues[name], CultureInfo.InvariantCulture) ?? "");
        return $"/api/v1/plans/{Segment("id")}/reports/{Uri.EscapeDataString(period)}/{Segment("unitCode")}/{Segment("taskCode")}/attachments/";
    }

    internal static IResult NotFound() => HttpResults.Problem(statusCode: 404, title: "Không có báo cáo này. / No such report.");

    /// <summary>Evidence is stored one document a line, "number | date | issuer | title".</summary>
    private static string? EvidenceText(IReadOnlyList<EvidenceDto>? evidence) =>
        evidence is null or { Count: 0 } ? null
            : string.Join('\n', evidence.Select(e => string.Join(" | ", e.Number ?? "", e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", e.Issuer ?? "", e.Title ?? "")));
}

/// <summary>The report a unit writes; <c>status</c> is ignored — ChiSo works it out from the task's deadline and <c>completedOn</c>.</summary>
public sealed record ReportBody(string? Status, DateOnly? CompletedOn, decimal? AchievedValue, string? Result, IReadOnlyList<EvidenceDto>? Evidence,
    string? Difficulties, string? Proposals, int Revision);

public sealed record EvidenceDto(string? Number, DateOnly? Date, string? Issuer, string? Title);

/// <summary>A step's body: the revision it acts on, and the comment (return) or reason (reopen).</summary>
public sealed record StepBody(int Revision, string? Comment, string? Reason);

/// <summary>For a lead's report: what a partner or executing unit submitted on the same task and period.</summary>
public sealed record ContributionDto(string Unit, string Role, string State, string? Result, string? Difficulties);

/// <summary>A file attached to the report: <c>url</c> downloads it (reports:read), DELETE on it removes it (reports:write).</summary>
public sealed record AttachmentDto(int Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy, string Url);

public sealed record ReportEventDto(string Action, string? From, string To, string By, DateTimeOffset At, string? Comment);

/// <summary>
/// The report: the unit's fields, the derived <c>status</c> (done-on-time, done-late, not-done-within, not-done-overdue,
/// ongoing), <c>state</c>, <c>late</c>, <c>dueDate</c>, <c>submittedAt</c>, <c>history</c>, <c>attachments</c>; with no report yet, the
/// fields the form starts from (the unit's report for the previous period) and state null. A lead's report lists its
/// partners' submitted <c>contributions</c>.
/// </summary>
public sealed record ReportDto(string? Status, DateOnly? CompletedOn, decimal? AchievedValue, string? Result, IReadOnlyList<EvidenceDto> Evidence,
    string? Difficulties, string? Proposals, int Revision, string? State, bool Late, DateOnly DueDate, DateTimeOffset? SubmittedAt,
    IReadOnlyList<ReportEventDto> History, IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<ContributionDto> Contributions)
{
    /// <param name="attachmentsUrl">Where the report's attachments are downloaded, ending in "/": each link is it plus the id.</param>
    /// <summary>
    /// A figure without the trailing zeros of its column's scale: 100, 12.5 — not PostgreSQL's 100.0000 or SQLite's 100.0,
    /// so the API says the same on both databases and whether the report was just saved or read again.
    /// </summary>
    public static decimal? Plain(decimal? value) => value / 1.000000000000000000000000000000000m;

    public static ReportDto From(ReportView view, string attachmentsUrl)
    {
        var r = view.Report;
        var fields = view.StartFrom;
        return new ReportDto(r?.TaskStatus is { } s ? StatusId(s) : null, fields.CompletedOn, Plain(fields.AchievedValue), fields.Result, EvidenceOf(fields.Evidence),
            fields.Difficulties, fields.Proposals, r?.Revision ?? 0, r?.State.ToString().ToLowerInvariant(), r?.Late ?? false, view.Obligation.DueDate, r?.SubmittedAt,
            (r?.History ?? []).OrderBy(h => h.Id).Select(h => new ReportEventDto(h.Action, h.FromState?.ToString().ToLowerInvariant(), h.ToState.ToString().ToLowerInvariant(),
                h.By, h.At, h.Comment)).ToList(),
            (r?.Attachments ?? []).OrderBy(a => a.Id).Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy,
                attachmentsUrl + a.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            view.Contributions.Select(c => new ContributionDto(c.UnitName, c.Role.ToString().ToLowerInvariant(), c.State.ToString().ToLowerInvariant(), c.Result, c.Difficulties)).ToList());
    }

    public static string StatusId(ReportTaskStatus status) => status switch
    {
        ReportTaskStatus.DoneOnTime => "done-on-time",
        ReportTaskStatus.DoneLate => "done-late",
        ReportTaskStatus.NotDoneWithin => "not-done-within",
        ReportTaskStatus.NotDoneOverdue => "not-done-overdue",
        _ => "ongoing",
    };

    private static IReadOnlyList<EvidenceDto> EvidenceOf(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
            var date = Part(1) is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
            return new EvidenceDto(Part(0), date, Part(2), Part(3));
        }).ToList();
}
