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
        // One query for the obligation and what it hangs on (plan, period, unit, task, the plan's approval setting), one for
        // the caller's roles on its unit, one for the report: this runs twice per report request (act, then answer).
        var head = await (from o in db.Set<Obligation>().AsNoTracking()
                          join plan in db.Plans on o.PlanId equals plan.Id
                          join period in db.Set<PlanReportingPeriod>() on o.PeriodId equals period.Id
                          join unit in db.Units on o.UnitId equals unit.Id
                          from task in db.PlanTasks.Where(t => t.Id == o.TaskId).DefaultIfEmpty()
                          where o.Id == obligationId
                          select new
                          {
                              Obligation = o, plan.ProvinceId, plan.Status, Period = period.Key, UnitName = unit.Name,
                              TimeframeKind = (string?)task.TimeframeKind, TimeframeDue = (DateOnly?)task.TimeframeDue, TimeframeTo = (DateOnly?)task.TimeframeTo,
                              TaskContent = (string?)task.Content,
                              // No settings row: no approval step.
                              UnitHeadApproval = db.Set<PlanReportingSettings>().Where(s => s.PlanId == plan.Id).Select(s => s.UnitHeadApproval).FirstOrDefault(),
                          })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null || !caller.Rights.CanRead(head.ProvinceId, head.Obligation.PlanId, head.Status))
        {
            return null;
        }

        var obligation = head.Obligation;
        var roles = await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == caller.UserId && m.UnitId == obligation.UnitId).Select(m => m.Role)
            .ToListAsync(cancellationToken);
        // One query for the report, its history and its files' metadata (a few rows each; the bytes are elsewhere): the
        // split form cost two more commands on each of the two loads of every report request.
        var reports = db.Set<UnitReport>().Include(r => r.History).Include(r => r.Attachments).AsSingleQuery();
        var report = await (track ? reports : reports.AsNoTracking()).FirstOrDefaultAsync(r => r.ObligationId == obligationId, cancellationToken);
        return new ReportContext(obligation, head.Period, report, roles.Contains(UnitRoles.FocalPoint), roles.Contains(UnitRoles.UnitHead),
            caller.Rights.CanEdit(head.ProvinceId, obligation.PlanId), caller.Rights.ReadsAllIssued,
            head.TimeframeDue ?? head.TimeframeTo, head.TimeframeKind is "Ongoing" or "Periodic", head.TaskContent ?? "", head.UnitName, head.UnitHeadApproval);
    }
}
