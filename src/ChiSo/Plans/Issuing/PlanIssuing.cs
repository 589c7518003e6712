using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Issuing;

/// <summary>
/// A plan's life after drafting: issuing it with its number and date, opening an amendment of an issued plan,
/// closing it. Each change is one <see cref="UnitOfWork"/> with its audit row. Issuing and closing cannot be undone,
/// so each has a check that says what will happen and what looks wrong (<see cref="PlanConfirmation"/>), and the
/// change itself goes ahead only with the key of that check, worked out again inside its transaction.
/// </summary>
public sealed partial class PlanIssuing(ChiSoDbContext db, UnitOfWork work, PlanChanges changes, AuditLog audit, TimeProvider clock,
    Reporting.Periods.PlanPeriods periods, Reporting.Obligations.ObligationWriter obligations)
{
    /// <summary>The confirmation step of issuing: refusals, warnings and what issuing will do. Nothing changes.</summary>
    public async Task<Outcome<PlanConfirmation>> CheckIssueAsync(int planId, int expectedRevision, string? number, DateOnly? issuedOn,
        CancellationToken cancellationToken = default) =>
        await changes.LoadAsync(planId, cancellationToken, track: false) is { } plan
            ? await IssueCheckAsync(plan, expectedRevision, number, issuedOn, cancellationToken)
            : PlanChanges.NotFound();

    /// <summary>Issues the plan (or the amendment being edited) if <paramref name="confirmation"/> is the key of the check as it stands now.</summary>
    public Task<Outcome<int>> IssueAsync(int planId, int expectedRevision, string? number, DateOnly? issuedOn, string? confirmation, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await changes.LoadAsync(planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            var check = await IssueCheckAsync(plan, expectedRevision, number, issuedOn, ct);
            if (!check.Succeeded)
            {
                return check.Cast<int>();
            }

            if (!check.Value!.IsConfirmedBy(confirmation))
            {
                return check.Value.Unconfirmed();
            }

            plan.Number = IssueNumbers.Clean(number);
            plan.IssuedOn = issuedOn;
            plan.Status = PlanStatus.Issued;
            changes.Touch(plan, headerChanged: true);
            // The reporting periods become records with their windows and due dates; an amendment only adds new ones.
            var addedPeriods = await periods.AddMissingAsync(plan, ct);
            await db.SaveChangesAsync(ct); // the periods' ids, for the obligations that hang on them
            var owed = await obligations.WriteAsync(plan, ct);
            audit.Record(actor, "plan.issue", nameof(Plan), PlanChanges.Id(plan),
                newValues: new { plan.Number, plan.Symbol, IssuedOn = issuedOn, plan.Amendment, Tasks = plan.Tasks.Count, Periods = addedPeriods, Obligations = owed,
                    Warnings = check.Value.Warnings.Select(w => w.MessageVi).ToList() });
            return Outcome.Ok(plan.Id, check.Value.Warnings);
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

            if (plan.Status == PlanStatus.Amending)
            {
                // Two people pressing "amend" at once: the second finds the amendment already open (ADR 0005 retries
                // the loser of the race with fresh reads) and is told so, rather than opening a second one.
                return Problem.Invalid("status", "Bản sửa đổi của kế hoạch này đã được mở (có thể người khác vừa mở); hãy tải lại trang và sửa tiếp.",
                    "An amendment of this plan is already open (someone may just have opened it); reload the page and carry on editing.");
            }

            if (plan.Status != PlanStatus.Issued)
            {
                return Problem.Invalid("status", "Chỉ sửa đổi được kế hoạch đã ban hành.", "Only an issued plan can be amended.");
            }

            return changes.EnsureEditable(plan, actor, reason) is { } refused ? refused : Outcome.Ok(plan.Id);
        }, cancellationToken);

    /// <summary>The confirmation step of closing. Nothing changes.</summary>
    public async Task<Outcome<PlanConfirmation>> CheckCloseAsync(int planId, int expectedRevision, CancellationToken cancellationToken = default) =>
        await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) is { } plan
            ? CloseCheck(plan, expectedRevision)
            : PlanChanges.NotFound();

    public Task<Outcome<int>> CloseAsync(int planId, int expectedRevision, string? confirmation, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null)
            {
                return PlanChanges.NotFound();
            }

            var check = CloseCheck(plan, expectedRevision);
            if (!check.Succeeded)
            {
                return check.Cast<int>();
            }

            if (!check.Value!.IsConfirmedBy(confirmation))
            {
                return check.Value.Unconfirmed();
            }

            plan.Status = PlanStatus.Closed;
            changes.Touch(plan, headerChanged: true);
            audit.Record(actor, "plan.close", nameof(Plan), PlanChanges.Id(plan), new { Status = nameof(PlanStatus.Issued) }, new { Status = nameof(PlanStatus.Closed) });
            return Outcome.Ok(plan.Id, check.Value.Warnings);
        }, cancellationToken);
}
