using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Issuing;

/// <summary>
/// A plan's life after drafting: issuing it with its number and date, opening an amendment of an issued plan,
/// closing it. Each method is one <see cref="UnitOfWork"/> with its audit row.
/// </summary>
public sealed class PlanIssuing(ChiSoDbContext db, UnitOfWork work, PlanChanges changes, AuditLog audit)
{
    public Task<Outcome<int>> IssueAsync(int planId, int expectedRevision, string number, DateOnly issuedOn, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            if (plan.Revision != expectedRevision)
            {
                return Problem.Conflict();
            }

            var problems = new List<Problem>();
            if (!plan.IsEditable)
            {
                problems.Add(Problem.Invalid("status", "Kế hoạch đã ban hành hoặc đã đóng.", "The plan is already issued or closed."));
            }

            if (string.IsNullOrWhiteSpace(number))
            {
                problems.Add(Problem.Required("number", "Thiếu số văn bản.", "The document number is missing."));
            }

            if (issuedOn.Year < plan.FromYear - 1 || issuedOn.Year > plan.ToYear)
            {
                problems.Add(Problem.Invalid("issuedOn", "Ngày ban hành không khớp kỳ kế hoạch.", "The issue date does not fit the plan period."));
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
                return Outcome<int>.Fail(problems);
            }

            plan.Number = VietnameseText.Normalize(number).Trim();
            plan.IssuedOn = issuedOn;
            plan.Status = PlanStatus.Issued;
            changes.Touch(plan, headerChanged: true);
            audit.Record(actor, "plan.issue", nameof(Plan), PlanChanges.Id(plan),
                newValues: new { plan.Number, plan.Symbol, IssuedOn = issuedOn, plan.Amendment, Tasks = plan.Tasks.Count });
            return Outcome.Ok(plan.Id);
        }, cancellationToken);

    /// <summary>Opens an amendment of an issued plan: the issued version is frozen and stays readable.</summary>
    public Task<Outcome<int>> OpenAmendmentAsync(int planId, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            if (plan.Status != PlanStatus.Issued)
            {
                return Problem.Invalid("status", "Chỉ sửa đổi được kế hoạch đã ban hành.", "Only an issued plan can be amended.");
            }

            return changes.EnsureEditable(plan, actor, reason) is { } refused ? refused : Outcome.Ok(plan.Id);
        }, cancellationToken);

    public Task<Outcome<int>> CloseAsync(int planId, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            if (plan.Status != PlanStatus.Issued)
            {
                return Problem.Invalid("status", "Chỉ đóng được kế hoạch đã ban hành.", "Only an issued plan can be closed.");
            }

            plan.Status = PlanStatus.Closed;
            changes.Touch(plan, headerChanged: true);
            audit.Record(actor, "plan.close", nameof(Plan), PlanChanges.Id(plan));
            return Outcome.Ok(plan.Id);
        }, cancellationToken);
}
