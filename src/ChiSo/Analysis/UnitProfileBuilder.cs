using ChiSo.Frameworks;

namespace ChiSo.Analysis;

/// <summary>
/// A unit's profile from the year tables of one index family: its trend, its dimensions against the national
/// mean, median and best, the points each node lost sorted by how much closing the gap to the best would add,
/// and what it takes to reach the next group and the next rank.
/// </summary>
public static class UnitProfileBuilder
{
    /// <param name="tables">The family's year tables, any order; the profile's year must be among them.</param>
    public static UnitProfile? Build(int unitId, int year, IReadOnlyList<YearTable> tables) =>
        tables.FirstOrDefault(t => t.Year == year) is { } table ? Build(unitId, year, table, tables) : null;

    /// <param name="table">The profile year's full table.</param>
    /// <param name="trend">Every year's table for the trend; the aggregate is all it reads (summaries will do).</param>
    public static UnitProfile? Build(int unitId, int year, YearTable table, IReadOnlyList<YearTable> trend)
    {
        var row = table.Row(unitId);
        if (row is null || table.Year != year)
        {
            return null;
        }

        var tree = table.Tree;
        var aggregateMax = tree.Aggregate?.Max ?? 0;
        var points = trend.OrderBy(t => t.Year)
            .Select(t => (Table: t, Row: t.Row(unitId)))
            .Where(x => x.Row is not null)
            .Select(x => new TrendPoint(x.Table.Year, x.Table.Framework.Id, x.Row!.Aggregate?.Score, x.Table.Tree.Aggregate?.Max ?? 0,
                x.Row.Aggregate?.Rank, x.Row.Aggregate?.RankSource, x.Row.Aggregate?.Group, x.Row.Aggregate?.GroupSource,
                x.Table.RankedCount, x.Table.Illustrative))
            .ToList();

        var dimensions = tree.Dimensions.Select(d =>
        {
            var cell = row.Cell(d.Code);
            var stats = table.Stats.GetValueOrDefault(d.Code);
            return new DimensionComparison(d.Code, d.NameVi, d.NameEn, d.Max, cell?.Score, stats?.Mean, stats?.Median, stats?.Best, cell?.Rank, cell?.Group);
        }).ToList();

        var lost = table.Columns
            .Where(n => !n.IsAggregate && row.Cell(n.Code)?.Score is not null)
            .Select(n =>
            {
                var score = row.Cell(n.Code)!.Score!.Value;
                var best = table.Stats.GetValueOrDefault(n.Code)?.Best ?? score;
                return new LostPoint(n.Code, n.NameVi, n.NameEn, tree.Depth(n.Code), n.Max, score, n.Max - score, Math.Max(0, best - score));
            })
            .OrderByDescending(l => l.GapToBest)
            .ThenByDescending(l => l.Lost)
            .ThenBy(l => l.Node, StringComparer.Ordinal)
            .ToList();

        var (nextGroup, toGroup) = NextGroup(table, row);
        var (nextRank, toRank) = NextRank(table, row);
        return new UnitProfile(unitId, row.UnitCode, row.UnitName, table.Framework.Id, year, table.Illustrative, row.Scored,
            row.Aggregate, aggregateMax, table.RankedCount, points, dimensions, lost, nextGroup, toGroup, nextRank, toRank);
    }

    /// <summary>Points on the aggregate to reach the lowest score of the next better group, as assigned this year.</summary>
    private static (int?, decimal?) NextGroup(YearTable table, YearTableRow row)
    {
        if (row.Aggregate is not { Group: { } group and > 1, Score: { } score })
        {
            return (null, null);
        }

        var better = table.Rows.Where(r => r.Aggregate?.Group == group - 1 && r.Aggregate.Score is not null).Select(r => r.Aggregate!.Score!.Value).ToList();
        return better.Count == 0 ? (group - 1, null) : (group - 1, Math.Max(0, better.Min() - score));
    }

    /// <summary>Points to pass the unit(s) just above: the next higher distinct aggregate, plus 0.01.</summary>
    private static (int?, decimal?) NextRank(YearTable table, YearTableRow row)
    {
        if (row.Aggregate is not { Rank: { } rank and > 1, Score: { } score })
        {
            return (null, null);
        }

        var above = table.Rows.Where(r => r.Aggregate?.Score is { } s && s > score).Select(r => r.Aggregate!).OrderBy(a => a.Score).FirstOrDefault();
        return above is null ? (null, null) : (above.Rank, above.Score!.Value - score + 0.01m);
    }
}
