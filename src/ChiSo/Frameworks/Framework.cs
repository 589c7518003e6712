namespace ChiSo.Frameworks;

/// <summary>
/// One version of an index framework (e.g. <c>papi-2018</c>), valid for a range of result years.
/// Frameworks are data, never enums: admins import new versions (a PAR Index year, say) as CSV/JSON.
/// </summary>
public sealed class Framework
{
    /// <summary>Stable id of this version, e.g. <c>papi-2021</c>, <c>par-2023</c>.</summary>
    public required string Id { get; set; }

    /// <summary>The index this version belongs to (<c>papi</c>, <c>par</c>, <c>sipas</c>, <c>pci</c>).</summary>
    public required string Family { get; set; }

    public required string NameVi { get; set; }
    public required string NameEn { get; set; }

    /// <summary>First result year this version applies to.</summary>
    public int ValidFrom { get; set; }

    /// <summary>Last result year this version applies to; null while current.</summary>
    public int? ValidTo { get; set; }

    /// <summary>How performance groups are computed when a file gives none; see <see cref="GroupRule"/>.</summary>
    public string GroupRule { get; set; } = Frameworks.GroupRule.Quartiles;

    public bool BuiltIn { get; set; }

    public List<FrameworkNode> Nodes { get; set; } = [];

    public bool IsValidIn(int year) => year >= ValidFrom && (ValidTo is null || year <= ValidTo);
}
