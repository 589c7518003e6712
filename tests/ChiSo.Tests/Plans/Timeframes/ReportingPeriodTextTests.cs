using ChiSo.Plans.Timeframes;

namespace ChiSo.Tests.Plans.Timeframes;

public sealed class ReportingPeriodTextTests
{
    [Theory]
    [InlineData("2026-Q1,2026-6M,2026-9M,2026-Y", "Quý I/2026, 6 tháng, 9 tháng, cả năm", "Q1 2026, 6 months, 9 months, full year")]
    [InlineData("2026-Q1,2026-H1,2026-9M,2026-Y", "Quý I/2026, 6 tháng, 9 tháng, cả năm", "Q1 2026, 6 months, 9 months, full year")]
    [InlineData("2026-Q3,2026-9M", "Quý III/2026, 9 tháng", "Q3 2026, 9 months")]
    [InlineData("2026-H1,2026-Y", "6 tháng năm 2026, cả năm", "6 months 2026, full year")]
    [InlineData("2026-Y", "Cả năm 2026", "Full year 2026")]
    [InlineData("2026-Y,2027-Q1,2027-Y", "Cả năm 2026; Quý I/2027, cả năm", "Full year 2026; Q1 2027, full year")]
    [InlineData("2026-9M,nonsense,2026-Q1", "Quý I/2026, 9 tháng", "Q1 2026, 9 months")]
    public void FromCodes_StoredCodes_ReadAsOfficialsWriteThem(string codes, string vi, string en)
    {
        var list = codes.Split(',');
        Assert.Equal(vi, ReportingPeriodText.FromCodes(list, english: false));
        Assert.Equal(en, ReportingPeriodText.FromCodes(list, english: true));
    }
}
