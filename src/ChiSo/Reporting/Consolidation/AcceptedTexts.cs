using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Reports;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Consolidation;

/// <summary>What one accepted report of the period says: its result, difficulties and proposals, with its unit and task.</summary>
public sealed record AcceptedText(int TaskId, int UnitId, string UnitName, AssignmentRole Role, string? Result, string? Difficulties, string? Proposals);

/// <summary>
/// The texts the narrative is drafted from: only reports the coordinator accepted. A draft is its unit's and is never
/// read here (ADR 0016); a submitted or approved report is not yet the province's word, and a returned one was refused.
/// One query for the period.
/// </summary>
public static class AcceptedTexts
{
    public static async Task<IReadOnlyList<AcceptedText>> ReadAsync(ChiSoDbContext db, int planId, int periodId, CancellationToken cancellationToken) =>
        await (from o in db.Set<Obligation>().AsNoTracking()
               join r in db.Set<UnitReport>() on o.Id equals r.ObligationId
               join u in db.Units on o.UnitId equals u.Id
               where o.PlanId == planId && o.PeriodId == periodId && o.State == ObligationState.Open && o.TaskId != null && r.State == ReportState.Accepted
               orderby o.Id
               select new AcceptedText(o.TaskId!.Value, o.UnitId, u.Name, o.Role, r.Result, r.Difficulties, r.Proposals))
            .ToListAsync(cancellationToken);
}
