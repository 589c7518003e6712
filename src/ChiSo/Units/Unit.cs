namespace ChiSo.Units;

/// <summary>
/// An administrative or organisational unit: a province (before or after the 2025 merger), a commune,
/// a (historic) district, a department. Units carry validity dates so history survives reorganisations:
/// the 63 provinces end on 30 June 2025, the 34 that replaced them begin on 1 July 2025, and a province
/// that was not merged is one unit valid across both.
/// </summary>
public sealed class Unit
{
    public int Id { get; set; }

    /// <summary>Official code (GSO code for provinces/communes), unique among units valid at one date.</summary>
    public required string Code { get; set; }

    public UnitKind Kind { get; set; }

    /// <summary>Short name, e.g. "Lâm Đồng".</summary>
    public required string Name { get; set; }

    /// <summary>Full name with its type, e.g. "Tỉnh Lâm Đồng".</summary>
    public required string FullName { get; set; }

    public string? NameEn { get; set; }

    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }

    /// <summary>
    /// The ids from the root down to this unit, e.g. "/12/345/6789/", so "every unit under X" is one indexed prefix
    /// query (<see cref="UnitQueries.Under(IQueryable{Unit}, Unit)"/>). Kept by ChiSo on every save
    /// (<see cref="UnitPaths"/>); nobody types it.
    /// </summary>
    public string Path { get; internal set; } = "";

    /// <summary>How deep the unit sits: 0 for a root (a province), 1 for its children, 2 for a district's communes.</summary>
    public int Level { get; internal set; }

    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}

/// <summary>What kind of body a unit is. Stored by name (at most 16 characters).</summary>
public enum UnitKind
{
    Province,
    /// <summary>A district (huyện/quận/thị xã): abolished on 1 July 2025, kept for history.</summary>
    District,
    /// <summary>A commune, ward or special zone People's Committee (UBND cấp xã).</summary>
    Commune,
    /// <summary>A provincial department or board (Sở, ban, ngành).</summary>
    Department,
    /// <summary>A central agency located in the province (e.g. the provincial police, tax office).</summary>
    CentralAgency,
    /// <summary>A public service unit (đơn vị sự nghiệp công lập).</summary>
    PublicService,
    /// <summary>A state company (power, water…).</summary>
    StateCompany,
    /// <summary>A mass organisation (Mặt trận Tổ quốc, Hội, Đoàn…).</summary>
    MassOrganisation,
    Other,
}
