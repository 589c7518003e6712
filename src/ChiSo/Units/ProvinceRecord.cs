namespace ChiSo.Units;

/// <summary>
/// A province as the reference data describes it. (Code, ValidFrom) identifies it: old Lâm Đồng (68, until
/// 30 June 2025) and new Lâm Đồng (68, from 1 July 2025) are two records; an unmerged province is one record
/// valid across both eras.
/// </summary>
public sealed record ProvinceRecord(
    string Code, string Name, string FullName, string? NameEn, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> PredecessorCodes)
{
    /// <summary>A new (unsaved) province unit with this record's code, names and validity.</summary>
    public Unit ToUnit() => new()
    {
        Code = Code, Kind = UnitKind.Province, Name = Name, FullName = FullName, NameEn = NameEn, ValidFrom = ValidFrom, ValidTo = ValidTo,
    };
}

/// <summary>A commune, ward or town of a province, with its district before 2025.</summary>
public sealed record CommuneRecord(string Code, string Name, string FullName, string? NameEn, string? DistrictCode, string? DistrictName);
