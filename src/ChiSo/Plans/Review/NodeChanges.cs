using ChiSo.Analysis;

namespace ChiSo.Plans.Review;

/// <summary>
/// Reads one node's change for one province out of two year tables (the year before the plan and the year under
/// review). Pure: the tables come from <see cref="AnalysisService"/>, built and cached per import.
/// </summary>
public static class NodeChanges
{
    /// <param name="before">The table of the plan's result year, or null when that year has no results.</param>
    /// <param name="after">The table of the year under review, or null when it is not imported yet.</param>
    /// <param name="beforeUnit">The province's unit in the year before (its row in <paramref name="before"/>).</param>
    /// <param name="afterUnit">The province's unit in the year under review.</param>
    public static NodeChange Of(string family, string code, YearTable? before, int? beforeUnit, YearTable? after, int? afterUnit)
    {
        var beforeNode = before?.Tree.Find(code);
        var afterNode = after?.Tree.Find(code);
        var named = afterNode ?? beforeNode;
        var standingBefore = beforeNode is null ? null : Standing(before!, beforeUnit, beforeNode.Code);
        var standingAfter = afterNode is null ? null : Standing(after!, afterUnit, afterNode.Code);
        var gap = before is null ? NodeGap.NoResultsBefore
            : after is null ? NodeGap.NoResultsAfter
            : beforeNode is null || afterNode is null ? NodeGap.NotInFramework
            : standingBefore is null || standingAfter is null ? NodeGap.NotScored
            : beforeNode.Min != afterNode.Min || beforeNode.Max != afterNode.Max ? NodeGap.ScalesDiffer
            : NodeGap.None;
        return new NodeChange(family, named?.Code ?? code, named?.NameVi ?? code, named?.NameEn ?? code, standingBefore, standingAfter, gap);
    }

    private static NodeStanding? Standing(YearTable table, int? unitId, string code)
    {
        var row = unitId is { } id ? table.Row(id) : null;
        if (row is not { Scored: true } || row.Cell(code) is not { Score: { } score } cell || !table.Stats.TryGetValue(code, out var stats))
        {
            return null;
        }

        return new NodeStanding(score, cell.Rank, stats.Count, cell.Group, cell.GroupSource, stats.Mean);
    }
}
