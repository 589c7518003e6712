using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>
/// Every change to a plan and its tasks. Each public method is one user action: one transaction holding the
/// change and its audit row, so a failure leaves nothing half-written. Edits check the revision the editor
/// loaded (optimistic concurrency) and an edit of an issued plan first freezes the issued version.
/// </summary>
public sealed partial class PlanService(ChiSoDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Test seam: runs inside the transaction after the changes are staged, before they are saved.</summary>
    internal Func<Task>? BeforeCommit { get; set; }

    public Task<PlanResult> CreateAsync(int provinceId, PlanHeaderInput header, IReadOnlyList<TaskGroupInput> groups,
        IReadOnlyList<TaskInput> tasks, Actor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(provinceId, header, groups, tasks, actor, "plan.create", null, cancellationToken);

    private async Task<PlanResult> CreateAsync(int provinceId, PlanHeaderInput header, IReadOnlyList<TaskGroupInput> groups,
        IReadOnlyList<TaskInput> tasks, Actor actor, string action, int? copiedFrom, CancellationToken cancellationToken)
    {
        var errors = PlanValidator.Header(header);
        var province = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == provinceId && u.Kind == UnitKind.Province, cancellationToken);
        if (province is null)
        {
            errors.Add(new("provinceId", "Không tìm thấy tỉnh.", "The province was not found."));
        }

        if (errors.Count > 0)
        {
            return PlanResult.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var plan = new Plan
        {
            ProvinceId = provinceId, Symbol = "", IssuingBody = "", Place = "", Title = "", CreatedBy = actor.Name, CreatedAt = now, UpdatedAt = now,
            Status = PlanStatus.Draft,
        };
        ApplyHeader(plan, header);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Plans.Add(plan);
        var warnings = new List<PlanError>();
        var added = await StageTasksAsync(plan, groups, tasks, errors, warnings, cancellationToken);
        if (errors.Count > 0)
        {
            return PlanResult.Fail(errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, action, nameof(Plan), Id(plan), newValues: new { plan.Title, plan.FromYear, plan.ToYear, Tasks = added, Groups = groups.Count, CopiedFrom = copiedFrom });
        return await CommitAsync(transaction, plan.Id, warnings, cancellationToken);
    }

    public async Task<PlanResult> UpdateHeaderAsync(int planId, int expectedRevision, PlanHeaderInput header, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = PlanValidator.Header(header);
        if (errors.Count > 0)
        {
            return PlanResult.Fail(errors);
        }

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

        if (EnsureEditable(plan, actor, null) is { } refused)
        {
            return refused;
        }

        var outside = plan.Tasks.Where(t => t.TimeframeDue is { } due && (due.Year < header.FromYear || due.Year > header.ToYear)).Select(t => t.Code).ToList();
        if (outside.Count > 0)
        {
            return PlanResult.Fail("period", $"Thời hạn của nhiệm vụ {string.Join(", ", outside)} nằm ngoài kỳ kế hoạch mới.",
                $"The deadline of task(s) {string.Join(", ", outside)} falls outside the new plan period.");
        }

        var old = HeaderOf(plan);
        ApplyHeader(plan, header);
        Touch(plan, headerChanged: true);
        audit.Record(actor, "plan.update", nameof(Plan), Id(plan), old, HeaderOf(plan));
        return await CommitAsync(transaction, plan.Id, [], cancellationToken);
    }

    /// <summary>Adds a task (<paramref name="taskId"/> null) or changes one, checking the task revision the editor loaded.</summary>
    public async Task<PlanResult> SaveTaskAsync(int planId, int? taskId, int? expectedTaskRevision, TaskInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await LoadAsync(planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        PlanTask? task = null;
        if (taskId is { } id)
        {
            task = plan.Tasks.FirstOrDefault(t => t.Id == id);
            if (task is null)
            {
                return PlanResult.Fail("taskId", "Không tìm thấy nhiệm vụ.", "The task was not found.");
            }

            if (task.Revision != expectedTaskRevision)
            {
                return PlanResult.Conflicted();
            }
        }

        if (EnsureEditable(plan, actor, null) is { } refused)
        {
            return refused;
        }

        var code = VietnameseText.Normalize(input.Code).Trim();
        var errors = new List<PlanError>();
        if (plan.Tasks.Any(t => t != task && string.Equals(t.Code, code, StringComparison.Ordinal)))
        {
            errors.Add(new("code", $"Mã nhiệm vụ '{code}' đã có trong kế hoạch.", $"Task code '{code}' is already used in this plan."));
        }

        var old = task is null ? null : TaskAudit(task);
        task ??= NewTask(plan);
        var groups = plan.Groups.ToDictionary(g => g.Code, StringComparer.Ordinal);
        var groupCode = VietnameseText.Normalize(input.GroupCode);
        if (groupCode.Length > 0 && !groups.ContainsKey(groupCode) && !string.IsNullOrWhiteSpace(input.GroupTitle))
        {
            var group = new PlanTaskGroup { Code = groupCode, Title = VietnameseText.Normalize(input.GroupTitle), Order = plan.Groups.Count };
            plan.Groups.Add(group);
            groups[groupCode] = group;
        }

        var writer = new TaskWriter(await ResolverAsync(plan, cancellationToken), plan);
        writer.Write(task, input, groups, "task");
        errors.AddRange(writer.Errors);
        if (errors.Count > 0)
        {
            return PlanResult.Fail(errors);
        }

        task.Revision++;
        Touch(plan);
        try
        {
            // Saved once before the audit row so a new task has its id; a concurrent writer is caught here too.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return PlanResult.Conflicted();
        }

        audit.Record(actor, old is null ? "task.create" : "task.update", nameof(PlanTask), Id(task), old, TaskAudit(task));
        return await CommitAsync(transaction, task.Id, writer.Warnings, cancellationToken);
    }

    public async Task<PlanResult> DeleteTaskAsync(int planId, int taskId, int expectedTaskRevision, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await LoadAsync(planId, cancellationToken);
        var task = plan?.Tasks.FirstOrDefault(t => t.Id == taskId);
        if (plan is null || task is null)
        {
            return NotFound();
        }

        if (task.Revision != expectedTaskRevision)
        {
            return PlanResult.Conflicted();
        }

        if (EnsureEditable(plan, actor, null) is { } refused)
        {
            return refused;
        }

        audit.Record(actor, "task.delete", nameof(PlanTask), Id(task), TaskAudit(task));
        db.PlanTasks.Remove(task);
        Touch(plan);
        return await CommitAsync(transaction, plan.Id, [], cancellationToken);
    }

    /// <summary>Appends groups and tasks (an imported appendix, a drafted batch); groups with an existing code are reused.</summary>
    public async Task<PlanResult> AddTasksAsync(int planId, IReadOnlyList<TaskGroupInput> groups, IReadOnlyList<TaskInput> tasks, Actor actor,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await LoadAsync(planId, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (EnsureEditable(plan, actor, null) is { } refused)
        {
            return refused;
        }

        var errors = new List<PlanError>();
        var warnings = new List<PlanError>();
        var added = await StageTasksAsync(plan, groups, tasks, errors, warnings, cancellationToken);
        if (errors.Count > 0)
        {
            return PlanResult.Fail(errors);
        }

        Touch(plan);
        audit.Record(actor, "plan.tasks-add", nameof(Plan), Id(plan), newValues: new { Tasks = added, Codes = tasks.Select(t => t.Code).ToList() });
        return await CommitAsync(transaction, plan.Id, warnings, cancellationToken);
    }

    private async Task<int> StageTasksAsync(Plan plan, IReadOnlyList<TaskGroupInput> groups, IReadOnlyList<TaskInput> tasks,
        List<PlanError> errors, List<PlanError> warnings, CancellationToken cancellationToken)
    {
        var groupsByCode = plan.Groups.ToDictionary(g => g.Code, StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var code = VietnameseText.Normalize(g.Code).Trim();
            if (code.Length == 0 || string.IsNullOrWhiteSpace(g.Title))
            {
                errors.Add(new("groups", "Nhóm nhiệm vụ thiếu số thứ tự hoặc tiêu đề.", "A task group lacks its code or title."));
                continue;
            }

            if (!groupsByCode.ContainsKey(code))
            {
                var group = new PlanTaskGroup { Code = code, Title = VietnameseText.Normalize(g.Title).Trim(), Order = groupsByCode.Count };
                plan.Groups.Add(group);
                groupsByCode[code] = group;
            }
        }

        var codes = plan.Tasks.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var writer = new TaskWriter(await ResolverAsync(plan, cancellationToken), plan);
        for (var i = 0; i < tasks.Count; i++)
        {
            var code = VietnameseText.Normalize(tasks[i].Code).Trim();
            if (code.Length > 0 && !codes.Add(code))
            {
                errors.Add(new($"tasks[{i}].code", $"Mã nhiệm vụ '{code}' bị trùng.", $"Task code '{code}' is used twice."));
            }

            var task = NewTask(plan);
            writer.Write(task, tasks[i], groupsByCode, $"tasks[{i}]");
            task.Revision = 1;
        }

        errors.AddRange(writer.Errors);
        warnings.AddRange(writer.Warnings);
        return tasks.Count;
    }

    private static PlanTask NewTask(Plan plan)
    {
        var task = new PlanTask { Code = "", Content = "", Order = plan.Tasks.Count == 0 ? 0 : plan.Tasks.Max(t => t.Order) + 1 };
        plan.Tasks.Add(task);
        return task;
    }

    private async Task<AssigneeResolver> ResolverAsync(Plan plan, CancellationToken cancellationToken) =>
        await AssigneeResolver.LoadAsync(db, plan.ProvinceId, plan.IssuedOn ?? new DateOnly(plan.FromYear, 1, 1), cancellationToken);

    private async Task<Plan?> LoadAsync(int planId, CancellationToken cancellationToken) =>
        await db.Plans
            .Include(p => p.Province)
            .Include(p => p.Groups)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments)
            .Include(p => p.Tasks).ThenInclude(t => t.Nodes)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);

    private async Task<PlanResult> CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, int id,
        IReadOnlyList<PlanError> warnings, CancellationToken cancellationToken)
    {
        try
        {
            if (BeforeCommit is { } hook)
            {
                await hook();
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return PlanResult.Ok(id, warnings);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return PlanResult.Conflicted();
        }
    }

    /// <summary>
    /// Marks the plan changed. Only header and status changes bump the plan's revision: two people editing
    /// different tasks of one plan do not conflict, each task has its own revision.
    /// </summary>
    private void Touch(Plan plan, bool headerChanged = false)
    {
        if (headerChanged)
        {
            plan.Revision++;
        }

        plan.UpdatedAt = clock.GetUtcNow();
    }

    private static PlanResult NotFound() => PlanResult.Fail("id", "Không tìm thấy kế hoạch hoặc nhiệm vụ.", "The plan or task was not found.");

    private static string Id(Plan plan) => plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Id(PlanTask task) => task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
