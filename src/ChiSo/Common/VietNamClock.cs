namespace ChiSo.Common;

/// <summary>
/// Viet Nam time (UTC+7, no daylight saving since 1975) for everything a user reads or a deadline depends on:
/// "today" is the Vietnamese calendar day, not the server's or UTC's. A fixed offset rather than the tz database,
/// so a server without tzdata still gets it right. Everything stores UTC; this is how it is shown and counted.
/// </summary>
public static class VietNamClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>Now, as a clock on a wall in Ha Noi shows it.</summary>
    public static DateTimeOffset VietNamNow(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    /// <summary>Today's date in Viet Nam.</summary>
    public static DateOnly VietNamToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.VietNamNow().DateTime);

    /// <summary>A stored instant in Viet Nam time.</summary>
    public static DateTimeOffset ToVietNam(this DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The instant a Vietnamese calendar day starts, for "from date" filters on UTC columns.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
