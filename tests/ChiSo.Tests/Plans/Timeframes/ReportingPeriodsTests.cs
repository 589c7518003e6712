using ChiSo.Plans.Timeframes;
using ChiSo.Reporting.Periods;

namespace ChiSo.Tests.Plans.Timeframes;

public sealed class ReportingPeriodsTests
{
    private static string Periods(string text, int from, int to) =>
        string.Join(" ", ReportingPeriods.For(TimeframeParser.Parse(text, from, to), from, to).Select(p => p.NameEn));

    [Theory]
    [InlineData("Thường xuyên")]
    [InlineData("Hằng quý")]
    [InlineData("Định kỳ 06 tháng")]
    public void OngoingAndPeriodic_AllFourEveryYear(string text) =>
        Assert.Equal(
            "Q1 2026 6 months 2026 9 months 2026 Year 2026 Q1 2027 6 months 2027 9 months 2027 Year 2027",
            Periods(text, 2026, 2027));

    [Theory]
    [InlineData("Quý II/2018", "6 months 2018 9 months 2018 Year 2018")]
    [InlineData("Quý I/2018", "Q1 2018 6 months 2018 9 months 2018 Year 2018")]
    [InlineData("Quý IV/2018", "Year 2018")]
    [InlineData("Quý III/2019", "9 months 2019 Year 2019")]
    [InlineData("Quý II–IV/2018", "6 months 2018 9 months 2018 Year 2018")]
    [InlineData("Tháng 12/2018", "Year 2018")]
    [InlineData("Tháng 5/2018", "6 months 2018 9 months 2018 Year 2018")]
    public void QuarterAndMonth_FromTheirFirstClose(string text, string expected) =>
        Assert.Equal(expected, Periods(text, 2018, 2020));

    [Theory]
    [InlineData("Trước ngày 30/6/2026", "6 months 2026 9 months 2026 Year 2026")]
    [InlineData("Trước ngày 15/5/2026", "6 months 2026 9 months 2026 Year 2026")]
    [InlineData("Trước ngày 31/3/2027", "Q1 2027 6 months 2027 9 months 2027 Year 2027")]
    [InlineData("Trước ngày 01/10/2026", "Year 2026")]
    public void ByDate_PeriodsEndingOnOrAfterDue(string text, string expected) =>
        Assert.Equal(expected, Periods(text, 2026, 2027));

    [Fact]
    public void YearRange_AllPeriodsOfThoseYears() =>
        Assert.Equal(
            "Q1 2027 6 months 2027 9 months 2027 Year 2027 Q1 2028 6 months 2028 9 months 2028 Year 2028",
            Periods("2027-2028", 2026, 2030));

    [Fact]
    public void YearRange_ClippedToPlan() =>
        Assert.Equal("Q1 2026 6 months 2026 9 months 2026 Year 2026", Periods("Giai đoạn 2021–2026", 2026, 2030));

    [Theory]
    [InlineData("Theo lộ trình")]
    [InlineData("Khi có yêu cầu")]
    [InlineData("Sau khi được phê duyệt")]
    [InlineData("")]
    [InlineData("không rõ")]
    public void Undated_YearReportOfEachPlanYear(string text) =>
        Assert.Equal("Year 2026 Year 2027 Year 2028", Periods(text, 2026, 2028));

    [Fact]
    public void OutsidePlan_NoPeriods() =>
        Assert.Empty(ReportingPeriods.For(TimeframeParser.Parse("Quý II/2031", 2026, 2030), 2026, 2030));

    [Fact]
    public void Period_EndAndVietnameseName()
    {
        var p = ReportingPeriod.NineMonths(2026);
        Assert.Equal(new DateOnly(2026, 9, 30), p.End);
        Assert.Equal("9 tháng/2026", p.NameVi);
    }
}
