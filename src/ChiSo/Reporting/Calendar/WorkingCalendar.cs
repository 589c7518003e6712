namespace ChiSo.Reporting.Calendar;

/// <summary>
/// Which days are working days in Viet Nam's public offices: Monday to Friday, except the public holidays (the fixed
/// ones of <see cref="PublicHolidays"/> and those an admin entered), a fixed holiday that falls on a weekend moving to
/// the next working day (Labour Code, Art. 111(3)), and the days the Government swaps. A day an admin marked as a working
/// day is one, whatever else is true of it. Deadlines that fall on a day off move to the next working day; "N working
/// days after" counts working days only.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _entered;
    // Built once per year on first use; a calendar may be shared (BuiltIn), so the cache is safe for concurrent readers.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> _daysOffByYear = new();

    public WorkingCalendar(IEnumerable<CalendarDay> entered)
    {
        _entered = entered.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last().Kind);
    }

    /// <summary>Only the built-in holidays: what a fresh installation knows before an admin enters a year.</summary>
    public static WorkingCalendar BuiltIn { get; } = new([]);

    public bool IsWorkingDay(DateOnly date)
    {
        return IsEnteredWorkingDay(date) || (!IsWeekend(date) && !DaysOff(date.Year).Contains(date));
    }

    /// <summary>The day itself when it is a working day, else the next one: where a deadline on a day off moves.</summary>
    public DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="date"/> (0: the date, moved to a working day).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return OnOrNextWorkingDay(date);
        }

        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// A year's days off besides weekends: the days an admin entered as they were announced (Tết's block already
    /// counts its weekends, so nothing is added to it), the fixed holidays, and for a fixed holiday on a weekend the
    /// next free weekday.
    /// </summary>
    private HashSet<DateOnly> DaysOff(int year)
    {
        return _daysOffByYear.GetOrAdd(year, BuildDaysOff);
    }

    private HashSet<DateOnly> BuildDaysOff(int year)
    {
        HashSet<DateOnly> off = [.. _entered.Where(e => e.Key.Year == year && e.Value is CalendarDayKind.Holiday or CalendarDayKind.DayOff).Select(e => e.Key)];
        foreach (var (holiday, _, _) in PublicHolidays.Fixed(year).OrderBy(h => h.Date))
        {
            var day = holiday;
            if (IsWeekend(day))
            {
                do
                {
                    day = day.AddDays(1);
                }
                while (IsWeekend(day) || off.Contains(day) || IsEnteredWorkingDay(day));
            }

            off.Add(day);
        }

        return off;
    }

    private bool IsEnteredWorkingDay(DateOnly date) => _entered.TryGetValue(date, out var kind) && kind == CalendarDayKind.WorkingDay;
}
