using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Publication;

/// <summary>
/// What the public site ("để nhân dân biết, giám sát") reads, without a caller: plans in force (issued, or issued and
/// being amended — never a draft, never the amendment being written, never a closed plan), as they were issued; their
/// progress from the roll-up's one read path (<see cref="RollupQueries.ReadPublishedAsync"/>); and of the units' reports
/// only what a plan's coordinator marked public (<see cref="PublicationMarks"/>) on reports still accepted. Nothing here
/// reads report comments, evidence, difficulties, proposals, unmarked results or files, or who did what.
/// </summary>
public sealed class PublicSite(ChiSoDbContext db, PlanQueries plans, RollupQueries rollups, IAttachmentStore store, TimeProvider clock)
{
    /// <summary>Reads issued plans of every province and changes nothing (a leader's reach, without a person).</summary>
    private static readonly PlanRights Readers = new(false, true, [], [], []);

    public static bool InForce(PlanStatus status) => status is PlanStatus.Issued or PlanStatus.Amending;

    /// <summary>The provinces with plans in force, by name. An old province and today's that share a code are one entry (one page).</summary>
    public async Task<IReadOnlyList<PublicProvince>> ProvincesAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Issued || p.Status == PlanStatus.Amending)
            .GroupBy(p => p.ProvinceId).Select(g => new { ProvinceId = g.Key, Plans = g.Count() }).ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.ProvinceId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        return units.GroupBy(u => u.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var newest = g.OrderByDescending(u => u.ValidFrom ?? DateOnly.MinValue).First();
                return new PublicProvince(g.Key, newest.Name, newest.FullName, g.Sum(u => counts.Single(c => c.ProvinceId == u.Id).Plans));
            })
            .OrderBy(p => p.Name, VietnameseText.Comparer).ToList();
    }

    /// <summary>A province (by code) and its plans in force, newest first; null when no province has the code.</summary>
    public async Task<(PublicProvince Province, IReadOnlyList<PublicPlanSummary> Plans)?> ProvinceAsync(string code, CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.Code == code).ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            return null;
        }

        var list = new List<PublicPlanSummary>();
        foreach (var unit in units)
        {
            // Listed to a reader who may not change them: a plan being amended is listed as it was issued.
            list.AddRange((await plans.ListAsync(Readers, unit.Id, cancellationToken)).Where(s => InForce(s.Status))
                .Select(s => new PublicPlanSummary(s.Id, s.NumberAndSymbol, s.Title, s.IssuedOn, s.FromYear, s.ToYear, s.TaskCount)));
        }

        var newest = units.OrderByDescending(u => u.ValidFrom ?? DateOnly.MinValue).First();
        return (new PublicProvince(newest.Code, newest.Name, newest.FullName, list.Count),
            list.OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id).ToList());
    }

    /// <summary>The plans in force of the provinces with <paramref name="code"/>, as issued (for the open-data API).</summary>
    public async Task<IReadOnlyList<PublicPlan>> PlansOfAsync(string code, CancellationToken cancellationToken = default)
    {
        var found = await ProvinceAsync(code, cancellationToken);
        var result = new List<PublicPlan>();
        foreach (var summary in found?.Plans ?? [])
        {
            if (await PlanAsync(summary.Id, cancellationToken) is { } plan)
            {
                result.Add(plan);
            }
        }

        return result;
    }

    /// <summary>A plan in force as issued; null for a draft, a closed plan or one that does not exist (all alike).</summary>
    public async Task<PublicPlan?> PlanAsync(int planId, CancellationToken cancellationToken = default)
    {
        if (await IssuedViewAsync(planId, cancellationToken) is not { } view)
        {
            return null;
        }

        var province = await db.Units.AsNoTracking().Where(u => u.Id == view.ProvinceId).Select(u => new { u.Code, u.Name }).SingleAsync(cancellationToken);
        var today = clock.VietNamToday();
        var periods = (await db.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(cancellationToken))
            .OrderBy(p => p.Period)
            .Select(p => new PublicPeriod(p.Key, p.Period.NameVi, p.Period.NameEn, p.DataFrom, p.DataTo, p.UnitDue, p.DataFrom <= today, p.UnitDue < today))
            .ToList();
        return new PublicPlan(view.Id, province.Code, province.Name, view.NumberAndSymbol.Trim(), view.Title, view.IssuingBody, view.IssuedOn, view.FromYear,
            view.ToYear, [.. view.Groups.OrderBy(g => g.Order).Select(g => new PublicGroup(g.Code, g.Title))],
            [.. view.Tasks.OrderBy(t => t.Order).ThenBy(t => t.Code, NodeCodeComparer.Instance).Select(TaskOf)], periods, clock.GetUtcNow(),
            await ReportsChangedAtAsync(planId, cancellationToken));
    }

    /// <summary>
    /// The period the public page opens on: the latest whose reports were due (its figures are in), else the first begun
    /// (the one under way: the cumulative periods all begin with the year), else the first.
    /// </summary>
    public static PublicPeriod? DefaultPeriod(PublicPlan plan) =>
        plan.Periods.LastOrDefault(p => p.Due) ?? plan.Periods.FirstOrDefault(p => p.Begun) ?? (plan.Periods.Count > 0 ? plan.Periods[0] : null);

    /// <summary>One period's progress, from the roll-up, with what was marked public; null when the plan has no such period.</summary>
    public async Task<PublicProgress?> ProgressAsync(PublicPlan plan, string periodId, CancellationToken cancellationToken = default)
    {
        if (plan.Periods.FirstOrDefault(p => p.Id == periodId) is not { } period)
        {
            return null;
        }

        var rollup = await rollups.ReadPublishedAsync(plan.Id, period.Id, cancellationToken);
        if (!rollup.Succeeded)
        {
            return null;
        }

        var periodRow = await db.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == plan.Id && p.Key == period.Id).Select(p => p.Id)
            .SingleAsync(cancellationToken);
        var marked = from o in db.Set<Obligation>().AsNoTracking()
                     join r in db.Set<UnitReport>() on o.Id equals r.ObligationId
                     join u in db.Units on o.UnitId equals u.Id
                     where o.PlanId == plan.Id && o.PeriodId == periodRow && o.State == ObligationState.Open && o.TaskId != null
                         && r.State == ReportState.Accepted
                     select new { TaskId = o.TaskId!.Value, Unit = u.Name, Report = r };
        var results = await (from m in marked
                             join p in db.Set<PublishedResult>() on m.Report.Id equals p.ReportId
                             where p.Revision == m.Report.Revision && m.Report.Result != null
                             select new PublicResultText(m.TaskId, m.Unit, m.Report.Result!)).ToListAsync(cancellationToken);
        var files = await (from m in marked
                           join a in db.Set<ReportAttachment>() on m.Report.Id equals a.ReportId
                           join p in db.Set<PublishedAttachment>() on a.Id equals p.AttachmentId
                           select new PublicFile(m.TaskId, a.Id, m.Unit, a.FileName, a.Size)).ToListAsync(cancellationToken);
        return new PublicProgress(period, rollup.Value!,
            results.OrderBy(r => r.UnitName, VietnameseText.Comparer).ToLookup(r => r.TaskId),
            files.OrderBy(f => f.UnitName, VietnameseText.Comparer).ThenBy(f => f.AttachmentId).ToLookup(f => f.TaskId));
    }

    /// <summary>Every begun period's progress, oldest first: the open data.</summary>
    public async Task<IReadOnlyList<PublicProgress>> AllProgressAsync(PublicPlan plan, CancellationToken cancellationToken = default)
    {
        var list = new List<PublicProgress>();
        foreach (var period in plan.Begun)
        {
            if (await ProgressAsync(plan, period.Id, cancellationToken) is { } progress)
            {
                list.Add(progress);
            }
        }

        return list;
    }

    /// <summary>The plan as issued, for its document: the version in force (an amendment being written is not shown); null unless in force.</summary>
    public async Task<PlanView?> IssuedViewAsync(int planId, CancellationToken cancellationToken = default)
    {
        var status = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => (PlanStatus?)p.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is not { } s || !InForce(s))
        {
            return null;
        }

        var read = await plans.ReadAsync(Readers, planId, cancellationToken: cancellationToken);
        return read.Succeeded ? read.Value : null;
    }

    /// <summary>
    /// A file a coordinator marked public, with its bytes (the caller disposes them), while its report is accepted and its
    /// plan in force; null otherwise — an unmarked file is not found, exactly like one that does not exist.
    /// </summary>
    public async Task<AttachmentFile?> OpenFileAsync(int attachmentId, CancellationToken cancellationToken = default)
    {
        var attachment = await (from p in db.Set<PublishedAttachment>().AsNoTracking()
                                join a in db.Set<ReportAttachment>() on p.AttachmentId equals a.Id
                                join r in db.Set<UnitReport>() on a.ReportId equals r.Id
                                join o in db.Set<Obligation>() on r.ObligationId equals o.Id
                                join plan in db.Plans on o.PlanId equals plan.Id
                                where p.AttachmentId == attachmentId && r.State == ReportState.Accepted && o.State == ObligationState.Open
                                    && (plan.Status == PlanStatus.Issued || plan.Status == PlanStatus.Amending)
                                select a).FirstOrDefaultAsync(cancellationToken);
        return attachment is not null && await store.OpenAsync(attachment.StorageKey, cancellationToken) is { } content
            ? new AttachmentFile(attachment, content)
            : null;
    }

    // The latest step any of the plan's reports took out of the unit's hands (submitted, approved, accepted, returned,
    // reopened, files on a returned report): what the public figures follow. A draft's saves are the unit's own business.
    // By the step's id (steps are numbered as they are written), since SQLite cannot order by a stored instant.
    private async Task<DateTimeOffset?> ReportsChangedAtAsync(int planId, CancellationToken cancellationToken) =>
        await (from e in db.Set<ReportEvent>().AsNoTracking()
               join r in db.Set<UnitReport>() on e.ReportId equals r.Id
               join o in db.Set<Obligation>() on r.ObligationId equals o.Id
               where o.PlanId == planId && e.ToState != ReportState.Draft
               orderby e.Id descending
               select (DateTimeOffset?)e.At).FirstOrDefaultAsync(cancellationToken);

    private static PublicTask TaskOf(TaskView task)
    {
        var executing = task.In(AssignmentRole.Executing).ToList();
        var communes = executing.Count > 0 && executing.All(a => a.BuiltInGroup == UnitGroups.AllCommunes);
        return new PublicTask(task.Id, task.Code, task.GroupCode, task.Content, task.TargetText, task.TimeframeText,
            [.. task.In(AssignmentRole.Lead).Select(a => a.Text)], communes ? "xã" : "đơn vị", communes ? "communes" : "units");
    }
}
