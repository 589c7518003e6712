using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// Writing a plan: creating it, its header, its tasks one by one or in batches, bulk assignment. Each public method
/// is one user action run as one <see cref="UnitOfWork"/>: the change and its audit row commit together or not at
/// all. Edits check the revision the editor loaded (optimistic concurrency) and an edit of an issued plan first
/// freezes the issued version (<see cref="PlanChanges.EnsureEditable"/>).
/// </summary>
public sealed partial class PlanService(ChiSoDbContext db, UnitOfWork work, PlanChanges changes, AuditLog audit, TimeProvider clock)
{
    public Task<Outcome<int>> CreateAsync(int provinceId, PlanHeaderInput header, IReadOnlyList<TaskGroupInput> groups,
        IReadOnlyList<TaskInput> tasks, Actor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(provinceId, header, groups, tasks, actor, "plan.create", null, cancellationToken);

    private Task<Outcome<int>> CreateAsync(int provinceId, PlanHeaderInput header, IReadOnlyList<TaskGroupInput> groups,
        IReadOnlyList<TaskInput> tasks, Actor actor, string action, int? copiedFrom, CancellationToken cancellationToken) =>
        work.RunAsync(async ct =>
        {
            var problems = PlanValidator.Header(header);
            if (!await db.Units.AsNoTracking().AnyAsync(u => u.Id == provinceId && u.Kind == UnitKind.Province, ct))
            {
                problems.Add(Problem.NotFound("Không tìm thấy tỉnh.", "The province was not found.") with { Field = "provinceId" });
            }

            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems);
            }

            var now = clock.GetUtcNow();
            var plan = new Plan
            {
                ProvinceId = provinceId, Symbol = "", IssuingBody = "", Place = "", Title = "", CreatedBy = actor.Name, CreatedAt = now, UpdatedAt = now,
                Status = PlanStatus.Draft,
            };
            ApplyHeader(plan, header);
            db.Plans.Add(plan);
            var warnings = new List<Problem>();
            var added = await StageTasksAsync(plan, groups, tasks, problems, warnings, ct);
            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems, warnings);
            }

            await db.SaveChangesAsync(ct);
            audit.Record(actor, action, nameof(Plan), PlanChanges.Id(plan),
                newValues: new { plan.Title, plan.FromYear, plan.ToYear, Tasks = added, Groups = groups.Count, CopiedFrom = copiedFrom });
            return Outcome.Ok(plan.Id, warnings);
        }, cancellationToken);

    public Task<Outcome<int>> UpdateHeaderAsync(int planId, int expectedRevision, PlanHeaderInput header, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var problems = PlanValidator.Header(header);
            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems);
            }

            var plan = await changes.LoadAsync(planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            if (plan.Revision != expectedRevision)
            {
                return Problem.Conflict();
            }

            if (changes.EnsureEditable(plan, actor, null) is { } refused)
            {
                return refused;
            }

            var outside = plan.Tasks.Where(t => t.TimeframeDue is { } due && (due.Year < header.FromYear || due.Year > header.ToYear)).Select(t => t.Code).ToList();
            if (outside.Count > 0)
            {
                return Problem.Invalid("period", $"Thời hạn của nhiệm vụ {string.Join(", ", outside)} nằm ngoài kỳ kế hoạch mới.",
                    $"The deadline of task(s) {string.Join(", ", outside)} falls outside the new plan period.");
            }

            var old = HeaderOf(plan);
            ApplyHeader(plan, header);
            changes.Touch(plan, headerChanged: true);
            audit.Record(actor, "plan.update", nameof(Plan), PlanChanges.Id(plan), old, HeaderOf(plan));
            return Outcome.Ok(plan.Id);
        }, cancellationToken);

    /// <summary>Adds a task (<paramref name="taskId"/> null) or changes one, checking the task revision the editor loaded.</summary>
    public Task<Outcome<int>> SaveTaskAsync(int planId, int? taskId, int? expectedTaskRevision, TaskInput input, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            PlanTask? task = null;
            if (taskId is { } id)
            {
                task = plan.Tasks.FirstOrDefault(t => t.Id == id);
                if (task is null)
                {
                    return PlanChanges.NotFound();
                }

                if (task.Revision != expectedTaskRevision)
                {
                    return Problem.Conflict();
                }
            }

            if (changes.EnsureEditable(plan, actor, null) is { } refused)
            {
                return refused;
            }

            var code = VietnameseText.Normalize(input.Code).Trim();
            var problems = new List<Problem>();
            if (plan.Tasks.Any(t => t != task && string.Equals(t.Code, code, StringComparison.Ordinal)))
            {
                problems.Add(new Problem(ProblemCodes.Duplicate, $"Mã nhiệm vụ '{code}' đã có trong kế hoạch.", $"Task code '{code}' is already used in this plan.") { Field = "code" });
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

            var writer = new TaskWriter(await ResolverAsync(plan, ct), plan);
            writer.Write(task, input, groups, "task");
            problems.AddRange(writer.Problems);
            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems, writer.Warnings);
            }

            task.Revision++;
            changes.Touch(plan);
            // Saved once before the audit row so a new task has its id; a concurrent writer is caught here too.
            await db.SaveChangesAsync(ct);
            audit.Record(actor, old is null ? "task.create" : "task.update", nameof(PlanTask), PlanChanges.Id(task), old, TaskAudit(task));
            return Outcome.Ok(task.Id, writer.Warnings);
        }, cancellationToken);

    public Task<Outcome<int>> DeleteTaskAsync(int planId, int taskId, int expectedTaskRevision, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            var task = plan?.Tasks.FirstOrDefault(t => t.Id == taskId);
            if (plan is null || task is null)
            {
                return PlanChanges.NotFound();
            }

            if (task.Revision != expectedTaskRevision)
            {
                return Problem.Conflict();
            }

            if (changes.EnsureEditable(plan, actor, null) is { } refused)
            {
                return refused;
            }

            audit.Record(actor, "task.delete", nameof(PlanTask), PlanChanges.Id(task), TaskAudit(task));
            db.PlanTasks.Remove(task);
            changes.Touch(plan);
            return Outcome.Ok(plan.Id);
        }, cancellationToken);

    /// <summary>Appends groups and tasks (an imported appendix, a drafted batch); groups with an existing code are reused.</summary>
    public Task<Outcome<int>> AddTasksAsync(int planId, IReadOnlyList<TaskGroupInput> groups, IReadOnlyList<TaskInput> tasks, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            if (changes.EnsureEditable(plan, actor, null) is { } refused)
            {
                return refused;
            }

            var problems = new List<Problem>();
            var warnings = new List<Problem>();
            var added = await StageTasksAsync(plan, groups, tasks, problems, warnings, ct);
            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems, warnings);
            }

            changes.Touch(plan);
            audit.Record(actor, "plan.tasks-add", nameof(Plan), PlanChanges.Id(plan), newValues: new { Tasks = added, Codes = tasks.Select(t => t.Code).ToList() });
            return Outcome.Ok(plan.Id, warnings);
        }, cancellationToken);

    /// <summary>Adds (or, with <paramref name="replace"/>, sets) the assignees of one role on many tasks at once.</summary>
    public Task<Outcome<int>> BulkAssignAsync(int planId, IReadOnlyList<int> taskIds, AssignmentRole role, IReadOnlyList<string> assignees, bool replace,
        Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            var tasks = plan.Tasks.Where(t => taskIds.Contains(t.Id)).ToList();
            if (tasks.Count == 0 || assignees.Count == 0)
            {
                return Problem.Required("taskIds", "Chọn ít nhất một nhiệm vụ và một đơn vị.", "Choose at least one task and one unit.");
            }

            var resolver = await ResolverAsync(plan, ct);
            var resolved = assignees.Select(resolver.Resolve).Where(a => a.Text.Length > 0).ToList();
            var unknown = resolved.Where(a => !a.IsResolved).Select(a => a.Text).ToList();
            if (unknown.Count > 0)
            {
                return new Problem(ProblemCodes.Unmatched, $"Không có trong danh mục đơn vị: {string.Join("; ", unknown)}.",
                    $"Not in the unit registry: {string.Join("; ", unknown)}.") { Field = "assignees" };
            }

            if (replace && role == AssignmentRole.Lead && resolved.Count == 0)
            {
                return Problem.Required("assignees", "Nhiệm vụ phải có đơn vị chủ trì.", "A task must have a lead unit.");
            }

            if (changes.EnsureEditable(plan, actor, null) is { } refused)
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
                foreach (var a in resolved.Where(a => !task.Assignments.Any(x => x.Role == role && a.Key is { } key && x.Key == key)))
                {
                    task.Assignments.Add(new TaskAssignment
                    {
                        Role = role, Text = a.Text, UnitId = a.Unit?.Id, BuiltInGroup = a.BuiltInGroup, UnitGroupId = a.UnitGroup?.Id, Order = order++,
                    });
                }

                task.Revision++;
                audit.Record(actor, "task.assign", nameof(PlanTask), PlanChanges.Id(task), old, TaskAudit(task));
            }

            changes.Touch(plan);
            return Outcome.Ok(plan.Id);
        }, cancellationToken);

    private async Task<int> StageTasksAsync(Plan plan, IReadOnlyList<TaskGroupInput> groups, IReadOnlyList<TaskInput> tasks,
        List<Problem> problems, List<Problem> warnings, CancellationToken cancellationToken)
    {
        var groupsByCode = plan.Groups.ToDictionary(g => g.Code, StringComparer.Ordinal);
        foreach (var g in groups)
        {
            var code = VietnameseText.Normalize(g.Code).Trim();
            if (code.Length == 0 || string.IsNullOrWhiteSpace(g.Title))
            {
                problems.Add(Problem.Required("groups", "Nhóm nhiệm vụ thiếu số thứ tự hoặc tiêu đề.", "A task group lacks its code or title."));
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
                problems.Add(new Problem(ProblemCodes.Duplicate, $"Mã nhiệm vụ '{code}' bị trùng.", $"Task code '{code}' is used twice.") { Field = $"tasks[{i}].code" });
            }

            var task = NewTask(plan);
            writer.Write(task, tasks[i], groupsByCode, $"tasks[{i}]");
            task.Revision = 1;
        }

        problems.AddRange(writer.Problems);
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
