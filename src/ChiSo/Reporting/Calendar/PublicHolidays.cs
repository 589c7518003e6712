namespace ChiSo.Reporting.Calendar;

/// <summary>
/// The public holidays with fixed solar dates (Labour Code 2019, Art. 112): 1 January, 30 April, 1 May, 2 September
/// and one day beside it. The Government names that day each year; by default ChiSo takes 1 September, or 3 September
/// when the 2nd is a Monday (so the two days join a weekend — as in 2023, 2024 and 2025). Tết and the Hùng Kings' day
/// follow the lunar calendar: an admin enters them each year (<see cref="CalendarDay"/>), as the days the Government
/// swaps.
/// </summary>
public static class PublicHolidays
{
    public static IReadOnlyList<(DateOnly Date, string NameVi, string NameEn)> Fixed(int year)
    {
        var national = new DateOnly(year, 9, 2);
        var beside = national.DayOfWeek == DayOfWeek.Monday ? national.AddDays(1) : national.AddDays(-1);
        return
        [
            (new DateOnly(year, 1, 1), "Tết Dương lịch", "New Year's Day"),
            (new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)", "Reunification Day"),
            (new DateOnly(year, 5, 1), "Ngày Quốc tế lao động", "International Workers' Day"),
            (national, "Quốc khánh", "National Day"),
            (beside, "Quốc khánh (ngày liền kề)", "National Day (the day beside it)"),
        ];
    }
}
