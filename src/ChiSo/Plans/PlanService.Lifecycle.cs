using ChiSo.Auditing;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>Issuing, amending and closing a plan, bulk assignment, and the header and audit helpers.</summary>
public sealed partial class PlanService
{
    public async Task<PlanResult> IssueAsync(int planId, int expectedRevision, string number, DateOnly issuedOn, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await LoadAsync(planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (plan.Revision != expectedRevision)
        {
            return PlanResult.Conflicted();
        }

        var errors = new List<PlanError>();
        if (!plan.IsEditable)
        {
            errors.Add(new("status", "Kế hoạch đã ban hành hoặc đã đóng.", "The plan is already issued or closed."));
        }

        if (string.IsNullOrWhiteSpace(number))
        {
            errors.Add(new("number", "Thiếu số văn bản.", "The document number is missing."));
        }

        if (issuedOn.Year < plan.FromYear - 1 || issuedOn.Year > plan.ToYear)
        {
            errors.Add(new("issuedOn", "Ngày ban hành không khớp kỳ kế hoạch.", "The issue date does not fit the plan period."));
        }

        if (plan.Tasks.Count == 0)
        {
            errors.Add(new("tasks", "Kế hoạch chưa có nhiệm vụ nào.", "The plan has no tasks."));
        }

        foreach (var task in plan.Tasks.Where(t => !t.Assignments.Any(a => a.Role == AssignmentRole.Lead)))
        {
            errors.Add(new($"tasks[{task.Code}].leads", $"Nhiệm vụ {task.Code}: chưa có đơn vị chủ trì.", $"Task {task.Code}: no lead unit."));
        }

        if (errors.Count > 0)
        {
            return PlanResult.Fail(errors);
        }

        plan.Number = VietnameseText.Normalize(number).Trim();
        plan.IssuedOn = issuedOn;
        plan.Status = PlanStatus.Issued;
        Touch(plan, headerChanged: true);
        audit.Record(actor, "plan.issue", nameof(Plan), Id(plan), newValues: new { plan.Number, plan.Symbol, IssuedOn = issuedOn, plan.Amendment, Tasks = plan.Tasks.Count });
        return await CommitAsync(transaction, plan.Id, [], cancellationToken);
    }

    /// <summary>Opens an amendment of an issued plan: the issued version is frozen and stays readable.</summary>
    public async Task<PlanResult> OpenAmendmentAsync(int planId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await LoadAsync(planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (plan.Status != PlanStatus.Issued)
        {
            return PlanResult.Fail("status", "Chỉ sửa đổi được kế hoạch đã ban hành.", "Only an issued plan can be amended.");
        }

        EnsureEditable(plan, actor, reason);
        return await CommitAsync(transaction, plan.Id, [], cancellationToken);
    }

    public async Task<PlanResult> CloseAsync(int planId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (plan.Status != PlanStatus.Issued)
        {
            return PlanResult.Fail("status", "Chỉ đóng được kế hoạch đã ban hành.", "Only an issued plan can be closed.");
        }

        plan.Status = PlanStatus.Closed;
        Touch(plan, headerChanged: true);
        audit.Record(actor, "plan.close", nameof(Plan), Id(plan));
        return await CommitAsync(transaction, plan.Id, [], cancellationToken);
    }

    /// <summary>Adds (or, with <paramref name="replace"/>, sets) the assignees of one role on many tasks at once.</summary>
    public async Task<PlanResult> BulkAssignAsync(int planId, IReadOnlyList<int> taskIds, AssignmentRole role, IReadOnlyList<string> assignees, bool replace,
        Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await LoadAsync(planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        var tasks = plan.Tasks.Where(t => taskIds.Contains(t.Id)).ToList();
        if (tasks.Count == 0 || assignees.Count == 0)
        {
            return PlanResult.Fail("taskIds", "Chọn ít nhất một nhiệm vụ và một đơn vị.", "Choose at least one task and one unit.");
        }

        var resolver = await ResolverAsync(plan, cancellationToken);
        var resolved = assignees.Select(resolver.Resolve).Where(a => a.Text.Length > 0).ToList();
        var unknown = resolved.Where(a => !a.IsResolved).Select(a => a.Text).ToList();
        if (unknown.Count > 0)
        {
            return PlanResult.Fail("assignees", $"Không có trong danh mục đơn vị: {string.Join("; ", unknown)}.", $"Not in the unit registry: {string.Join("; ", unknown)}.");
        }

        if (replace && role == AssignmentRole.Lead && resolved.Count == 0)
        {
            return PlanResult.Fail("assignees", "Nhiệm vụ phải có đơn vị chủ trì.", "A task must have a lead unit.");
        }

        if (EnsureEditable(plan, actor, null) is { } refused)
        {
            return refused;
        }

        foreach (var task in tasks)
        {
            var old = TaskAudit(task);
            if (replace)
            {
                task.Assignments.RemoveAll(a => a.Role == role);
            }

            var order = task.Assignments.Where(a => a.Role == role).Select(a => a.Order + 1).DefaultIfEmpty(0).Max();
            foreach (var a in resolved.Where(a => !task.Assignments.Any(x => x.Role == role && Same(x, a))))
            {
                task.Assignments.Add(new TaskAssignment
                {
                    Role = role, Text = a.Text, UnitId = a.Unit?.Id, BuiltInGroup = a.BuiltInGroup, UnitGroupId = a.UnitGroup?.Id, Order = order++,
                });
            }

            task.Revision++;
            audit.Record(actor, "task.assign", nameof(PlanTask), Id(task), old, TaskAudit(task));
        }

        Touch(plan);
        return await CommitAsync(transaction, plan.Id, [], cancellationToken);
    }

    private static bool Same(TaskAssignment x, Assignee a) =>
        (a.Unit is not null && x.UnitId == a.Unit.Id) || (a.BuiltInGroup is not null && x.BuiltInGroup == a.BuiltInGroup)
        || (a.UnitGroup is not null && x.UnitGroupId == a.UnitGroup.Id);

    /// <summary>
    /// Refuses edits of a closed plan; for an issued one freezes the issued version and opens an amendment in the
    /// same transaction as the edit, so the text that was signed is never lost.
    /// </summary>
    private PlanResult? EnsureEditable(Plan plan, Actor actor, string? reason)
    {
        if (plan.Status == PlanStatus.Closed)
        {
            return PlanResult.Fail("status", "Kế hoạch đã đóng, không sửa được.", "The plan is closed and cannot be changed.");
        }

        if (plan.Status != PlanStatus.Issued)
        {
            return null;
        }

        var snapshot = PlanSnapshots.Serialize(PlanViews.From(plan, plan.Province?.Name ?? ""));
        db.PlanVersions.Add(new PlanVersion
        {
            PlanId = plan.Id, Amendment = plan.Amendment, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : VietnameseText.Normalize(reason).Trim(), Snapshot = snapshot,
        });
        plan.Amendment++;
        plan.Status = PlanStatus.Amending;
        Touch(plan, headerChanged: true);
        audit.Record(actor, "plan.amend", nameof(Plan), Id(plan), new { Amendment = plan.Amendment - 1, plan.Number }, new { plan.Amendment, reason });
        return null;
    }

    private static void ApplyHeader(Plan plan, PlanHeaderInput h)
    {
        plan.DocumentType = h.DocumentType;
        plan.Number = VietnameseText.NormalizeMultilineOrNull(h.Number);
        plan.Symbol = VietnameseText.Normalize(h.Symbol).Trim();
        plan.ParentBody = VietnameseText.NormalizeMultilineOrNull(h.ParentBody);
        plan.IssuingBody = VietnameseText.Normalize(h.IssuingBody).Trim();
        plan.Place = VietnameseText.Normalize(h.Place).Trim();
        plan.IssuedOn = h.IssuedOn;
        plan.Title = VietnameseText.Normalize(h.Title).Trim();
        plan.FromYear = h.FromYear;
        plan.ToYear = h.ToYear;
        plan.ResultYear = h.ResultYear;
        plan.Frameworks = string.Join(',', h.Frameworks.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal));
        plan.Preamble = VietnameseText.NormalizeMultilineOrNull(h.Preamble);
        plan.Purposes = VietnameseText.NormalizeMultilineOrNull(h.Purposes);
        plan.Requirements = VietnameseText.NormalizeMultilineOrNull(h.Requirements);
        plan.Implementation = VietnameseText.NormalizeMultilineOrNull(h.Implementation);
        plan.Funding = VietnameseText.NormalizeMultilineOrNull(h.Funding);
        plan.Recipients = VietnameseText.NormalizeMultilineOrNull(h.Recipients);
        plan.SignerOnBehalf = VietnameseText.NormalizeMultilineOrNull(h.SignerOnBehalf);
        plan.SignerDeputy = VietnameseText.NormalizeMultilineOrNull(h.SignerDeputy);
        plan.SignerTitle = VietnameseText.NormalizeMultilineOrNull(h.SignerTitle);
        plan.SignerName = VietnameseText.NormalizeMultilineOrNull(h.SignerName);
    }

    /// <summary>The header in a form for forms and the audit log.</summary>
    public static PlanHeaderInput HeaderOf(Plan p) => new()
    {
        DocumentType = p.DocumentType, Number = p.Number, Symbol = p.Symbol, ParentBody = p.ParentBody, IssuingBody = p.IssuingBody, Place = p.Place,
        IssuedOn = p.IssuedOn, Title = p.Title, FromYear = p.FromYear, ToYear = p.ToYear, ResultYear = p.ResultYear, Frameworks = p.FrameworkFamilies,
        Preamble = p.Preamble, Purposes = p.Purposes, Requirements = p.Requirements, Implementation = p.Implementation, Funding = p.Funding,
        Recipients = p.Recipients, SignerOnBehalf = p.SignerOnBehalf, SignerDeputy = p.SignerDeputy, SignerTitle = p.SignerTitle, SignerName = p.SignerName,
    };

    private static object TaskAudit(PlanTask t) => new
    {
        t.Code, t.Content, t.TargetText, t.TargetValue, t.TimeframeText, t.ExpectedOutput,
        Assignees = t.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Order).Select(a => $"{a.Role}: {a.Text}").ToList(),
        Nodes = t.Nodes.Select(n => $"{n.FrameworkId}:{n.NodeCode}").ToList(),
    };
}
