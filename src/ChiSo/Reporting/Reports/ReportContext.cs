using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Setup;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Reports;

/// <summary>
/// One obligation's report as a caller meets it: the obligation, its report (with history and attachments) and what the
/// caller is to it — its unit's focal point or head (memberships read on the obligation's own unit), a coordinator of
/// its plan, a leader. The one access decision of the reports feature: the report service and its attachments both
/// load it, so a download is allowed exactly when reading the report is.
/// </summary>
internal sealed record ReportContext(Obligation Obligation, string PeriodId, UnitReport? Report, bool IsFocalPoint, bool IsUnitHead, bool IsCoordinator,
    bool IsLeader, DateOnly? TaskDeadline, bool TaskOngoing, string TaskContent, string UnitName, bool UnitHeadApproval)
{
    /// <summary>A draft is the unit's own business; a submitted report is also its head's, the coordinators' and the leaders'.</summary>
    public bool CanRead => IsFocalPoint || IsUnitHead || IsCoordinator || (IsLeader && Report is { State: not ReportState.Draft });

    /// <summary>The unit's own people: its focal point and its head.</summary>
    public bool OfTheUnit => IsFocalPoint || IsUnitHead;

    /// <summary>
    /// Whether the caller may see what the report holds — its files included: what it may read, except that a draft's
    /// content stays with the unit (a coordinator may know a draft exists, not what it says or carries).
    /// </summary>
    public bool SeesContent => CanRead && (OfTheUnit || Report is not { State: ReportState.Draft });

    /// <summary>The audit key of the report: period/unit/task.</summary>
    public string Key => $"{PeriodId}/{Obligation.UnitId}/{Obligation.TaskCode}";

    /// <summary>The obligation as <paramref name="caller"/> may see it; null when it does not exist or its plan is outside their reach.</summary>
    public static async Task<ReportContext?> LoadAsync(ChiSoDbContext db, ReportCaller caller, int obligationId, bool track, CancellationToken cancellationToken)
    {
        var obligation = await db.Set<Obligation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == obligationId, cancellationToken);
        if (obligation is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == obligation.PlanId).Select(p => new { p.Id, p.ProvinceId, p.Status }).SingleAsync(cancellationToken);
        if (!caller.Rights.CanRead(plan.ProvinceId, plan.Id, plan.Status))
        {
            return null;
        }

        var roles = await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == caller.UserId && m.UnitId == obligation.UnitId).Select(m => m.Role)
            .ToListAsync(cancellationToken);
        var reports = db.Set<UnitReport>().Include(r => r.History).Include(r => r.Attachments).AsSplitQuery();
        var report = await (track ? reports : reports.AsNoTracking()).FirstOrDefaultAsync(r => r.ObligationId == obligationId, cancellationToken);
        var period = await db.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.Id == obligation.PeriodId).Select(p => p.Key).SingleAsync(cancellationToken);
        var task = obligation.TaskId is { } taskId
            ? await db.PlanTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.TimeframeKind, t.TimeframeDue, t.TimeframeTo, t.Content }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == obligation.UnitId).Select(u => u.Name).SingleAsync(cancellationToken);
        // Whether the plan has its unit heads approve reports before a coordinator accepts them (no settings row: no).
        var approval = await db.Set<PlanReportingSettings>().AsNoTracking().Where(s => s.PlanId == plan.Id).Select(s => s.UnitHeadApproval).FirstOrDefaultAsync(cancellationToken);
        return new ReportContext(obligation, period, report, roles.Contains(UnitRoles.FocalPoint), roles.Contains(UnitRoles.UnitHead),
            caller.Rights.CanEdit(plan.ProvinceId, plan.Id), caller.Rights.ReadsAllIssued,
            task?.TimeframeDue ?? task?.TimeframeTo, task?.TimeframeKind is "Ongoing" or "Periodic", task?.Content ?? "", unitName, approval);
    }
}
