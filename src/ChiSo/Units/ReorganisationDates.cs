namespace ChiSo.Units;

/// <summary>The dates of the 2025 reorganisation (63 provinces → 34, districts abolished).</summary>
public static class ReorganisationDates
{
    public static readonly DateOnly LastDayOf63Provinces = new(2025, 6, 30);
    public static readonly DateOnly FirstDayOf34Provinces = new(2025, 7, 1);

    /// <summary>
    /// The date whose units a result year refers to. Index results describe a year's provinces; the
    /// 34 provinces exist from July 2025, so 2025 results and later are matched against them.
    /// </summary>
    public static DateOnly ReferenceDateForResultYear(int year) =>
        year >= 2025 ? FirstDayOf34Provinces : new DateOnly(year, 12, 31);
}
