using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// Deleting a task or a whole draft. Neither can be undone, so each has a check saying what will go
/// (<see cref="PlanConfirmation"/>) and the deletion needs that check's key; the audit row keeps what was deleted.
/// A plan that was ever issued is never deleted — it is closed — because the signed document must stay on record.
/// </summary>
public sealed partial class PlanService
{
    public async Task<Outcome<PlanConfirmation>> CheckDeleteTaskAsync(int planId, int taskId, int expectedTaskRevision, CancellationToken cancellationToken = default)
    {
        var plan = await changes.LoadAsync(planId, cancellationToken, track: false);
        var task = plan?.Tasks.FirstOrDefault(t => t.Id == taskId);
        return plan is null || task is null ? PlanChanges.NotFound() : DeleteTaskCheck(plan, task, expectedTaskRevision);
    }

    public Task<Outcome<int>> DeleteTaskAsync(int planId, int taskId, int expectedTaskRevision, string? confirmation, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            var task = plan?.Tasks.FirstOrDefault(t => t.Id == taskId);
            if (plan is null || task is null)
            {
                return PlanChanges.NotFound();
            }

            var check = DeleteTaskCheck(plan, task, expectedTaskRevision);
            if (!check.Succeeded)
            {
                return check.Cast<int>();
            }

            if (!check.Value!.IsConfirmedBy(confirmation))
            {
                return check.Value.Unconfirmed();
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

    public async Task<Outcome<PlanConfirmation>> CheckDeletePlanAsync(int planId, int expectedRevision, CancellationToken cancellationToken = default)
    {
        var plan = await changes.LoadAsync(planId, cancellationToken, track: false);
        return plan is null
            ? PlanChanges.NotFound()
            : DeletePlanCheck(plan, expectedRevision, await db.UnitMemberships.CountAsync(m => m.PlanId == planId, cancellationToken));
    }

    /// <summary>Deletes a draft that was never issued, with its groups, tasks and the coordinator memberships limited to it.</summary>
    public Task<Outcome<int>> DeletePlanAsync(int planId, int expectedRevision, string? confirmation, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            var memberships = await db.UnitMemberships.Where(m => m.PlanId == planId).ToListAsync(ct);
            var check = DeletePlanCheck(plan, expectedRevision, memberships.Count);
            if (!check.Succeeded)
            {
                return check.Cast<int>();
            }

            if (!check.Value!.IsConfirmedBy(confirmation))
            {
                return check.Value.Unconfirmed();
            }

            audit.Record(actor, "plan.delete", nameof(Plan), PlanChanges.Id(plan), new
            {
                Header = HeaderOf(plan),
                Groups = plan.Groups.OrderBy(g => g.Order).Select(g => $"{g.Code}. {g.Title}").ToList(),
                Tasks = plan.Tasks.OrderBy(t => t.Order).Select(TaskAudit).ToList(),
                Memberships = memberships.Select(m => new { m.UserId, m.UnitId, m.Role }).ToList(),
            });
            db.UnitMemberships.RemoveRange(memberships);
            db.Plans.Remove(plan);
            return Outcome.Ok(planId);
        }, cancellationToken);

    private static Outcome<PlanConfirmation> DeleteTaskCheck(Plan plan, PlanTask task, int expectedTaskRevision)
    {
        if (task.Revision != expectedTaskRevision)
        {
            return Problem.Conflict();
        }

        if (PlanChanges.RefuseClosed(plan) is { } closed)
        {
            return closed;
        }

        var warnings = new List<Problem>();
        if (plan.Status == PlanStatus.Issued)
        {
            warnings.Add(Problem.Invalid("status", "Kế hoạch đã ban hành: xóa nhiệm vụ sẽ mở bản sửa đổi; bản đã ban hành vẫn giữ nhiệm vụ này.",
                "The plan is issued: deleting the task opens an amendment; the issued version keeps the task.").AsWarning());
        }

        var content = Short(task.Content);
        List<Sentence> effects =
        [
            new($"Nhiệm vụ {task.Code} “{content}” bị xóa cùng {task.Assignments.Count} lượt giao cho đơn vị; không hoàn tác được (nhật ký vẫn ghi nội dung đã xóa).",
                $"Task {task.Code} “{content}” is deleted with its {task.Assignments.Count} assignments; this cannot be undone (the audit log keeps what was deleted)."),
        ];
        return Outcome.Ok(PlanConfirmation.For("task.delete", [plan.Id, task.Id, task.Revision, plan.Status], effects, warnings));
    }

    private static Outcome<PlanConfirmation> DeletePlanCheck(Plan plan, int expectedRevision, int memberships)
    {
        if (plan.Revision != expectedRevision)
        {
            return Problem.Conflict();
        }

        if (plan.Status != PlanStatus.Draft)
        {
            return Problem.Invalid("status", "Chỉ xóa được dự thảo chưa ban hành; kế hoạch đã ban hành thì đóng lại chứ không xóa.",
                "Only a draft that was never issued can be deleted; an issued plan is closed, not deleted.");
        }

        List<Sentence> effects =
        [
            new($"Dự thảo “{Short(plan.Title)}” bị xóa cùng {plan.Groups.Count} nhóm và {plan.Tasks.Count} nhiệm vụ; không hoàn tác được (nhật ký vẫn ghi nội dung đã xóa).",
                $"The draft “{Short(plan.Title)}” is deleted with its {plan.Groups.Count} groups and {plan.Tasks.Count} tasks; this cannot be undone (the audit log keeps what was deleted)."),
        ];
        if (memberships > 0)
        {
            effects.Add(new($"{memberships} quyền điều phối chỉ dành cho kế hoạch này bị thu hồi.", $"{memberships} coordinator role(s) limited to this plan are revoked."));
        }

        // Task edits do not bump the plan's revision, so what the draft holds is part of what was confirmed.
        var tasks = string.Join(',', plan.Tasks.OrderBy(t => t.Id).Select(t => $"{t.Id}:{t.Revision}"));
        return Outcome.Ok(PlanConfirmation.For("plan.delete", [plan.Id, plan.Revision, tasks, memberships], effects, []));
    }

    /// <summary>The first words of a long text, for a sentence that names it.</summary>
    private static string Short(string text)
    {
        var line = VietnameseText.Normalize(text);
        return line.Length <= 120 ? line : string.Concat(line.AsSpan(0, 117).TrimEnd(), "…");
    }
}
