using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Calendar;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Setup;

/// <summary>The dates a coordinator gives one period.</summary>
public sealed record PeriodDates(DateOnly? DataFrom, DateOnly? DataTo, DateOnly? UnitDue, DateOnly? ConsolidatedDue);

/// <summary>A plan's reporting set-up as the caller may see it; <paramref name="CanChange"/> for its coordinators.</summary>
public sealed record ReportingSetupView(int PlanId, string PlanNumber, string PlanTitle, bool Stored, bool CanChange, IReadOnlyList<PlanReportingPeriod> Periods,
    PlanReportingSettings Settings);

/// <summary>
/// A plan's reporting set-up after issue: each period's data window and due dates, a rule "N working days after the
/// period ends" applied to all of them at once, and whether unit heads approve reports. Only the plan's coordinators
/// change it (others who read the plan see it; anyone else: not found); a due date that falls on a weekend or a
/// holiday moves to the next working day and the answer says so; the open obligations of a period take its new unit
/// due date (a report already submitted keeps the lateness it was judged by). Each change is one audited unit of work.
/// </summary>
public sealed class ReportingSetup(ChiSoDbContext db, UnitOfWork work, AuditLog audit, PlanPeriods periods, CalendarService calendar, TimeProvider clock)
{
    /// <summary>The most working days a rule may count (two months of working days).</summary>
    public const int MaxWorkingDays = 40;

    public async Task<Outcome<ReportingSetupView>> ReadAsync(PlanRights rights, int planId, CancellationToken cancellationToken = default)
    {
        var read = await periods.ReadAsync(rights, planId, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Cast<ReportingSetupView>();
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.ProvinceId, p.Number, p.Symbol, p.Title }).SingleAsync(cancellationToken);
        return Outcome.Ok(new ReportingSetupView(planId, string.IsNullOrEmpty(plan.Number) ? plan.Symbol : $"{plan.Number}/{plan.Symbol}", plan.Title, read.Value!.Stored,
            rights.CanEdit(plan.ProvinceId, planId), read.Value.Periods, await SettingsAsync(planId, cancellationToken)));
    }

    /// <summary>The plan's settings, or the defaults when none were saved.</summary>
    public async Task<PlanReportingSettings> SettingsAsync(int planId, CancellationToken cancellationToken = default) =>
        await db.Set<PlanReportingSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId, cancellationToken) ?? PlanReportingSettings.Defaults(planId);

    /// <summary>Sets one period's dates (the period is named by its id, e.g. 2026-Q1). Returns the notices of dates moved to a working day.</summary>
    public Task<Outcome<IReadOnlyList<Notice>>> SetPeriodAsync(PlanRights rights, int planId, string periodKey, PeriodDates dates, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            if (await RefusalAsync(rights, planId, needsPeriods: true, ct) is { } refusal)
            {
                return refusal;
            }

            var period = ReportingPeriod.TryParse(periodKey, out var parsed)
                ? await db.Set<PlanReportingPeriod>().FirstOrDefaultAsync(p => p.PlanId == planId && p.Key == parsed.Id, ct)
                : null;
            if (period is null)
            {
                return Problem.NotFound($"Kế hoạch không có kỳ báo cáo {periodKey}.", $"The plan has no reporting period {periodKey}.");
            }

            var problems = new List<Problem>();
            Required(problems, "dataFrom", dates.DataFrom, "Ngày đầu kỳ số liệu", "The first day of the data");
            Required(problems, "dataTo", dates.DataTo, "Ngày cuối kỳ số liệu", "The last day of the data");
            Required(problems, "unitDue", dates.UnitDue, "Hạn gửi báo cáo của đơn vị", "The units' due date");
            Required(problems, "consolidatedDue", dates.ConsolidatedDue, "Hạn báo cáo tổng hợp", "The consolidated report's due date");
            if (problems.Count > 0)
            {
                return Outcome<IReadOnlyList<Notice>>.Fail(problems);
            }

            var days = await calendar.CalendarAsync(ct);
            var notices = new List<Notice>();
            var unitDue = Moved(days, dates.UnitDue!.Value, "Hạn gửi báo cáo của đơn vị", "The units' due date", notices);
            var consolidatedDue = Moved(days, dates.ConsolidatedDue!.Value, "Hạn báo cáo tổng hợp", "The consolidated report's due date", notices);
            var outcome = Check(period.Period, dates.DataFrom!.Value, dates.DataTo!.Value, unitDue, consolidatedDue);
            if (outcome.Count > 0)
            {
                return Outcome<IReadOnlyList<Notice>>.Fail(outcome);
            }

            var before = Dates(period);
            period.DataFrom = dates.DataFrom.Value;
            period.DataTo = dates.DataTo.Value;
            await MoveDueAsync(period, unitDue, consolidatedDue, ct);
            audit.Record(actor, "period.set", nameof(PlanReportingPeriod), $"{planId}/{period.Key}", before, Dates(period));
            return Outcome.Ok<IReadOnlyList<Notice>>(notices);
        }, cancellationToken);

    /// <summary>
    /// "Đơn vị gửi báo cáo trong N ngày làm việc sau khi kết thúc kỳ": sets every period's due dates by counting
    /// working days after the period's last day (the last day of its last month), for units and for the consolidated report.
    /// </summary>
    public Task<Outcome<int>> ApplyWorkingDaysAsync(PlanRights rights, int planId, int? unitDays, int? consolidatedDays, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            if (await RefusalAsync(rights, planId, needsPeriods: true, ct) is { } refusal)
            {
                return refusal;
            }

            var problems = new List<Problem>();
            Count(problems, "unitWorkingDays", unitDays, "Số ngày làm việc của đơn vị", "The units' working days");
            Count(problems, "consolidatedWorkingDays", consolidatedDays, "Số ngày làm việc của báo cáo tổng hợp", "The consolidated report's working days");
            if (problems.Count == 0 && consolidatedDays < unitDays)
            {
                problems.Add(Problem.Invalid("consolidatedWorkingDays", "Báo cáo tổng hợp không thể đến hạn trước báo cáo của các đơn vị.",
                    "The consolidated report cannot be due before the units' reports."));
            }

            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems);
            }

            var days = await calendar.CalendarAsync(ct);
            var all = await db.Set<PlanReportingPeriod>().Where(p => p.PlanId == planId).ToListAsync(ct);
            var before = all.OrderBy(p => p.Period).Select(p => new { p.Key, p.UnitDue, p.ConsolidatedDue }).ToList();
            foreach (var period in all)
            {
                var end = period.Period.End;
                await MoveDueAsync(period, days.AddWorkingDays(end, unitDays!.Value), days.AddWorkingDays(end, consolidatedDays!.Value), ct);
            }

            audit.Record(actor, "period.rule", nameof(PlanReportingPeriod), planId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                before, new { unitDays, consolidatedDays, periods = all.OrderBy(p => p.Period).Select(p => new { p.Key, p.UnitDue, p.ConsolidatedDue }) });
            return Outcome.Ok(all.Count);
        }, cancellationToken);

    /// <summary>Whether a submitted report waits for its unit head's approval before the coordinator may accept it.</summary>
    public Task<Outcome<bool>> SetUnitHeadApprovalAsync(PlanRights rights, int planId, bool required, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            if (await RefusalAsync(rights, planId, needsPeriods: false, ct) is { } refusal)
            {
                return refusal;
            }

            var settings = await db.Set<PlanReportingSettings>().FirstOrDefaultAsync(s => s.PlanId == planId, ct);
            var before = settings is null ? null : new { settings.UnitHeadApproval };
            if (settings is null)
            {
                settings = new PlanReportingSettings { PlanId = planId, UpdatedBy = actor.Name };
                db.Set<PlanReportingSettings>().Add(settings);
            }

            settings.UnitHeadApproval = required;
            settings.UpdatedAt = clock.GetUtcNow();
            settings.UpdatedBy = actor.Name;
            audit.Record(actor, "reporting.settings", nameof(PlanReportingSettings), planId.ToString(System.Globalization.CultureInfo.InvariantCulture), before,
                new { settings.UnitHeadApproval });
            return Outcome.Ok(required);
        }, cancellationToken);

    /// <summary>The period's due dates and, with them, its open obligations' (one statement for the period).</summary>
    private async Task MoveDueAsync(PlanReportingPeriod period, DateOnly unitDue, DateOnly consolidatedDue, CancellationToken ct)
    {
        if (period.UnitDue != unitDue)
        {
            await db.Set<Obligation>().Where(o => o.PeriodId == period.Id && o.State == ObligationState.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.DueDate, unitDue), ct);
        }

        period.UnitDue = unitDue;
        period.ConsolidatedDue = consolidatedDue;
    }

    private async Task<Problem?> RefusalAsync(PlanRights rights, int planId, bool needsPeriods, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.ProvinceId, p.Status }).SingleOrDefaultAsync(ct);
        if (plan is null || !rights.CanRead(plan.ProvinceId, plan.Id, plan.Status))
        {
            return Problem.NotFound($"Không có kế hoạch {planId}.", $"No plan {planId}.");
        }

        if (!rights.CanEdit(plan.ProvinceId, plan.Id))
        {
            return Problem.Forbidden();
        }

        if (plan.Status == PlanStatus.Closed)
        {
            return new Problem(ProblemCodes.Conflict, "Kế hoạch đã kết thúc; không thay đổi được kỳ báo cáo.", "The plan is closed; its reporting cannot change.") { Field = "status" };
        }

        if (needsPeriods && plan.Status == PlanStatus.Draft)
        {
            return new Problem(ProblemCodes.Conflict, "Kỳ báo cáo được lập khi ban hành kế hoạch; hãy ban hành trước.",
                "Reporting periods are written when the plan is issued; issue it first.") { Field = "status" };
        }

        return null;
    }

    private static List<Problem> Check(ReportingPeriod period, DateOnly dataFrom, DateOnly dataTo, DateOnly unitDue, DateOnly consolidatedDue)
    {
        var problems = new List<Problem>();
        if (dataFrom > dataTo)
        {
            problems.Add(Problem.Invalid("dataTo", "Ngày cuối kỳ số liệu phải sau ngày đầu kỳ.", "The last day of the data must come after the first."));
        }

        var (earliest, latest) = (period.Start.AddYears(-1), period.End.AddYears(1));
        if (dataFrom < earliest || dataTo > latest || unitDue > latest || consolidatedDue > latest)
        {
            problems.Add(Problem.Invalid("dataFrom", $"Các ngày của {period.NameVi} phải nằm trong khoảng {VietnameseFormat.Date(earliest)} – {VietnameseFormat.Date(latest)}.",
                $"The dates of {period.NameEn} must fall between {earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd}."));
        }

        if (unitDue < dataTo)
        {
            problems.Add(Problem.Invalid("unitDue", "Hạn gửi báo cáo của đơn vị không thể trước ngày cuối kỳ số liệu.", "The units' due date cannot come before the data's last day."));
        }

        if (consolidatedDue < unitDue)
        {
            problems.Add(Problem.Invalid("consolidatedDue", "Báo cáo tổng hợp không thể đến hạn trước báo cáo của các đơn vị.",
                "The consolidated report cannot be due before the units' reports."));
        }

        return problems;
    }

    private static DateOnly Moved(WorkingCalendar days, DateOnly date, string whatVi, string whatEn, List<Notice> notices)
    {
        var moved = days.OnOrNextWorkingDay(date);
        if (moved != date)
        {
            notices.Add(new Notice($"{whatVi}: {VietnameseFormat.Date(date)} không phải ngày làm việc, chuyển sang {VietnameseFormat.Date(moved)}.",
                $"{whatEn}: {date:yyyy-MM-dd} is not a working day; moved to {moved:yyyy-MM-dd}."));
        }

        return moved;
    }

    private static void Required(List<Problem> problems, string field, DateOnly? value, string vi, string en)
    {
        if (value is null)
        {
            problems.Add(Problem.Required(field, $"{vi}: chọn ngày.", $"{en}: choose a date."));
        }
    }

    private static void Count(List<Problem> problems, string field, int? value, string vi, string en)
    {
        if (value is not (>= 0 and <= MaxWorkingDays))
        {
            problems.Add(Problem.Invalid(field, $"{vi}: nhập số từ 0 đến {MaxWorkingDays}.", $"{en}: enter a number from 0 to {MaxWorkingDays}."));
        }
    }

    private static object Dates(PlanReportingPeriod p) => new { p.DataFrom, p.DataTo, p.UnitDue, p.ConsolidatedDue };
}

/// <summary>Something the user should know about a change that succeeded (a date moved to a working day).</summary>
public sealed record Notice(string Vi, string En);
