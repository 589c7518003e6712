namespace ChiSo.Results;

/// <summary>A unit's row in an imported results file.</summary>
public sealed class UnitResult
{
    public int Id { get; set; }
    public int ResultImportId { get; set; }
    public int UnitId { get; set; }
    public Units.Unit? Unit { get; set; }

    /// <summary>Row number as a spreadsheet shows it (header = row 1).</summary>
    public int RowNumber { get; set; }

    /// <summary>False when the published report left the unit unscored (blank row or "*"): never zero.</summary>
    public bool Scored { get; set; }

    public List<NodeResult> Nodes { get; set; } = [];
}
