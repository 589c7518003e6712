using ChiSo.Plans.Timeframes;

namespace ChiSo.Tests.Plans.Timeframes;

public sealed class PlanPeriodTests
{
    [Theory]
    [InlineData("Trước ngày 30/6/2026", false)]
    [InlineData("Trước ngày 31/12/2030", false)]
    [InlineData("Trước ngày 01/01/2031", true)]
    [InlineData("Trước ngày 31/12/2025", true)]
    [InlineData("Quý IV/2030", false)]
    [InlineData("Quý I/2031", true)]
    [InlineData("Tháng 12/2025", true)]
    [InlineData("Giai đoạn 2026–2030", false)]
    [InlineData("Giai đoạn 2021–2026", true)]
    [InlineData("2030-2031", true)]
    [InlineData("Thường xuyên", false)]
    [InlineData("Hằng quý", false)]
    [InlineData("Theo lộ trình", false)]
    [InlineData("Khi có yêu cầu", false)]
    [InlineData("", false)]
    public void IsOutsidePlanPeriod(string text, bool outside)
    {
        var t = TimeframeParser.Parse(text, 2026, 2030);
        Assert.Equal(outside, t.IsOutsidePlanPeriod(2026, 2030));
        Assert.Equal(!outside, t.IsWithin(2026, 2030));
    }

    [Fact]
    public void OutsideMessage_IsBilingual() =>
        Assert.Equal("Thời gian ngoài kỳ kế hoạch / Timeframe outside the plan period", TimeframeMessages.OutsidePlanPeriod);
}
