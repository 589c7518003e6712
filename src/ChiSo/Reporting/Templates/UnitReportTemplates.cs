using System.Globalization;
using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Intake;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Templates;

/// <summary>One report a unit owes in the period, as its page lists it.</summary>
public sealed record UnitPeriodItem(int ObligationId, string TaskCode, string TaskContent, AssignmentRole Role, DateOnly DueDate, ReportState? State, bool Late);

/// <summary>A unit's reports for one period of a plan, for the unit's own people: the plan, the period's window and due date, and each obligation.</summary>
public sealed record UnitPeriodReports(int PlanId, string PlanLabel, string PlanTitle, ReportingPeriod Period, DateOnly DataFrom, DateOnly DataTo, DateOnly DueDate,
    int UnitId, string UnitCode, string UnitName, bool IsFocalPoint, IReadOnlyList<UnitPeriodItem> Items);

/// <summary>A generated file and the name it downloads under.</summary>
public sealed record TemplateFile(string FileName, byte[] Content);

/// <summary>What an import did: drafts written, rows already holding what they said, blank rows skipped, and the tasks written.</summary>
public sealed record TemplateImportResult(int Saved, int Unchanged, int Blank, IReadOnlyList<string> SavedTasks);

/// <summary>
/// The unit's report template for one period of a plan: generated for the unit's own people, filled offline (one row per
/// obligation, as many units still work), and imported back as drafts by the unit's focal point. A draft is its unit's
/// (ADR 0016): a coordinator or leader is refused, another unit finds nothing. The file says whose template it is, but
/// the route decides what is written: a file for another plan, period or unit is refused as a whole before any row is
/// read. An upload is bounded before it is parsed (<see cref="IntakeLimits"/>, the one spreadsheet reader); every row
/// goes through <see cref="ReportService"/>'s own checks in one unit of work, so one bad row and nothing is saved.
/// </summary>
public sealed class UnitReportTemplates(ChiSoDbContext db, ReportService reports, UnitOfWork work, AuditLog audit, TimeProvider clock, IntakeLimits? limits = null)
{
    /// <summary>The unit's reports for the period: for its focal point and head; a coordinator or leader is refused; anyone else: not found.</summary>
    public Task<Outcome<UnitPeriodReports>> ReadAsync(ReportCaller caller, int planId, string period, string unitCode, CancellationToken cancellationToken = default) =>
        LoadAsync(caller, planId, period, unitCode, toImport: false, cancellationToken);

    /// <summary>The template, pre-filled where the report form would start: the draft, else the previous period's report.</summary>
    public async Task<Outcome<TemplateFile>> TemplateAsync(ReportCaller caller, int planId, string period, string unitCode, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(caller, planId, period, unitCode, toImport: false, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Cast<TemplateFile>();
        }

        var unit = loaded.Value!;
        var rows = new List<ReportTemplateRow>();
        foreach (var item in unit.Items)
        {
            // The report service's own reading: the same starting point as the form, through the same access decision.
            var read = await reports.ReadAsync(caller, item.ObligationId, cancellationToken);
            if (!read.Succeeded)
            {
                return read.Cast<TemplateFile>();
            }

            var view = read.Value!;
            rows.Add(new ReportTemplateRow(item.TaskCode, item.TaskContent, item.Role, item.DueDate, view.Report?.State, view.Report?.Revision ?? 0, view.StartFrom));
        }

        var content = new ReportTemplateContent(unit.PlanId, unit.PlanLabel, unit.PlanTitle, unit.Period, unit.DataFrom, unit.DataTo, unit.DueDate, unit.UnitCode, unit.UnitName,
            clock.GetUtcNow(), rows);
        return Outcome.Ok(new TemplateFile(FileName(unit), ReportTemplateXlsx.Write(content)));
    }

    /// <summary>
    /// Imports a filled template as drafts: every filled row becomes (or updates) its obligation's draft; blank rows are
    /// skipped; a row that already says what the report holds is left alone. Refused as a whole, nothing saved, when the
    /// file is not this unit's template for this period, a row is wrong (named by row and column), or a row would
    /// overwrite a report already submitted or changed in ChiSo since the template was made.
    /// </summary>
    public async Task<Outcome<TemplateImportResult>> ImportAsync(ReportCaller caller, int planId, string period, string unitCode, IntakeFile file, Actor actor,
        CancellationToken cancellationToken = default)
    {
        // Who may import is decided before the file is even opened.
        var loaded = await LoadAsync(caller, planId, period, unitCode, toImport: true, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Cast<TemplateImportResult>();
        }

        var unit = loaded.Value!;
        var problems = new ProblemCollector();
        var sheets = IntakeReader.ReadSheets(file, limits ?? IntakeLimits.Default, problems);
        var identity = sheets is null ? null : ReportTemplateReader.ReadIdentity(sheets, problems);
        if (identity is null)
        {
            return Outcome<TemplateImportResult>.Fail(problems.ToList());
        }

        if (Mismatch(identity, unit) is { } wrongFile)
        {
            return wrongFile;
        }

        var rows = ReportTemplateReader.ReadRows(sheets!, problems);
        if (rows is null)
        {
            return Outcome<TemplateImportResult>.Fail(problems.ToList());
        }

        var owed = unit.Items.ToDictionary(i => i.TaskCode, StringComparer.Ordinal);
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var drafts = new List<DraftChange>();
        foreach (var row in rows.Where(r => !r.Blank && r.TaskCode.Length > 0))
        {
            if (!owed.TryGetValue(row.TaskCode, out var item))
            {
                problems.Add(TemplateProblems.UnknownTask(row.Row, row.TaskCode, unit.Period));
            }
            else if (firstRow.TryGetValue(row.TaskCode, out var first))
            {
                problems.Add(TemplateProblems.SameTask(row.Row, row.TaskCode, first));
            }
            else
            {
                // A row whose date or number could not be read still goes through the report's checks: the unit sees every problem of the file at once.
                firstRow.Add(row.TaskCode, row.Row);
                drafts.Add(new DraftChange(item.ObligationId, row.Input, identity.Revisions.GetValueOrDefault(row.TaskCode), row.Row));
            }
        }

        if (!problems.Any && drafts.Count == 0)
        {
            return Problem.File("Không có dòng nào được điền (các cột nền trắng đều trống); không có gì để nhập.",
                "No row is filled in (the white columns are all empty); there is nothing to import.", ProblemCodes.Required);
        }

        var read = problems.ToList();
        if (drafts.Count == 0)
        {
            return Outcome<TemplateImportResult>.Fail(read);
        }

        var blank = rows.Count(r => r.Blank && r.TaskCode.Length > 0);
        var codes = unit.Items.ToDictionary(i => i.ObligationId, i => i.TaskCode);
        return await work.RunAsync<TemplateImportResult>(async ct =>
        {
            var saved = await reports.SaveDraftsCoreAsync(caller, drafts, actor, ct);
            if (!saved.Succeeded || read.Count > 0)
            {
                // Any problem and the unit of work rolls back: nothing of the file is kept.
                var all = read.Concat(saved.Problems.Select(Located)).OrderBy(p => p.Row ?? 0).ToList();
                return Outcome<TemplateImportResult>.Fail(all);
            }

            var written = saved.Value!.Where(s => s.Changed).Select(s => codes[s.ObligationId]).ToList();
            var result = new TemplateImportResult(written.Count, saved.Value!.Count - written.Count, blank, written);
            audit.Record(actor, "report.import", nameof(UnitReport), $"{unit.Period.Id}/{unit.UnitId}", null,
                new { File = file.FileName, Rows = drafts.Count, result.Saved, result.Unchanged, result.Blank, Tasks = written });
            return Outcome.Ok(result);
        }, cancellationToken);
    }

    /// <summary>A report service problem on a row, in the template's words: its column by header, a refusal to overwrite said as such.</summary>
    private static Problem Located(Problem problem) => problem switch
    {
        { Field: "state" } => TemplateProblems.NotEditable(problem, problem.Row),
        { Code: ProblemCodes.Conflict, Field: "revision" } => TemplateProblems.ChangedSince(problem, problem.Row),
        _ when ReportTemplateLayout.ForField(problem.Field) is { } column => problem with { Column = column.Header, Field = null },
        _ => problem,
    };

    /// <summary>The file's own word on whose template it is, against the route's: the first difference, or null when it is this unit's for this period.</summary>
    private static Problem? Mismatch(TemplateIdentity identity, UnitPeriodReports unit)
    {
        if (!string.Equals(identity.PlanId, unit.PlanId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return TemplateProblems.OtherPlan(identity.PlanId, unit.PlanLabel);
        }

        if (!ReportingPeriod.TryParse(identity.PeriodId, out var period) || period != unit.Period)
        {
            return TemplateProblems.OtherPeriod(identity.PeriodId, unit.Period);
        }

        return string.Equals(identity.UnitCode, unit.UnitCode, StringComparison.Ordinal) ? null : TemplateProblems.OtherUnit(identity.UnitCode, unit.UnitName, unit.UnitCode);
    }

    /// <summary>
    /// The gate: the plan as the caller may read it, the period, and the unit's open obligations in it; then the caller's
    /// roles on that unit. The unit's focal point and head pass (only the focal point to import).
    /// </summary>
    private async Task<Outcome<UnitPeriodReports>> LoadAsync(ReportCaller caller, int planId, string period, string unitCode, bool toImport, CancellationToken ct)
    {
        var notFound = Problem.NotFound("Không có báo cáo của đơn vị này trong kỳ này.", "No reports of this unit for this period.");
        if (!ReportingPeriod.TryParse(period, out var parsed))
        {
            return notFound;
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.ProvinceId, p.Status, p.Number, p.Symbol, p.Title })
            .FirstOrDefaultAsync(ct);
        if (plan is null || !caller.Rights.CanRead(plan.ProvinceId, plan.Id, plan.Status))
        {
            return notFound;
        }

        var key = parsed.Id;
        var row = await db.Set<PlanReportingPeriod>().AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == planId && p.Key == key, ct);
        if (row is null)
        {
            return notFound;
        }

        var items = await (from o in db.Set<Obligation>().AsNoTracking()
                           join u in db.Units on o.UnitId equals u.Id
                           join t in db.PlanTasks on o.TaskId equals t.Id
                           join r in db.Set<UnitReport>() on o.Id equals r.ObligationId into rs
                           from r in rs.DefaultIfEmpty()
                           where o.PlanId == planId && o.PeriodId == row.Id && u.Code == unitCode && o.State == ObligationState.Open
                           select new
                           {
                               o.Id, o.UnitId, UnitName = u.Name, o.TaskCode, t.Content, o.Role, o.DueDate, State = (ReportState?)r.State, Late = (bool?)r.Late,
                               SubmittedAt = (DateTimeOffset?)r.SubmittedAt,
                           }).ToListAsync(ct);
        if (items.Count == 0)
        {
            return notFound;
        }

        // A code names one unit among those owing reports at one time; should two ever share it, the first is the route's.
        var unitId = items.Min(i => i.UnitId);
        var roles = await db.UnitMemberships.AsNoTracking().Where(m => m.UserId == caller.UserId && m.UnitId == unitId).Select(m => m.Role).ToListAsync(ct);
        var focal = roles.Contains(UnitRoles.FocalPoint);
        if (!focal && !roles.Contains(UnitRoles.UnitHead))
        {
            // ADR 0016: a draft is its unit's. A coordinator or leader of the plan knows the unit owes these reports, so is
            // told no rather than "not found"; for anyone else they do not exist.
            return caller.Rights.CanEdit(plan.ProvinceId, plan.Id) || caller.Rights.ReadsAllIssued
                ? new Problem(ProblemCodes.Forbidden, "Bản nháp báo cáo là của đơn vị: chỉ đầu mối của đơn vị tải mẫu và nhập báo cáo của đơn vị mình.",
                    "A draft report is its unit's: only the unit's focal point downloads its template and imports its reports.")
                : notFound;
        }

        if (toImport && !focal)
        {
            return new Problem(ProblemCodes.Forbidden, "Chỉ đầu mối của đơn vị nhập báo cáo; thủ trưởng đơn vị duyệt báo cáo đã gửi.",
                "Only the unit's focal point imports its reports; the unit head approves submitted ones.");
        }

        var today = clock.VietNamToday();
        var mine = items.Where(i => i.UnitId == unitId)
            .Select(i => new UnitPeriodItem(i.Id, i.TaskCode, i.Content, i.Role, i.DueDate, i.State, Obligation.IsLate(i.Late, i.SubmittedAt, ObligationState.Open, i.DueDate, today)))
            .OrderBy(i => i.TaskCode, NodeCodeComparer.Instance).ToList();
        var label = string.IsNullOrEmpty(plan.Number) ? plan.Symbol : $"{plan.Number}/{plan.Symbol}";
        return Outcome.Ok(new UnitPeriodReports(plan.Id, label, plan.Title, parsed, row.DataFrom, row.DataTo, row.UnitDue, unitId, unitCode, items.First(i => i.UnitId == unitId).UnitName, focal, mine));
    }

    /// <summary>"mau-bao-cao-12-KH-UBND-2026-Q1-STP.xlsx": ASCII, so every mail client and server keeps the name intact.</summary>
    private static string FileName(UnitPeriodReports unit)
    {
        var raw = $"mau-bao-cao-{unit.PlanLabel}-{unit.Period.Id}-{unit.UnitCode}";
        var safe = new string(VietnameseText.Fold(raw).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return safe.ToUpperInvariant().Replace("MAU-BAO-CAO", "mau-bao-cao", StringComparison.Ordinal) + ".xlsx";
    }
}
