namespace ChiSo.Results;

/// <summary>
/// One imported results file for a framework, year and scope (<see cref="ResultScope"/>). Re-importing a year's
/// scope adds a new version and marks it current; earlier versions stay readable as history.
/// </summary>
public sealed class ResultImport
{
    public int Id { get; set; }
    public required string FrameworkId { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }

    /// <summary>The stored <see cref="ResultScope.Key"/>: <c>provinces</c>, <c>communes</c> or <c>communes:{province id}</c>.</summary>
    public string Scope { get; set; } = ResultScope.ProvincesKey;

    /// <summary>The province whose communes the import scores; null for provinces and for the whole country.</summary>
    public int? ScopeProvinceId { get; set; }

    public ResultScope ScopeValue => ResultScope.Parse(Scope);
    public bool IsCurrent { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }

    /// <summary>True when the data is synthetic demo data ("dữ liệu minh họa") and must be labelled so.</summary>
    public bool IsIllustrative { get; set; }

    public int WarningCount { get; set; }

    public List<UnitResult> Units { get; set; } = [];
}
