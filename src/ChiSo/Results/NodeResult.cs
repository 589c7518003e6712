namespace ChiSo.Results;

/// <summary>
/// A unit's score on one framework node for one import, keyed by (<see cref="UnitResultId"/>, <see cref="NodeCode"/>).
/// <see cref="Score"/> is the value used in analysis: the file's value when the file gives one, otherwise the value
/// computed from complete children.
/// </summary>
public sealed class NodeResult
{
    public int UnitResultId { get; set; }
    public required string NodeCode { get; set; }

    public decimal? Score { get; set; }
    public ScoreSource Source { get; set; }

    /// <summary>The value computed from children, kept when it disagrees with the file's value.</summary>
    public decimal? ComputedValue { get; set; }

    /// <summary>PAR Index: the province's self-assessed score ("điểm tự đánh giá"); Score is the appraised one.</summary>
    public decimal? SelfAssessed { get; set; }

    /// <summary>Rank published in the file (official), if any.</summary>
    public int? OfficialRank { get; set; }

    /// <summary>Group published in the file (official, 1 = highest), if any.</summary>
    public int? OfficialGroup { get; set; }

    /// <summary>Import warning for this cell, e.g. "tổng không khớp".</summary>
    public string? Warning { get; set; }
}

public enum ScoreSource
{
    File,
    Computed,
}
