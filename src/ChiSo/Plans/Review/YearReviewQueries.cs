using ChiSo.Analysis;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Rollup;
using ChiSo.Results;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Review;

/// <summary>
/// Reads a plan's year in review (<see cref="YearReview"/>). Tasks' statuses come from the roll-up of the plan's year
/// period (<see cref="RollupQueries.ReadAsync"/>, the one read path of a period's figures, which also decides who may
/// read it: the plan's coordinators and leaders; anyone else who reads the plan is refused, anyone who does not is told
/// it does not exist); the index figures from the year tables of <see cref="AnalysisService"/> (ranks, groups and
/// national means as the results pages show them), cached per import. A few small queries beside those.
/// </summary>
public sealed class YearReviewQueries(ChiSoDbContext db, RollupQueries rollups, AnalysisService analysis, ResultsQueries results)
{
    public async Task<Outcome<YearReview>> ReadAsync(PlanRights rights, int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id, p.ProvinceId, p.Status, p.Number, p.Symbol, p.Title, p.ResultYear, p.FromYear, p.Frameworks,
                Province = p.Province!.Name, ProvinceCode = p.Province.Code,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null || !rights.CanRead(plan.ProvinceId, planId, plan.Status))
        {
            return Problem.NotFound($"Không có kế hoạch {planId}.", $"No plan {planId}.");
        }

        // A plan answers the results of the year before it starts unless it says otherwise (a 2026 plan, PAPI 2025).
        var resultYear = plan.ResultYear ?? plan.FromYear - 1;
        var reviewYear = resultYear + 1;
        var periods = await db.Set<PlanReportingPeriod>().AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(cancellationToken);
        var yearKey = ReportingPeriod.WholeYear(reviewYear).Id;
        var period = periods.FirstOrDefault(p => p.Key == yearKey)
            ?? periods.OrderBy(p => p.Period.End).ThenBy(p => p.Period.IsCumulative).ThenBy(p => p.Kind == ReportingPeriodKind.Year).LastOrDefault();
        PeriodRollup? rollup = null;
        if (period is not null)
        {
            var read = await rollups.ReadAsync(rights, planId, period.Key, cancellationToken);
            if (!read.Succeeded)
            {
                return read.Cast<YearReview>();
            }

            rollup = read.Value;
        }
        else if (!MayRead(rights, plan.ProvinceId, planId))
        {
            // No period yet (a draft): the roll-up's rule all the same.
            return Problem.Forbidden();
        }

        var tasks = await db.Set<PlanTask>().AsNoTracking().Where(t => t.PlanId == planId)
            .Select(t => new { t.Id, t.Code, t.Content, t.GroupId, t.Order }).ToListAsync(cancellationToken);
        var groups = await db.Set<PlanTaskGroup>().AsNoTracking().Where(g => g.PlanId == planId)
            .ToDictionaryAsync(g => g.Id, g => (g.Code, g.Title), cancellationToken);
        var links = (await (from l in db.Set<TaskNodeLink>().AsNoTracking()
                            join t in db.Set<PlanTask>() on l.TaskId equals t.Id
                            where t.PlanId == planId
                            select l).ToListAsync(cancellationToken))
            .ToLookup(l => l.TaskId);

        var catalogue = await results.CatalogueAsync(null, cancellationToken);
        var linkFamily = links.SelectMany(l => l).Select(l => l.FrameworkId).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => catalogue.FamilyOf(id), StringComparer.Ordinal);
        var planFamilies = plan.Frameworks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var years = new Dictionary<string, Years>(StringComparer.Ordinal);
        foreach (var family in planFamilies.Concat(linkFamily.Values.OfType<string>()).Distinct(StringComparer.Ordinal))
        {
            years[family] = await YearsAsync(family, resultYear, reviewYear, plan.ProvinceId, plan.ProvinceCode, cancellationToken);
        }

        var linkedCodes = links.SelectMany(l => l)
            .Where(l => linkFamily[l.FrameworkId] is not null)
            .ToLookup(l => linkFamily[l.FrameworkId]!, l => l.NodeCode, StringComparer.Ordinal);
        var families = planFamilies.Select(f => Family(f, years[f], linkedCodes[f].ToList())).ToList();

        var statusOf = rollup?.Tasks.ToDictionary(t => t.TaskId, t => t.Status);
        var reviews = tasks.OrderBy(t => t.Order).ThenBy(t => t.Code, NodeCodeComparer.Instance).Select(t =>
        {
            var group = t.GroupId is { } g && groups.TryGetValue(g, out var found) ? found : ((string Code, string Title)?)null;
            var nodes = links[t.Id]
                .Select(l => linkFamily[l.FrameworkId] is { } family
                    ? Change(family, l.NodeCode, years[family])
                    : new NodeChange(l.FrameworkId, l.NodeCode, l.NodeCode, l.NodeCode, null, null, NodeGap.NoResultsBefore))
                .OrderBy(n => n.Family, StringComparer.Ordinal).ThenBy(n => n.Code, NodeCodeComparer.Instance)
                .ToList();
            return new TaskReview(t.Id, t.Code, t.Content, group?.Code, group?.Title,
                statusOf is not null && statusOf.TryGetValue(t.Id, out var status) ? status : null, nodes);
        }).ToList();

        var stateFamilies = planFamilies.Count > 0 ? planFamilies : [.. years.Keys];
        var state = stateFamilies.Any(f => years[f].Before is not null && years[f].After is not null) ? ReviewState.Ready
            : stateFamilies.Any(f => years[f].Before is not null) ? ReviewState.NotYetImported
            : ReviewState.NoBaseline;
        var illustrative = years.Values.Any(y => y.Before?.Illustrative == true || y.After?.Illustrative == true);
        var reviewPeriod = rollup is null ? null
            : new ReviewPeriod(rollup.Period, period!.Key == yearKey, rollup.AsOf, rollup.DataTo, rollup.UnitDue);
        var name = string.IsNullOrEmpty(plan.Number) ? plan.Symbol : $"{plan.Number}/{plan.Symbol}";
        return Outcome.Ok(new YearReview(plan.Id, name, plan.Title, plan.Status, plan.Province, resultYear, plan.ResultYear is not null, reviewYear,
            state, illustrative, families, reviewPeriod, reviews));
    }

    /// <summary>
    /// Whether someone who reads the plan may read its year in review: its coordinators and leaders, the roll-up's rule
    /// (<see cref="RollupQueries.ReadAsync"/>), so pages show the link only to them.
    /// </summary>
    public static bool MayRead(PlanRights rights, int provinceId, int planId) => rights.CanEdit(provinceId, planId) || rights.ReadsAllIssued;

    /// <summary>A family's two year tables and the province's unit in each (its own id, else the unit its code meant that year).</summary>
    private async Task<Years> YearsAsync(string family, int resultYear, int reviewYear, int provinceId, string provinceCode, CancellationToken cancellationToken)
    {
        var before = await analysis.TableAsync(family, resultYear, cancellationToken);
        var after = await analysis.TableAsync(family, reviewYear, cancellationToken);
        return new Years(before, await UnitInAsync(before, resultYear), after, await UnitInAsync(after, reviewYear));

        async Task<int?> UnitInAsync(YearTable? table, int year) =>
            table is null ? null
            : table.Row(provinceId) is not null ? provinceId
            : (await analysis.UnitForYearAsync(provinceCode, year, cancellationToken))?.Id;
    }

    private static NodeChange Change(string family, string code, Years y) => NodeChanges.Of(family, code, y.Before, y.BeforeUnit, y.After, y.AfterUnit);

    /// <summary>The aggregate and each dimension of an index; a dimension is covered when a task links it or a node under it.</summary>
    private static FamilyReview Family(string family, Years y, IReadOnlyList<string> linked)
    {
        var tree = y.Before?.Tree ?? y.After?.Tree;
        if (tree is null)
        {
            return new FamilyReview(family, false, false, null, []);
        }

        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in linked)
        {
            for (var node = tree.Find(code); node is not null; node = node.ParentCode is { } parent ? tree.Find(parent) : null)
            {
                covered.Add(node.Code);
            }
        }

        var dimensions = tree.Dimensions.Select(d => new DimensionReview(Change(family, d.Code, y), covered.Contains(d.Code))).ToList();
        return new FamilyReview(family, y.Before is not null, y.After is not null, Change(family, FrameworkNode.AggregateCode, y), dimensions);
    }

    private sealed record Years(YearTable? Before, int? BeforeUnit, YearTable? After, int? AfterUnit);
}
