using ChiSo.Reporting.Calendar;

namespace ChiSo.Tests.Reporting.Calendar;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2026-12-01", true)]   // Tuesday
    [InlineData("2026-12-05", false)]  // Saturday
    [InlineData("2026-04-30", false)]  // Reunification Day (Thursday)
    [InlineData("2026-05-01", false)]  // Workers' Day (Friday)
    [InlineData("2026-09-02", false)]  // National Day (Wednesday)
    [InlineData("2026-09-01", false)]  // … and the day beside it
    [InlineData("2026-09-03", true)]
    [InlineData("2024-09-03", false)]  // 2 September 2024 was a Monday: the day beside it is the 3rd
    [InlineData("2025-09-01", false)]  // 2 September 2025 was a Tuesday: the 1st
    [InlineData("2028-01-03", false)]  // 1 January 2028 is a Saturday: the Monday after is off
    [InlineData("2027-05-03", false)]  // 1 May 2027 is a Saturday
    [InlineData("2027-05-04", true)]
    public void IsWorkingDay_BuiltIn_KnowsWeekendsFixedHolidaysAndWeekendCompensation(string date, bool working) =>
        Assert.Equal(working, WorkingCalendar.BuiltIn.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Entered_TetBlockAndSwappedDays_AreTakenAsAnnounced()
    {
        // Tết 2026 as announced: 14–22 February off (weekends included, nothing added after it); a working Saturday
        // in exchange for a Friday off.
        var entered = Enumerable.Range(0, 9).Select(i => new CalendarDay { Date = new DateOnly(2026, 2, 14).AddDays(i), Kind = CalendarDayKind.Holiday, NameVi = "Tết Nguyên đán" })
            .Append(new CalendarDay { Date = new DateOnly(2026, 1, 2), Kind = CalendarDayKind.DayOff, NameVi = "Nghỉ bù" })
            .Append(new CalendarDay { Date = new DateOnly(2026, 1, 10), Kind = CalendarDayKind.WorkingDay, NameVi = "Làm bù" })
            .ToList();
        var calendar = new WorkingCalendar(entered);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.Equal(new DateOnly(2026, 2, 23), calendar.OnOrNextWorkingDay(new DateOnly(2026, 2, 15)));
        // Five working days after Friday 13 February: 23, 24, 25, 26, 27 February.
        Assert.Equal(new DateOnly(2026, 2, 27), calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 5));
    }

    [Fact]
    public void AddWorkingDays_SkipsWeekendsAndHolidays()
    {
        var calendar = WorkingCalendar.BuiltIn;
        // Wednesday 29 April 2026 + 2 working days: Thursday 30/4 and Friday 1/5 are holidays, so Monday 4 and Tuesday 5 May.
        Assert.Equal(new DateOnly(2026, 5, 5), calendar.AddWorkingDays(new DateOnly(2026, 4, 29), 2));
        Assert.Equal(new DateOnly(2026, 12, 7), calendar.AddWorkingDays(new DateOnly(2026, 12, 4), 1));
        Assert.Equal(new DateOnly(2026, 12, 7), calendar.AddWorkingDays(new DateOnly(2026, 12, 5), 0));
    }
}
