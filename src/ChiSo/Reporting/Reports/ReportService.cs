using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Reports;

/// <summary>Who is asking: the user (their unit memberships are read on the obligation's own unit) and their plan rights.</summary>
public sealed record ReportCaller(string UserId, PlanRights Rights);

/// <summary>What a unit writes in its report; the task status is derived, never typed.</summary>
public sealed record ReportInput(DateOnly? CompletedOn, decimal? AchievedValue, string? Result, string? Evidence, string? Difficulties, string? Proposals);

/// <summary>What a partner or executing unit reported on the same task and period, shown beside the lead's report.</summary>
public sealed record Contribution(string UnitName, AssignmentRole Role, ReportState State, string? Result, string? Difficulties);

/// <summary>A report as the caller may see it, or the form's starting point when none is filed yet (<see cref="Report"/> null).</summary>
public sealed record ReportView(Obligation Obligation, string PeriodId, string TaskContent, string UnitName, UnitReport? Report, ReportInput StartFrom, bool CanEdit,
    bool CanApprove, bool CanReview)
{
    /// <summary>For a lead's report: the submitted contributions of the task's other units for the period.</summary>
    public IReadOnlyList<Contribution> Contributions { get; init; } = [];
}

/// <summary>
/// Unit reports and their lifecycle: draft → submitted → (approved by the unit head) → accepted by the coordinator, or
/// returned with a comment → edited and resubmitted; an accepted report is locked until a coordinator reopens it with a
/// reason. Who may do what is checked on the obligation actually read or changed: its unit's focal point writes and
/// submits, its unit head approves, the plan's coordinators accept, return and reopen; leaders read what was
/// submitted; nobody else sees anything of it (not found, as if it did not exist). Every change is one audited unit of
/// work with its step in the report's history.
/// </summary>
public sealed class ReportService(ChiSoDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ReportView>> ReadAsync(ReportCaller caller, int obligationId, CancellationToken cancellationToken = default)
    {
        var context = await LoadAsync(caller, obligationId, track: false, cancellationToken);
        if (context is null || !context.CanRead)
        {
            return Problem.NotFound();
        }

        var start = context.Report is { } r
            ? new ReportInput(r.CompletedOn, r.AchievedValue, r.Result, r.Evidence, r.Difficulties, r.Proposals)
            : await PreviousAsync(context.Obligation, cancellationToken);
        return Outcome.Ok(new ReportView(context.Obligation, context.PeriodId, context.TaskContent, context.UnitName, context.Report, start, context.IsFocalPoint,
            context.IsUnitHead, context.IsCoordinator) { Contributions = await ContributionsAsync(context.Obligation, cancellationToken) });
    }

    /// <summary>Saves the draft (creating it on first save); <paramref name="expectedRevision"/> is the revision the form edited (0 for a new one).</summary>
    public Task<Outcome<int>> SaveDraftAsync(ReportCaller caller, int obligationId, ReportInput input, int expectedRevision, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(ct => SaveCoreAsync(caller, obligationId, input, expectedRevision, actor, ct), cancellationToken);

    /// <summary>
    /// Saves and submits in one unit of work — the form's "Gửi báo cáo" and "unchanged since last period": if the
    /// submission is refused, the edits are not kept either.
    /// </summary>
    public Task<Outcome<int>> SaveAndSubmitAsync(ReportCaller caller, int obligationId, ReportInput input, int expectedRevision, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var saved = await SaveCoreAsync(caller, obligationId, input, expectedRevision, actor, ct);
            if (!saved.Succeeded)
            {
                return saved;
            }

            await db.SaveChangesAsync(ct); // the submission reads the report it just saved
            return await MoveCoreAsync(caller, obligationId, saved.Value, Step.Submit, null, actor, ct);
        }, cancellationToken);

    private async Task<Outcome<int>> SaveCoreAsync(ReportCaller caller, int obligationId, ReportInput input, int expectedRevision, Actor actor, CancellationToken ct)
    {
        var context = await LoadAsync(caller, obligationId, track: true, ct);
        if (context is null || !context.CanRead)
        {
            return Problem.NotFound();
        }

        if (!context.IsFocalPoint)
        {
            return Problem.Forbidden();
        }

        var report = context.Report;
        if (report is not null && report.State is not (ReportState.Draft or ReportState.Returned))
        {
            return StateRefusal(report.State, "sửa", "edit");
        }

        if ((report?.Revision ?? 0) != expectedRevision)
        {
            return Problem.Conflict();
        }

        if (Validate(input) is { Count: > 0 } problems)
        {
            return Outcome<int>.Fail(problems);
        }

        var now = clock.GetUtcNow();
        var created = report is null;
        report ??= new UnitReport { ObligationId = obligationId, State = ReportState.Draft, UpdatedBy = actor.Name };
        var before = created ? null : Snapshot(report);
        report.CompletedOn = input.CompletedOn;
        report.AchievedValue = input.AchievedValue;
        report.Result = Clean(input.Result);
        report.Evidence = Clean(input.Evidence);
        report.Difficulties = Clean(input.Difficulties);
        report.Proposals = Clean(input.Proposals);
        report.TaskStatus = TaskStatusRule.Derive(context.TaskDeadline, input.CompletedOn, clock.VietNamToday(), context.TaskOngoing);
        report.Revision++;
        report.UpdatedAt = now;
        report.UpdatedBy = actor.Name;
        if (created)
        {
            db.Set<UnitReport>().Add(report);
            report.History.Add(new ReportEvent { Action = "create", ToState = ReportState.Draft, By = actor.Name, At = now });
        }

        audit.Record(actor, created ? "report.create" : "report.save", nameof(UnitReport), Key(context), before, Snapshot(report));
        return Outcome.Ok(report.Revision);
    }

    public Task<Outcome<int>> SubmitAsync(ReportCaller caller, int obligationId, int expectedRevision, Actor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(caller, obligationId, expectedRevision, Step.Submit, null, actor, cancellationToken);

    public Task<Outcome<int>> ApproveAsync(ReportCaller caller, int obligationId, int expectedRevision, Actor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(caller, obligationId, expectedRevision, Step.Approve, null, actor, cancellationToken);

    public Task<Outcome<int>> AcceptAsync(ReportCaller caller, int obligationId, int expectedRevision, Actor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(caller, obligationId, expectedRevision, Step.Accept, null, actor, cancellationToken);

    public Task<Outcome<int>> ReturnAsync(ReportCaller caller, int obligationId, int expectedRevision, string? comment, Actor actor,
        CancellationToken cancellationToken = default) =>
        MoveAsync(caller, obligationId, expectedRevision, Step.Return, comment, actor, cancellationToken);

    public Task<Outcome<int>> ReopenAsync(ReportCaller caller, int obligationId, int expectedRevision, string? reason, Actor actor,
        CancellationToken cancellationToken = default) =>
        MoveAsync(caller, obligationId, expectedRevision, Step.Reopen, reason, actor, cancellationToken);

    private sealed record Step(string Action, ReportState[] From, ReportState To, string? CommentField)
    {
        public static Step Submit { get; } = new("submit", [ReportState.Draft, ReportState.Returned], ReportState.Submitted, null);
        public static Step Approve { get; } = new("approve", [ReportState.Submitted], ReportState.Approved, null);
        public static Step Accept { get; } = new("accept", [ReportState.Submitted, ReportState.Approved], ReportState.Accepted, null);
        public static Step Return { get; } = new("return", [ReportState.Submitted, ReportState.Approved], ReportState.Returned, "comment");
        public static Step Reopen { get; } = new("reopen", [ReportState.Accepted], ReportState.Returned, "reason");
    }

    private Task<Outcome<int>> MoveAsync(ReportCaller caller, int obligationId, int expectedRevision, Step step, string? comment, Actor actor,
        CancellationToken cancellationToken) =>
        work.RunAsync(ct => MoveCoreAsync(caller, obligationId, expectedRevision, step, comment, actor, ct), cancellationToken);

    private async Task<Outcome<int>> MoveCoreAsync(ReportCaller caller, int obligationId, int expectedRevision, Step step, string? comment, Actor actor,
        CancellationToken ct)
    {
        var context = await LoadAsync(caller, obligationId, track: true, ct);
        if (context is null || !context.CanRead)
        {
            return Problem.NotFound();
        }

        var allowed = step.Action switch
        {
            "submit" => context.IsFocalPoint,
            "approve" => context.IsUnitHead,
            _ => context.IsCoordinator,
        };
        if (!allowed)
        {
            return Problem.Forbidden();
        }

        if (context.Report is not { } report)
        {
            return new Problem(ProblemCodes.Conflict, "Đơn vị chưa lập báo cáo này.", "The unit has not written this report yet.") { Field = "state" };
        }

        if (!step.From.Contains(report.State))
        {
            return StateRefusal(report.State, Verb(step.Action).Vi, Verb(step.Action).En);
        }

        if (report.Revision != expectedRevision)
        {
            return Problem.Conflict();
        }

        var note = Clean(comment);
        if (step.CommentField is { } field && note is null)
        {
            return Problem.Required(field, "Ghi rõ lý do để đơn vị biết cần sửa gì.", "Say why, so the unit knows what to change.");
        }

        if (step == Step.Submit && string.IsNullOrWhiteSpace(report.Result))
        {
            return Problem.Required("result", "Nhập kết quả thực hiện trước khi gửi báo cáo.", "Enter the result before submitting.");
        }

        var now = clock.GetUtcNow();
        var from = report.State;
        report.State = step.To;
        if (step == Step.Submit)
        {
            // Timeliness is decided once: the first submission after the due date makes the report late for good.
            if (report.SubmittedAt is null)
            {
                report.Late = DateOnly.FromDateTime(now.ToVietNam().DateTime) > context.Obligation.DueDate;
            }

            report.SubmittedAt = now;
        }

        report.Revision++;
        report.UpdatedAt = now;
        report.UpdatedBy = actor.Name;
        report.History.Add(new ReportEvent { Action = step.Action, FromState = from, ToState = step.To, By = actor.Name, At = now, Comment = note });
        audit.Record(actor, "report." + step.Action, nameof(UnitReport), Key(context), new { State = from }, new { State = step.To, Comment = note, report.Late });
        return Outcome.Ok(report.Revision);
    }

    private sealed record Context(Obligation Obligation, string PeriodId, UnitReport? Report, bool IsFocalPoint, bool IsUnitHead, bool IsCoordinator,
        bool IsLeader, DateOnly? TaskDeadline, bool TaskOngoing, string TaskContent, string UnitName)
    {
        /// <summary>A draft is the unit's own business; a submitted report is also its head's, the coordinators' and the leaders'.</summary>
        public bool CanRead => IsFocalPoint || IsUnitHead || IsCoordinator || (IsLeader && Report is { State: not ReportState.Draft });
    }

    /// <summary>
    /// What the checks and the answer need, in three queries: the obligation with its plan, period, unit and task (one
    /// join), the caller's roles on its unit, the report with its history. Every report request loads it once or twice
    /// (a step, then its answer), so seven single-row queries here were most of a request's cost.
    /// </summary>
    private async Task<Context?> LoadAsync(ReportCaller caller, int obligationId, bool track, CancellationToken cancellationToken)
    {
        var head = await (from o in db.Set<Obligation>().AsNoTracking()
                          join plan in db.Plans on o.PlanId equals plan.Id
                          join period in db.Set<PlanReportingPeriod>() on o.PeriodId equals period.Id
                          join unit in db.Units on o.UnitId equals unit.Id
                          from task in db.PlanTasks.Where(t => t.Id == o.TaskId).DefaultIfEmpty()
                          where o.Id == obligationId
                          select new
                          {
                              Obligation = o, plan.ProvinceId, plan.Status, Period = period.Key, UnitName = unit.Name,
                              TimeframeKind = (string?)task.TimeframeKind, TimeframeDue = (DateOnly?)task.TimeframeDue, TimeframeTo = (DateOnly?)task.TimeframeTo,
                              TaskContent = (string?)task.Content,
                          })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null || !caller.Rights.CanRead(head.ProvinceId, head.Obligation.PlanId, head.Status))
        {
            return null;
        }

        var obligation = head.Obligation;
        var roles = await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == caller.UserId && m.UnitId == obligation.UnitId).Select(m => m.Role)
            .ToListAsync(cancellationToken);
        var reports = db.Set<UnitReport>().Include(r => r.History);
        var report = await (track ? reports : reports.AsNoTracking()).FirstOrDefaultAsync(r => r.ObligationId == obligationId, cancellationToken);
        return new Context(obligation, head.Period, report, roles.Contains(UnitRoles.FocalPoint), roles.Contains(UnitRoles.UnitHead),
            caller.Rights.CanEdit(head.ProvinceId, obligation.PlanId), caller.Rights.ReadsAllIssued,
            head.TimeframeDue ?? head.TimeframeTo, head.TimeframeKind is "Ongoing" or "Periodic", head.TaskContent ?? "", head.UnitName);
    }

    /// <summary>
    /// A lead reports for the task as a whole: it sees what its partners and executing units submitted for the period
    /// (drafts stay theirs). Other roles see only their own report.
    /// </summary>
    private async Task<IReadOnlyList<Contribution>> ContributionsAsync(Obligation obligation, CancellationToken cancellationToken)
    {
        if (obligation.Role != AssignmentRole.Lead || obligation.TaskId is null)
        {
            return [];
        }

        var rows = await (from o in db.Set<Obligation>().AsNoTracking()
                          join r in db.Set<UnitReport>().AsNoTracking() on o.Id equals r.ObligationId
                          join u in db.Units.AsNoTracking() on o.UnitId equals u.Id
                          where o.TaskId == obligation.TaskId && o.PeriodId == obligation.PeriodId && o.Id != obligation.Id && r.State != ReportState.Draft
                          select new { u.Name, o.Role, r.State, r.Result, r.Difficulties }).ToListAsync(cancellationToken);
        return rows.Select(r => new Contribution(r.Name, r.Role, r.State, r.Result, r.Difficulties))
            .OrderBy(c => c.Role).ThenBy(c => c.UnitName, VietnameseText.Comparer).ToList();
    }

    /// <summary>The unit's report on the same task for the latest earlier period: where a new report starts from.</summary>
    private async Task<ReportInput> PreviousAsync(Obligation obligation, CancellationToken cancellationToken)
    {
        var earlier = await (from o in db.Set<Obligation>().AsNoTracking()
                             join r in db.Set<UnitReport>().AsNoTracking() on o.Id equals r.ObligationId
                             join p in db.Set<PlanReportingPeriod>().AsNoTracking() on o.PeriodId equals p.Id
                             where o.PlanId == obligation.PlanId && o.UnitId == obligation.UnitId && o.TaskId == obligation.TaskId && o.Id != obligation.Id
                             select new { Report = r, Period = p }).ToListAsync(cancellationToken);
        var current = await db.Set<PlanReportingPeriod>().AsNoTracking().SingleAsync(p => p.Id == obligation.PeriodId, cancellationToken);
        var previous = earlier.Where(e => e.Period.Period < current.Period).OrderByDescending(e => e.Period.Period).Select(e => e.Report).FirstOrDefault();
        return previous is null
            ? new ReportInput(null, null, null, null, null, null)
            : new ReportInput(previous.CompletedOn, previous.AchievedValue, previous.Result, previous.Evidence, previous.Difficulties, previous.Proposals);
    }

    private static List<Problem> Validate(ReportInput input)
    {
        var problems = new List<Problem>();
        foreach (var (field, value) in new[] { ("result", input.Result), ("evidence", input.Evidence), ("difficulties", input.Difficulties), ("proposals", input.Proposals) })
        {
            if (value is { Length: > UnitReport.TextMaxLength })
            {
                problems.Add(Problem.Invalid(field, $"Nội dung dài quá {UnitReport.TextMaxLength} ký tự.", $"Longer than {UnitReport.TextMaxLength} characters."));
            }
        }

        return problems;
    }

    private static Problem StateRefusal(ReportState state, string verbVi, string verbEn) =>
        new(ProblemCodes.Conflict, $"Không thể {verbVi} báo cáo đang ở trạng thái \"{StateVi(state)}\".", $"A report that is {state.ToString().ToLowerInvariant()} cannot be {verbEn}.")
        { Field = "state" };

    private static (string Vi, string En) Verb(string action) => action switch
    {
        "submit" => ("gửi", "submitted"),
        "approve" => ("duyệt", "approved"),
        "accept" => ("tiếp nhận", "accepted"),
        "return" => ("trả lại", "returned"),
        _ => ("mở lại", "reopened"),
    };

    public static string StateVi(ReportState state) => state switch
    {
        ReportState.Draft => "nháp",
        ReportState.Submitted => "đã gửi",
        ReportState.Approved => "thủ trưởng đã duyệt",
        ReportState.Returned => "bị trả lại",
        _ => "đã tiếp nhận",
    };

    private static string? Clean(string? text) => VietnameseText.NormalizeMultilineOrNull(text);

    private static string Key(Context context) => $"{context.PeriodId}/{context.Obligation.UnitId}/{context.Obligation.TaskCode}";

    private static object Snapshot(UnitReport r) => new { r.CompletedOn, r.AchievedValue, r.Result, r.Evidence, r.Difficulties, r.Proposals, r.TaskStatus };
}
