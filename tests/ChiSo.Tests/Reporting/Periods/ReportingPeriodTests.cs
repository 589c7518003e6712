using ChiSo.Reporting.Calendar;
using ChiSo.Reporting.Periods;

namespace ChiSo.Tests.Reporting.Periods;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-Q1", "Quý I/2026", "Q1 2026")]
    [InlineData("2026-Q3", "Quý III/2026", "Q3 2026")]
    [InlineData("2026-9M", "9 tháng/2026", "9 months 2026")]
    [InlineData("2026-6M", "6 tháng/2026", "6 months 2026")]
    [InlineData("2026-Y", "Năm 2026", "Year 2026")]
    [InlineData("2026-M03", "Tháng 3/2026", "March 2026")]
    public void TryParse_Id_RoundTripsWithItsNames(string id, string vi, string en)
    {
        Assert.True(ReportingPeriod.TryParse(id, out var period));
        Assert.Equal(id, period.Id);
        Assert.Equal((vi, en), (period.NameVi, period.NameEn));
        Assert.True(ReportingPeriod.TryParse(id.ToLowerInvariant(), out var lower));
        Assert.Equal(period, lower);
    }

    [Fact]
    public void QuarterThree_AndNineMonths_AreTwoPeriodsEndingTogether()
    {
        var quarter = ReportingPeriod.Quarter(2026, 3);
        var nine = ReportingPeriod.NineMonths(2026);
        Assert.NotEqual(quarter, nine);
        Assert.Equal(quarter.End, nine.End);
        Assert.Equal((new DateOnly(2026, 6, 15), new DateOnly(2026, 9, 14)), quarter.DefaultDataWindow);
        Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 9, 14)), nine.DefaultDataWindow);
        Assert.True(quarter < nine);
        Assert.False(quarter.IsCumulative);
        Assert.True(nine.IsCumulative);
    }

    [Fact]
    public void TryParse_LegacySixMonthCode_ReadsAsSixMonths() =>
        Assert.True(ReportingPeriod.TryParse("2026-H1", out var p) && p == ReportingPeriod.SixMonths(2026));

    [Theory]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("2026-Q5")]
    [InlineData("2026-M13")]
    [InlineData("2026-M00")]
    [InlineData("26-Q1")]
    [InlineData("2026-X")]
    public void TryParse_Nonsense_IsRefused(string id) => Assert.False(ReportingPeriod.TryParse(id, out _));

    [Fact]
    public void DefaultDataWindow_MonthAndQuarters_RunFromThe15thBeforeToThe14th()
    {
        Assert.Equal((new DateOnly(2026, 2, 15), new DateOnly(2026, 3, 14)), ReportingPeriod.Month(2026, 3).DefaultDataWindow);
        Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 1, 14)), ReportingPeriod.Month(2026, 1).DefaultDataWindow);
        Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 14)), ReportingPeriod.Quarter(2026, 1).DefaultDataWindow);
        Assert.Equal((new DateOnly(2026, 9, 15), new DateOnly(2026, 12, 14)), ReportingPeriod.Quarter(2026, 4).DefaultDataWindow);
        Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 12, 14)), ReportingPeriod.WholeYear(2026).DefaultDataWindow);
    }

    [Fact]
    public void Default_UsualPeriodsOf2026_DueOnTheFirstAndBeforeThe20th_MovedToWorkingDays()
    {
        var due = ReportingPeriod.Usual(2026).Select(p => ReportingDeadlines.Default(1, p, WorkingCalendar.BuiltIn))
            .Select(p => (p.Key, p.UnitDue, p.ConsolidatedDue)).ToList();
        (string, DateOnly, DateOnly)[] expected =
        [
            ("2026-Q1", new(2026, 4, 1), new(2026, 4, 20)),  // 19 April is a Sunday
            ("2026-6M", new(2026, 7, 1), new(2026, 7, 20)),  // 19 July is a Sunday
            ("2026-9M", new(2026, 10, 1), new(2026, 10, 19)),
            ("2026-Y", new(2027, 1, 4), new(2027, 1, 19)),   // 1 January 2027 is a holiday (Friday), then the weekend
        ];
        Assert.Equal(expected, due);
    }
}
