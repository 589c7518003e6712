namespace ChiSo.Reporting.Calendar;

/// <summary>What an admin says about one day, beyond the holidays ChiSo knows by itself.</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday whose date moves each year (Tết, the Hùng Kings' day: lunar dates).</summary>
    Holiday,

    /// <summary>A day off the Government announced in exchange for a working Saturday (ngày nghỉ bù, hoán đổi).</summary>
    DayOff,

    /// <summary>A Saturday or Sunday made a working day by the same announcement (ngày làm bù).</summary>
    WorkingDay,
}

/// <summary>
/// One day of the working calendar an admin entered: each year's lunar holidays and the days the Government swaps.
/// One row per date; the fixed holidays of the Labour Code are built in (<see cref="PublicHolidays"/>).
/// </summary>
public sealed class CalendarDay
{
    public const int NameMaxLength = 200;

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public required string NameVi { get; set; }

    public string? NameEn { get; set; }
}
