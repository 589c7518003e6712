using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Setup;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Reports;

/// <summary>Who is asking: the user (their unit memberships are read on the obligation's own unit) and their plan rights.</summary>
public sealed record ReportCaller(string UserId, PlanRights Rights);

/// <summary>What a unit writes in its report; the task status is derived, never typed.</summary>
public sealed record ReportInput(DateOnly? CompletedOn, decimal? AchievedValue, string? Result, string? Evidence, string? Difficulties, string? Proposals);

/// <summary>
/// One draft of a batch save: the obligation, what the unit writes, the revision it was written against (0 for a report
/// not yet started), and <see cref="Row"/> — where the caller got it from (an uploaded file's row), put on its problems.
/// </summary>
public sealed record DraftChange(int ObligationId, ReportInput Input, int ExpectedRevision, int? Row = null);

/// <summary>What a batch save did with one draft: its revision now, and whether it changed (a report already holding these values is left alone).</summary>
public sealed record DraftSaved(int ObligationId, int Revision, bool Changed);

/// <summary>What a partner or executing unit reported on the same task and period, shown beside the lead's report.</summary>
public sealed record Contribution(string UnitName, AssignmentRole Role, ReportState State, string? Result, string? Difficulties);

/// <summary>A report as the caller may see it, or the form's starting point when none is filed yet (<see cref="Report"/> null).</summary>
public sealed record ReportView(Obligation Obligation, string PeriodId, string TaskContent, string UnitName, UnitReport? Report, ReportInput StartFrom, bool CanEdit,
    bool CanApprove, bool CanReview)
{
    /// <summary>For a lead's report: the submitted contributions of the task's other units for the period.</summary>
    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    /// <summary>Whether the plan has a submitted report wait for the unit head's approval before the coordinator accepts it.</summary>
    public bool UnitHeadApproval { get; init; }

    /// <summary>
    /// True when the caller sees that the unit has a draft but not what it says: a draft is the unit's own until it
    /// is submitted (the coordinator sees its state in the lists, never its text).
    /// </summary>
    public bool DraftWithheld { get; init; }
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
    // The report a step of this request has just committed, with its context (the service lives for one request): the
    // answer that follows — the API returns the report after every step — is read from it rather than loaded again
    // (3 queries a step; bench 'reports'). Only for the same caller and obligation, only once, only after a commit.
    private ReportContext? _staged;
    private (ReportCaller Caller, int ObligationId, ReportContext Context)? _committed;

    public async Task<Outcome<ReportView>> ReadAsync(ReportCaller caller, int obligationId, CancellationToken cancellationToken = default)
    {
        var committed = _committed is { } c && ReferenceEquals(c.Caller, caller) && c.ObligationId == obligationId ? c.Context : null;
        _committed = null;
        var context = committed ?? await LoadAsync(caller, obligationId, track: false, cancellationToken);
        if (context is null || !context.CanRead)
        {
            return Problem.NotFound();
        }

        var contributions = await ContributionsAsync(context.Obligation, cancellationToken);
        if (context.Report is { } draft && !context.SeesContent)
        {
            var withheld = new UnitReport
            {
                Id = draft.Id, ObligationId = draft.ObligationId, State = draft.State, Revision = draft.Revision, UpdatedAt = draft.UpdatedAt, UpdatedBy = draft.UpdatedBy,
                History = draft.History,
            };
            return Outcome.Ok(new ReportView(context.Obligation, context.PeriodId, context.TaskContent, context.UnitName, withheld, Empty, false, false, context.IsCoordinator)
            {
                Contributions = contributions, UnitHeadApproval = context.UnitHeadApproval, DraftWithheld = true,
            });
        }

        var start = context.Report is { } r
            ? new ReportInput(r.CompletedOn, r.AchievedValue, r.Result, r.Evidence, r.Difficulties, r.Proposals)
            : WithContributions(await PreviousAsync(context.Obligation, cancellationToken), contributions);
        return Outcome.Ok(new ReportView(context.Obligation, context.PeriodId, context.TaskContent, context.UnitName, context.Report, start, context.IsFocalPoint,
            context.IsUnitHead, context.IsCoordinator) { Contributions = contributions, UnitHeadApproval = context.UnitHeadApproval });
    }

    private static readonly ReportInput Empty = new(null, null, null, null, null, null);

    /// <summary>
    /// A lead's first draft of a period starts from its partners' submitted contributions: their results and
    /// difficulties, one line per unit, after what the lead itself wrote last period.
    /// </summary>
    private static ReportInput WithContributions(ReportInput start, IReadOnlyList<Contribution> contributions)
    {
        if (contributions.Count == 0)
        {
            return start;
        }

        static string? Join(string? own, IEnumerable<string> lines)
        {
            var block = string.Join('\n', lines);
            var text = string.IsNullOrWhiteSpace(own) ? block : block.Length == 0 ? own : own + "\n" + block;
            return text.Length == 0 ? null : text[..Math.Min(text.Length, UnitReport.TextMaxLength)];
        }

        return start with
        {
            Result = Join(start.Result, contributions.Where(c => !string.IsNullOrWhiteSpace(c.Result)).Select(c => $"- {c.UnitName}: {c.Result}")),
            Difficulties = Join(start.Difficulties, contributions.Where(c => !string.IsNullOrWhiteSpace(c.Difficulties)).Select(c => $"- {c.UnitName}: {c.Difficulties}")),
        };
    }

    /// <summary>Saves the draft (creating it on first save); <paramref name="expectedRevision"/> is the revision the form edited (0 for a new one).</summary>
    public Task<Outcome<int>> SaveDraftAsync(ReportCaller caller, int obligationId, ReportInput input, int expectedRevision, Actor actor,
        CancellationToken cancellationToken = default) =>
        CommittedAsync(caller, obligationId, () => work.RunAsync(ct => SaveCoreAsync(caller, obligationId, input, expectedRevision, actor, ct), cancellationToken));

    /// <summary>
    /// Saves and submits in one unit of work — the form's "Gửi báo cáo" and "unchanged since last period": if the
    /// submission is refused, the edits are not kept either.
    /// </summary>
    public Task<Outcome<int>> SaveAndSubmitAsync(ReportCaller caller, int obligationId, ReportInput input, int expectedRevision, Actor actor,
        CancellationToken cancellationToken = default) =>
        CommittedAsync(caller, obligationId, () => work.RunAsync(async ct =>
        {
            var saved = await SaveCoreAsync(caller, obligationId, input, expectedRevision, actor, ct);
            if (!saved.Succeeded)
            {
                return saved;
            }

            await db.SaveChangesAsync(ct); // the submission reads the report it just saved
            return await MoveCoreAsync(caller, obligationId, saved.Value, Step.Submit, null, actor, ct);
        }, cancellationToken));

    /// <summary>
    /// Inside the caller's unit of work: when the obligation has no report yet, writes its draft from where the form starts
    /// (the unit's previous report on the task), as a first save does — attaching a file to a report not yet written
    /// starts it. The same checks as a save: only the unit's focal point.
    /// </summary>
    internal async Task<Outcome<int>> StartDraftCoreAsync(ReportCaller caller, int obligationId, Actor actor, CancellationToken ct)
    {
        var context = await LoadAsync(caller, obligationId, track: true, ct);
        if (context is null || !context.CanRead)
        {
            return Problem.NotFound();
        }

        return context.Report is { } report
            ? Outcome.Ok(report.Revision)
            : await SaveCoreAsync(caller, obligationId, await PreviousAsync(context.Obligation, ct), 0, actor, ct);
    }

    /// <summary>
    /// Saves several drafts in one unit of work — a unit's template file, one row per obligation — with the same checks
    /// as one save, each on its own obligation: any draft refused and none is kept; the problems of every refused draft
    /// are returned, each carrying its <see cref="DraftChange.Row"/>. A report that already holds exactly these values
    /// is left untouched (no new revision, no audit row), whatever its state: nothing would be overwritten.
    /// </summary>
    public Task<Outcome<IReadOnlyList<DraftSaved>>> SaveDraftsAsync(ReportCaller caller, IReadOnlyList<DraftChange> drafts, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(ct => SaveDraftsCoreAsync(caller, drafts, actor, ct), cancellationToken);

    /// <summary><see cref="SaveDraftsAsync"/> inside the caller's unit of work (an import that audits itself alongside).</summary>
    internal async Task<Outcome<IReadOnlyList<DraftSaved>>> SaveDraftsCoreAsync(ReportCaller caller, IReadOnlyList<DraftChange> drafts, Actor actor, CancellationToken ct)
    {
        var problems = new ProblemCollector();
        var saved = new List<DraftSaved>(drafts.Count);
        var seen = new Dictionary<int, DraftChange>();
        foreach (var draft in drafts)
        {
            if (seen.TryGetValue(draft.ObligationId, out var first))
            {
                // Two saves of one new report in one transaction would both create it.
                problems.Add(new Problem(ProblemCodes.Duplicate, first.Row is { } r ? $"Báo cáo này đã có ở dòng {r}." : "Báo cáo này có hai lần.",
                    first.Row is { } en ? $"This report is already on row {en}." : "This report comes twice.") { Row = draft.Row });
                continue;
            }

            seen.Add(draft.ObligationId, draft);
            var one = await SaveReportAsync(caller, draft.ObligationId, draft.Input, draft.ExpectedRevision, actor, leaveUnchanged: true, ct);
            if (one.Succeeded)
            {
                saved.Add(one.Value!);
            }
            else
            {
                problems.AddRange(one.Problems.Select(p => p with { Row = draft.Row ?? p.Row }));
            }
        }

        return problems.Any ? Outcome<IReadOnlyList<DraftSaved>>.Fail(problems.ToList()) : Outcome.Ok<IReadOnlyList<DraftSaved>>(saved);
    }

    private async Task<Outcome<int>> SaveCoreAsync(ReportCaller caller, int obligationId, ReportInput input, int expectedRevision, Actor actor, CancellationToken ct)
    {
        var saved = await SaveReportAsync(caller, obligationId, input, expectedRevision, actor, leaveUnchanged: false, ct);
        return saved.Succeeded ? Outcome.Ok(saved.Value!.Revision) : saved.Cast<int>();
    }

    private async Task<Outcome<DraftSaved>> SaveReportAsync(ReportCaller caller, int obligationId, ReportInput input, int expectedRevision, Actor actor,
        bool leaveUnchanged, CancellationToken ct)
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
        if (leaveUnchanged && report is not null && Holds(report, input))
        {
            return Outcome.Ok(new DraftSaved(obligationId, report.Revision, Changed: false));
        }

        if (report is not null && report.State is not (ReportState.Draft or ReportState.Returned))
        {
            return StateRefusal(report.State, "sửa", "edited");
        }

        if ((report?.Revision ?? 0) != expectedRevision)
        {
            return Problem.Conflict();
        }

        if (Validate(input) is { Count: > 0 } problems)
        {
            return Outcome<DraftSaved>.Fail(problems);
        }

        var now = Microseconds(clock.GetUtcNow());
        var created = report is null;
        report ??= new UnitReport { ObligationId = obligationId, State = ReportState.Draft, UpdatedBy = actor.Name };
        var before = created ? null : Snapshot(report);
        report.CompletedOn = input.CompletedOn;
        report.AchievedValue = Value(input.AchievedValue);
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

        audit.Record(actor, created ? "report.create" : "report.save", nameof(UnitReport), context.Key, before, Snapshot(report));
        _staged = context with { Report = report };
        return Outcome.Ok(new DraftSaved(obligationId, report.Revision, Changed: true));
    }

    /// <summary>Whether the report already says exactly what <paramref name="input"/> would save (text compared as it is stored).</summary>
    private static bool Holds(UnitReport report, ReportInput input) =>
        report.CompletedOn == input.CompletedOn && report.AchievedValue == Value(input.AchievedValue)
        && string.Equals(report.Result, Clean(input.Result), StringComparison.Ordinal) && string.Equals(report.Evidence, Clean(input.Evidence), StringComparison.Ordinal)
        && string.Equals(report.Difficulties, Clean(input.Difficulties), StringComparison.Ordinal)
        && string.Equals(report.Proposals, Clean(input.Proposals), StringComparison.Ordinal);

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
        CommittedAsync(caller, obligationId, () => work.RunAsync(ct => MoveCoreAsync(caller, obligationId, expectedRevision, step, comment, actor, ct), cancellationToken));

    /// <summary>Once a step's unit of work has committed, keeps the context it staged for the answer that follows (<see cref="ReadAsync"/>).</summary>
    private async Task<Outcome<int>> CommittedAsync(ReportCaller caller, int obligationId, Func<Task<Outcome<int>>> step)
    {
        // Cleared before the step starts: on SQLite a whole unit of work can run synchronously inside the call.
        _staged = null;
        _committed = null;
        var outcome = await step();
        _committed = outcome.Succeeded && _staged is { } context && context.Obligation.Id == obligationId ? (caller, obligationId, context) : null;
        _staged = null;
        return outcome;
    }

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
            // A unit head may send a submitted report back to its focal point rather than approve it.
            "return" => context.IsCoordinator || (context.IsUnitHead && context.Report?.State == ReportState.Submitted),
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

        if (step == Step.Accept && report.State == ReportState.Submitted && context.UnitHeadApproval)
        {
            return new Problem(ProblemCodes.Conflict, "Kế hoạch này yêu cầu thủ trưởng đơn vị duyệt báo cáo trước khi tiếp nhận; báo cáo đang ở trạng thái \"đã gửi\".",
                "This plan has the unit head approve a report before it is accepted; the report is submitted, not approved.") { Field = "state" };
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

        var now = Microseconds(clock.GetUtcNow());
        var from = report.State;
        report.State = step.To;
        if (step == Step.Submit)
        {
            // Timeliness is decided once: the first submission after the due date makes the report late for good.
            if (report.SubmittedAt is null)
            {
                report.Late = clock.VietNamToday() > context.Obligation.DueDate;
            }

            report.SubmittedAt = now;
        }

        report.Revision++;
        report.UpdatedAt = now;
        report.UpdatedBy = actor.Name;
        report.History.Add(new ReportEvent { Action = step.Action, FromState = from, ToState = step.To, By = actor.Name, At = now, Comment = note });
        audit.Record(actor, "report." + step.Action, nameof(UnitReport), context.Key, new { State = from }, new { State = step.To, Comment = note, report.Late });
        _staged = context;
        return Outcome.Ok(report.Revision);
    }

    /// <summary>
    /// An instant as both databases keep it (PostgreSQL stores microseconds): what a step answers from the report it just
    /// saved is then exactly what reading it again gives.
    /// </summary>
    private static DateTimeOffset Microseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));

    private Task<ReportContext?> LoadAsync(ReportCaller caller, int obligationId, bool track, CancellationToken cancellationToken) =>
        ReportContext.LoadAsync(db, caller, obligationId, track, cancellationToken);

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

    /// <summary>The largest value achieved a report holds (the column is numeric(18,4): 14 digits before the point).</summary>
    public const decimal MaxAchievedValue = 99_999_999_999_999.9999m;

    /// <summary>The value as stored: four decimals, on every database alike (PostgreSQL's column would round it anyway, SQLite's would not).</summary>
    private static decimal? Value(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    private static List<Problem> Validate(ReportInput input)
    {
        var problems = new List<Problem>();
        if (input.AchievedValue is { } achieved && Math.Abs(achieved) > MaxAchievedValue)
        {
            problems.Add(Problem.Invalid("achievedValue", "Giá trị đạt được quá lớn (tối đa 14 chữ số trước dấu phẩy).", "The value achieved is too large (at most 14 digits before the decimal point)."));
        }

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

    private static object Snapshot(UnitReport r) => new { r.CompletedOn, r.AchievedValue, r.Result, r.Evidence, r.Difficulties, r.Proposals, r.TaskStatus };
}
