using ChiSo.Frameworks;
using ChiSo.Results;

namespace ChiSo.Analysis;

/// <summary>Where a rank or group comes from: published in the file, or computed by ChiSo's documented rule.</summary>
public enum RankSource
{
    Official,
    Computed,
}

/// <summary>One unit's value on one node in a year, with its rank and group and their sources.</summary>
public sealed record CellValue(
    decimal? Score, ScoreSource? Source, int? Rank, RankSource? RankSource, int? Group, RankSource? GroupSource,
    decimal? SelfAssessed, string? Warning, decimal? ComputedValue);

public sealed record YearTableRow(
    int UnitId, string UnitCode, string UnitName, bool Scored, IReadOnlyDictionary<string, CellValue> Cells,
    decimal? PreviousAggregate, int? PreviousRank, decimal? AggregateChange, int? RankChange, IReadOnlyList<string> Warnings)
{
    public CellValue? Aggregate => Cells.GetValueOrDefault(FrameworkNode.AggregateCode);

    public CellValue? Cell(string code) => Cells.GetValueOrDefault(code);
}

/// <summary>National statistics of a node over the scored units of a year.</summary>
public sealed record NodeStats(decimal Mean, decimal Median, decimal Best, decimal Worst, int Count);

/// <summary>
/// All units of a framework's year: every node, ranks and groups, change against the previous year. Built once per
/// import (and previous import) and shared through <see cref="Results.ResultsCache"/>: read it, never change it.
/// </summary>
public sealed record YearTable(
    Framework Framework, int Year, bool Illustrative, IReadOnlyList<FrameworkNode> Columns, IReadOnlyList<YearTableRow> Rows,
    IReadOnlyDictionary<string, NodeStats> Stats)
{
    private Dictionary<int, YearTableRow>? _byUnit;

    public FrameworkTree Tree { get; } = new(Framework);

    /// <summary>The import the table was built from (0 when built from rows in memory).</summary>
    public int ImportId { get; init; }

    /// <summary>The previous year's import it was compared with, if any.</summary>
    public int? PreviousImportId { get; init; }

    public YearTableRow? Row(int unitId) => (_byUnit ??= Rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.First())).GetValueOrDefault(unitId);

    /// <summary>A rough size in memory, for the cache's limit.</summary>
    public long EstimatedBytes => 512 + Rows.Sum(r => 256L + (r.Cells.Count * 200L));

    /// <summary>The aggregate and the dimensions: the nodes ranked and grouped in the UI.</summary>
    public IEnumerable<FrameworkNode> RankedColumns => Columns.Where(c => Tree.Depth(c.Code) <= 1);

    public int RankedCount => Rows.Count(r => r.Aggregate?.Rank is not null);
}
