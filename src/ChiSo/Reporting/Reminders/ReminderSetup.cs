using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Setup;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Reminders;

/// <summary>A plan's reminder days as the caller may see them; <paramref name="Saved"/> false means the defaults.</summary>
public sealed record ReminderSettingsView(int PlanId, ReminderDays Days, bool Saved, bool CanChange);

/// <summary>
/// When a plan's units are reminded (<see cref="ReminderDays"/>), kept in the plan's reporting settings row (ADR 0016).
/// Whoever reads the plan sees them; only its coordinators change them, one audited unit of work per change; a plan
/// the caller may not read is not found, and a closed plan's reporting does not change.
/// </summary>
public sealed class ReminderSetup(ChiSoDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ReminderSettingsView>> ReadAsync(PlanRights rights, int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.ProvinceId, p.Status }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null || !rights.CanRead(plan.ProvinceId, planId, plan.Status))
        {
            return NotFound(planId);
        }

        var settings = await db.Set<PlanReportingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId, cancellationToken);
        return Outcome.Ok(new ReminderSettingsView(planId, ReminderDays.Of(settings), settings?.ReminderDaysBefore is not null || settings?.ReminderDaysAfter is not null,
            rights.CanEdit(plan.ProvinceId, planId)));
    }

    public Task<Outcome<ReminderDays>> SetAsync(PlanRights rights, int planId, ReminderDays days, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.ProvinceId, p.Status }).SingleOrDefaultAsync(ct);
            if (plan is null || !rights.CanRead(plan.ProvinceId, planId, plan.Status))
            {
                return NotFound(planId);
            }

            if (!rights.CanEdit(plan.ProvinceId, planId))
            {
                return Problem.Forbidden();
            }

            if (plan.Status == PlanStatus.Closed)
            {
                return new Problem(ProblemCodes.Conflict, "Kế hoạch đã kết thúc; không thay đổi được việc nhắc báo cáo.", "The plan is closed; its reminders cannot change.") { Field = "status" };
            }

            var settings = await db.Set<PlanReportingSettings>().FirstOrDefaultAsync(s => s.PlanId == planId, ct);
            var before = ReminderDays.Of(settings);
            if (settings is null)
            {
                settings = new PlanReportingSettings { PlanId = planId, UpdatedBy = actor.Name };
                db.Set<PlanReportingSettings>().Add(settings);
            }

            settings.ReminderDaysBefore = days.BeforeText;
            settings.ReminderDaysAfter = days.AfterText;
            settings.UpdatedAt = clock.GetUtcNow();
            settings.UpdatedBy = actor.Name;
            audit.Record(actor, "reminders.settings", nameof(PlanReportingSettings), planId.ToString(CultureInfo.InvariantCulture),
                new { before = before.BeforeText, after = before.AfterText }, new { before = days.BeforeText, after = days.AfterText });
            return Outcome.Ok(days);
        }, cancellationToken);

    private static Problem NotFound(int planId) => Problem.NotFound($"Không có kế hoạch {planId}.", $"No plan {planId}.");
}
