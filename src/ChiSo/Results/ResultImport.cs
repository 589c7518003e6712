namespace ChiSo.Results;

/// <summary>
/// One imported results file for a framework and year. Re-importing a year adds a new version and
/// marks it current; earlier versions stay readable as history.
/// </summary>
public sealed class ResultImport
{
    public int Id { get; set; }
    public required string FrameworkId { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }
    public bool IsCurrent { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }

    /// <summary>True when the data is synthetic demo data ("dữ liệu minh họa") and must be labelled so.</summary>
    public bool IsIllustrative { get; set; }

    public int WarningCount { get; set; }

    public List<UnitResult> Units { get; set; } = [];
}
