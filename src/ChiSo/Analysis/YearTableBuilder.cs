using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Text;

namespace ChiSo.Analysis;

/// <summary>
/// Builds the year table from an import: ranks (ties shared) and groups per node — official where the file
/// published them, computed otherwise — national statistics, and change against the previous year's import.
/// Unscored units stay in the table, unranked and ungrouped, listed last.
/// </summary>
public static class YearTableBuilder
{
    /// <param name="rankedColumnsOnly">Only the aggregate and the dimensions (what a trend or a merged history shows).</param>
    public static YearTable Build(Framework framework, ResultImport current, YearTable? previous = null, bool rankedColumnsOnly = false)
    {
        var tree = new FrameworkTree(framework);
        var columns = tree.InTreeOrder().Where(c => !rankedColumnsOnly || tree.Depth(c.Code) <= 1).ToList();
        var units = current.Units;
        var scoresByNode = columns.ToDictionary(c => c.Code, _ => new List<(UnitResult Unit, NodeResult? Node)>(), StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units.Where(u => u.Scored))
        {
            foreach (var node in unit.Nodes.Where(n => n.Score is not null))
            {
                if (scoresByNode.TryGetValue(node.NodeCode, out var list))
                {
                    list.Add((unit, node));
                }
            }
        }

        var ranks = new Dictionary<string, (IReadOnlyDictionary<int, int> Ranks, bool Official)>(StringComparer.OrdinalIgnoreCase);
        var groups = new Dictionary<string, (IReadOnlyDictionary<int, int> Groups, bool Official)>(StringComparer.OrdinalIgnoreCase);
        var stats = new Dictionary<string, NodeStats>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            var scored = scoresByNode[column.Code];
            var official = scored.Where(x => x.Node!.OfficialRank is not null).ToDictionary(x => x.Unit.UnitId, x => x.Node!.OfficialRank!.Value);
            var nodeRanks = official.Count > 0 ? official : Ranking.Rank(scored.Select(x => (x.Unit.UnitId, x.Node!.Score!.Value)));
            ranks[column.Code] = (nodeRanks, official.Count > 0);

            var officialGroups = scored.Where(x => x.Node!.OfficialGroup is not null).ToDictionary(x => x.Unit.UnitId, x => x.Node!.OfficialGroup!.Value);
            groups[column.Code] = officialGroups.Count > 0
                ? (officialGroups, true)
                : (Grouping.Groups(nodeRanks, framework.GroupRule), false);

            if (scored.Count > 0)
            {
                stats[column.Code] = Stats(scored.Select(x => x.Node!.Score!.Value).ToList());
            }
        }

        // Scores on different scales (PAPI 6–60 before 2018, 8–80 after) are not comparable; ranks still are.
        var comparableScores = previous is not null && previous.Tree.Aggregate?.Max == tree.Aggregate?.Max;
        var rows = units.Select(u => Row(u, tree, ranks, groups, previous, comparableScores)).ToList();
        var ordered = rows
            .OrderBy(r => r.Aggregate?.Rank ?? int.MaxValue)
            .ThenBy(r => r.UnitName, VietnameseText.Comparer)
            .ToList();
        return new YearTable(framework, current.Year, current.IsIllustrative, columns, ordered, stats)
        {
            ImportId = current.Id,
            PreviousImportId = previous?.ImportId is > 0 ? previous.ImportId : null,
        };
    }

    private static YearTableRow Row(UnitResult unit, FrameworkTree tree,
        Dictionary<string, (IReadOnlyDictionary<int, int> Ranks, bool Official)> ranks,
        Dictionary<string, (IReadOnlyDictionary<int, int> Groups, bool Official)> groups, YearTable? previous, bool comparableScores)
    {
        var cells = new Dictionary<string, CellValue>(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        foreach (var node in unit.Nodes)
        {
            var code = tree.Find(node.NodeCode)?.Code;
            if (code is null || !ranks.ContainsKey(code))
            {
                continue;
            }

            var ranked = unit.Scored && node.Score is not null;
            int? rank = ranked && ranks[code].Ranks.TryGetValue(unit.UnitId, out var r) ? r : null;
            int? group = ranked && groups[code].Groups.TryGetValue(unit.UnitId, out var g) ? g : null;
            cells[code] = new CellValue(node.Score, node.Score is null ? null : node.Source,
                rank, rank is null ? null : ranks[code].Official ? RankSource.Official : RankSource.Computed,
                group, group is null ? null : groups[code].Official ? RankSource.Official : RankSource.Computed,
                node.SelfAssessed, node.Warning, node.ComputedValue);
            if (node.Warning is not null)
            {
                warnings.Add($"{code}: {node.Warning}");
            }
        }

        var name = unit.Unit?.Name ?? unit.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = previous?.Row(unit.UnitId);
        var aggregate = cells.GetValueOrDefault(FrameworkNode.AggregateCode);
        var previousAggregate = before?.Aggregate?.Score;
        var previousRank = before?.Aggregate?.Rank;
        return new YearTableRow(unit.UnitId, unit.Unit?.Code ?? "", name, unit.Scored, cells,
            previousAggregate, previousRank,
            comparableScores && aggregate?.Score is { } now && previousAggregate is { } then ? now - then : null,
            aggregate?.Rank is { } rankNow && previousRank is { } rankThen ? rankThen - rankNow : null,
            warnings);
    }

    private static NodeStats Stats(List<decimal> values)
    {
        values.Sort();
        var n = values.Count;
        var median = n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        return new NodeStats(Math.Round(values.Average(), 4), Math.Round(median, 4), values[^1], values[0], n);
    }
}
