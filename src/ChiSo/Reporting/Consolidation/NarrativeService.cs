using System.Globalization;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// The one writer of a period's narrative. Reading follows the roll-up's rule (the plan's coordinators and leaders; a
/// unit's member is refused, anyone who may not read the plan finds nothing); only the plan's coordinators save. Until
/// someone saves, reading gives a fresh draft from the accepted reports; once saved, the saved text is what is read and
/// printed, and only "draft again" replaces it. Each save is one audited unit of work, checked against the revision the
/// editor loaded (0 for the first save), so two coordinators never overwrite each other.
/// </summary>
public sealed class NarrativeService(ChiSoDbContext db, UnitOfWork work, AuditLog audit, RollupQueries rollups, PlanPeriods periods, TimeProvider clock)
{
    public async Task<Outcome<NarrativeView>> ReadAsync(PlanRights rights, int planId, string periodId, CancellationToken cancellationToken = default)
    {
        var rollup = await rollups.ReadAsync(rights, planId, periodId, cancellationToken);
        if (rollup is not { Succeeded: true, Value: { } value })
        {
            return rollup.Cast<NarrativeView>();
        }

        var plan = (await PlanHeading.ReadAsync(db, planId, cancellationToken))!;
        var (saved, text) = await TextAsync(value, plan, cancellationToken);
        var current = NarrativeDrafter.CountsSentence(value.Counts);
        return Outcome.Ok(new NarrativeView(planId, value.PlanName, value.PlanTitle, value.Period, saved is not null, saved?.Revision ?? 0,
            rights.CanEdit(plan.ProvinceId, planId), saved?.UpdatedAt, saved?.UpdatedBy, saved?.DraftedAt, text, current,
            saved is not null && !text.Summary.Contains(current, StringComparison.Ordinal), await periods.ListAsync(planId, cancellationToken)));
    }

    /// <summary>
    /// The text of the period the documents print: the saved one (with an empty paragraph for a dimension added since),
    /// or while none is saved the draft. The caller has read <paramref name="rollup"/> with the caller's rights.
    /// </summary>
    public async Task<(PeriodNarrative? Saved, NarrativeText Text)> TextAsync(PeriodRollup rollup, PlanHeading plan, CancellationToken cancellationToken = default)
    {
        var periodRow = await PeriodRowIdAsync(plan.PlanId, rollup.Period.Id, cancellationToken);
        var saved = await db.Set<PeriodNarrative>().AsNoTracking().Include(n => n.Results).SingleOrDefaultAsync(n => n.PeriodId == periodRow, cancellationToken);
        if (saved is null)
        {
            return (null, NarrativeDrafter.Draft(rollup, plan, await AcceptedTexts.ReadAsync(db, plan.PlanId, periodRow, cancellationToken)));
        }

        var byCode = saved.Results.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var current = rollup.Dimensions.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        List<NarrativeSection> results =
        [
            .. rollup.Dimensions.Select(d => new NarrativeSection(d.Code, d.Title, byCode.TryGetValue(d.Code, out var r) ? r.Text : "")),
            // A dimension no longer in the period (an amendment moved its tasks) keeps what was written about it.
            .. saved.Results.Where(r => !current.Contains(r.Code)).OrderBy(r => r.Order).Select(r => new NarrativeSection(r.Code, r.Title, r.Text)),
        ];
        return (saved, new NarrativeText(saved.Opening, saved.Summary, results, saved.Difficulties, saved.Proposals));
    }

    /// <summary>Saves the coordinator's text. Dimensions not named in <paramref name="input"/> keep what they had. Returns the new revision.</summary>
    public Task<Outcome<int>> SaveAsync(PlanRights rights, int planId, string periodId, NarrativeInput input, int revision, Actor actor,
        CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var found = await EditableAsync(rights, planId, periodId, ct);
            if (!found.Succeeded)
            {
                return found.Cast<int>();
            }

            var (period, narrative) = found.Value;
            var groups = await db.Set<PlanTaskGroup>().AsNoTracking().Where(g => g.PlanId == planId).OrderBy(g => g.Order)
                .Select(g => new NarrativeHeading(g.Code, g.Title)).ToListAsync(ct);
            var problems = new List<Problem>();
            var opening = NarrativeInputCheck.Text(problems, "opening", input.Opening, "Phần mở đầu", "The opening");
            var summary = NarrativeInputCheck.Text(problems, "summary", input.Summary, "Kết quả chung", "The general result");
            var difficulties = NarrativeInputCheck.Text(problems, "difficulties", input.Difficulties, "Khó khăn, vướng mắc", "Difficulties");
            var proposals = NarrativeInputCheck.Text(problems, "proposals", input.Proposals, "Đề xuất, kiến nghị", "Proposals");
            var results = NarrativeInputCheck.Results(problems, input.Results ?? [], groups, narrative);
            if (problems.Count > 0)
            {
                return Outcome<int>.Fail(problems);
            }

            if ((narrative?.Revision ?? 0) != revision)
            {
                return Problem.Conflict();
            }

            var before = narrative is null ? null : Audited(narrative);
            narrative ??= Added(planId, period.Id);
            narrative.Opening = opening;
            narrative.Summary = summary;
            narrative.Difficulties = difficulties;
            narrative.Proposals = proposals;
            foreach (var (code, text) in results)
            {
                var row = narrative.Results.FirstOrDefault(r => r.Code == code);
                if (row is null)
                {
                    narrative.Results.Add(new NarrativeResult { Code = code, Title = NarrativeInputCheck.TitleOf(code, groups), Text = text, Order = NarrativeInputCheck.OrderOf(code, groups, narrative) });
                }
                else
                {
                    row.Text = text;
                }
            }

            Touch(narrative, actor);
            audit.Record(actor, "narrative.save", nameof(PeriodNarrative), Key(planId, period.Key), before, Audited(narrative));
            return Outcome.Ok(narrative.Revision);
        }, cancellationToken);

    /// <summary>"Soạn lại từ báo cáo": replaces the saved text with a fresh draft from the accepted reports. Returns the new revision.</summary>
    public Task<Outcome<int>> RedraftAsync(PlanRights rights, int planId, string periodId, int revision, Actor actor, CancellationToken cancellationToken = default) =>
        work.RunAsync(async ct =>
        {
            var found = await EditableAsync(rights, planId, periodId, ct);
            if (!found.Succeeded)
            {
                return found.Cast<int>();
            }

            var (period, narrative) = found.Value;
            if ((narrative?.Revision ?? 0) != revision)
            {
                return Problem.Conflict();
            }

            var rollup = await rollups.ReadAsync(rights, planId, period.Key, ct);
            if (rollup is not { Succeeded: true, Value: { } value })
            {
                return rollup.Cast<int>();
            }

            var plan = (await PlanHeading.ReadAsync(db, planId, ct))!;
            var draft = NarrativeDrafter.Draft(value, plan, await AcceptedTexts.ReadAsync(db, planId, period.Id, ct));
            var before = narrative is null ? null : Audited(narrative);
            narrative ??= Added(planId, period.Id);
            (narrative.Opening, narrative.Summary, narrative.Difficulties, narrative.Proposals) = (draft.Opening, draft.Summary, draft.Difficulties, draft.Proposals);
            narrative.DraftedAt = clock.GetUtcNow();
            Touch(narrative, actor);
            narrative.Results.Clear();
            // The old rows go in this save, the new ones after them, so the (narrative, code) key never sees both.
            await db.SaveChangesAsync(ct);
            narrative.Results.AddRange(draft.Results.Select((r, i) => new NarrativeResult { Code = r.Code, Title = r.Title, Text = r.Text, Order = i }));
            audit.Record(actor, "narrative.redraft", nameof(PeriodNarrative), Key(planId, period.Key), before, Audited(narrative));
            return Outcome.Ok(narrative.Revision);
        }, cancellationToken);

    /// <summary>The period and its narrative (tracked, null when none is saved) when the caller may change it; otherwise why not.</summary>
    private async Task<Outcome<(PlanReportingPeriod Period, PeriodNarrative? Narrative)>> EditableAsync(PlanRights rights, int planId, string periodId,
        CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.ProvinceId, p.Status }).SingleOrDefaultAsync(ct);
        if (plan is null || !rights.CanRead(plan.ProvinceId, planId, plan.Status))
        {
            return Problem.NotFound($"Không có kế hoạch {planId}.", $"No plan {planId}.");
        }

        if (!rights.CanEdit(plan.ProvinceId, planId))
        {
            return Problem.Forbidden();
        }

        var period = ReportingPeriod.TryParse(periodId, out var parsed)
            ? await db.Set<PlanReportingPeriod>().AsNoTracking().SingleOrDefaultAsync(p => p.PlanId == planId && p.Key == parsed.Id, ct)
            : null;
        if (period is null)
        {
            return Problem.NotFound($"Kế hoạch {planId} không có kỳ báo cáo '{periodId}'.", $"Plan {planId} has no reporting period '{periodId}'.");
        }

        var narrative = await db.Set<PeriodNarrative>().Include(n => n.Results).SingleOrDefaultAsync(n => n.PeriodId == period.Id, ct);
        return Outcome.Ok((period, narrative));
    }

    private PeriodNarrative Added(int planId, int periodId)
    {
        var narrative = new PeriodNarrative { PlanId = planId, PeriodId = periodId, DraftedAt = clock.GetUtcNow(), UpdatedBy = "" };
        db.Set<PeriodNarrative>().Add(narrative);
        return narrative;
    }

    private void Touch(PeriodNarrative narrative, Actor actor)
    {
        narrative.Revision++;
        narrative.UpdatedAt = clock.GetUtcNow();
        narrative.UpdatedBy = actor.Name;
    }

    private async Task<int> PeriodRowIdAsync(int planId, string key, CancellationToken ct) =>
        await db.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == planId && p.Key == key).Select(p => p.Id).SingleAsync(ct);

    private static string Key(int planId, string period) => string.Create(CultureInfo.InvariantCulture, $"{planId}/{period}");

    private static object Audited(PeriodNarrative n) => new
    {
        n.Opening,
        n.Summary,
        Results = n.Results.OrderBy(r => r.Order).ToDictionary(r => r.Code.Length == 0 ? "(khác)" : r.Code, r => r.Text, StringComparer.Ordinal),
        n.Difficulties,
        n.Proposals,
    };
}
