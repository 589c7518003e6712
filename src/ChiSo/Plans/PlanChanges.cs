using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>
/// What every change to a plan shares, for the authoring and issuing services: loading the plan tracked with what
/// an edit needs, refusing a closed plan, freezing an issued one before the first edit (ADR 0004), and marking
/// the plan changed. Runs inside the caller's unit of work.
/// </summary>
public sealed class PlanChanges(ChiSoDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The plan with its province, groups, tasks, assignments and node links, tracked for editing.</summary>
    public async Task<Plan?> LoadAsync(int planId, CancellationToken cancellationToken) =>
        await db.Plans
            .Include(p => p.Province)
            .Include(p => p.Groups)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments)
            .Include(p => p.Tasks).ThenInclude(t => t.Nodes)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);

    /// <summary>
    /// Refuses edits of a closed plan; for an issued one freezes the issued version and opens an amendment in the
    /// same transaction as the edit, so the text that was signed is never lost.
    /// </summary>
    public Problem? EnsureEditable(Plan plan, Actor actor, string? reason)
    {
        if (plan.Status == PlanStatus.Closed)
        {
            return new Problem(ProblemCodes.Invalid, "Kế hoạch đã đóng, không sửa được.", "The plan is closed and cannot be changed.") { Field = "status" };
        }

        if (plan.Status != PlanStatus.Issued)
        {
            return null;
        }

        db.PlanVersions.Add(new PlanVersion
        {
            PlanId = plan.Id, Amendment = plan.Amendment, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : VietnameseText.Normalize(reason).Trim(),
            Snapshot = PlanSnapshots.Serialize(PlanViews.From(plan, plan.Province?.Name ?? "")),
        });
        plan.Amendment++;
        plan.Status = PlanStatus.Amending;
        Touch(plan, headerChanged: true);
        audit.Record(actor, "plan.amend", nameof(Plan), Id(plan), new { Amendment = plan.Amendment - 1, plan.Number }, new { plan.Amendment, reason });
        return null;
    }

    /// <summary>
    /// Marks the plan changed. Only header and status changes bump the plan's revision: two people editing
    /// different tasks of one plan do not conflict, each task has its own revision.
    /// </summary>
    public void Touch(Plan plan, bool headerChanged = false)
    {
        if (headerChanged)
        {
            plan.Revision++;
        }

        plan.UpdatedAt = clock.GetUtcNow();
    }

    public static Problem NotFound() => Problem.NotFound("Không tìm thấy kế hoạch hoặc nhiệm vụ.", "The plan or task was not found.");

    public static string Id(Plan plan) => plan.Id.ToString(CultureInfo.InvariantCulture);

    public static string Id(PlanTask task) => task.Id.ToString(CultureInfo.InvariantCulture);
}
