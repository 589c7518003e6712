using System.Text;
using ChiSo.Plans.Timeframes;

namespace ChiSo.Tests.Plans.Timeframes;

public sealed class TimeframeParserTests
{
    private const int From = 2026;
    private const int To = 2030;

    private static Timeframe Parse(string text) => TimeframeParser.Parse(text, From, To);

    [Theory]
    [InlineData("Thường xuyên")]
    [InlineData("thuong xuyen")]
    [InlineData("THƯỜNG XUYÊN")]
    [InlineData("Liên tục")]
    [InlineData("Hằng ngày")]
    [InlineData("Hàng ngày")]
    [InlineData("Thường xuyên, liên tục")]
    public void Ongoing_CoversWholePlan(string text)
    {
        var t = Parse(text);
        Assert.Equal(TimeframeKind.Ongoing, t.Kind);
        Assert.Equal(new DateOnly(2026, 1, 1), t.From);
        Assert.Equal(new DateOnly(2030, 12, 31), t.To);
        Assert.Null(t.Due);
        Assert.Equal("Thường xuyên", t.DescribeVi());
        Assert.Equal("Ongoing", t.DescribeEn());
    }

    [Theory]
    [InlineData("Hằng tháng", Periodicity.Monthly)]
    [InlineData("hàng tháng", Periodicity.Monthly)]
    [InlineData("Định kỳ hàng tháng", Periodicity.Monthly)]
    [InlineData("Định kỳ hàng quý", Periodicity.Quarterly)]
    [InlineData("Hằng quý", Periodicity.Quarterly)]
    [InlineData("hang quy", Periodicity.Quarterly)]
    [InlineData("Định kỳ 06 tháng", Periodicity.HalfYear)]
    [InlineData("Định kỳ 6 tháng", Periodicity.HalfYear)]
    [InlineData("6 tháng một lần", Periodicity.HalfYear)]
    [InlineData("Hằng năm", Periodicity.Yearly)]
    [InlineData("Hàng năm", Periodicity.Yearly)]
    [InlineData("định kỳ hằng năm", Periodicity.Yearly)]
    [InlineData("Hằng tuần", Periodicity.Weekly)]
    public void Periodic_HasPeriodAndPlanWindow(string text, Periodicity period)
    {
        var t = Parse(text);
        Assert.Equal(TimeframeKind.Periodic, t.Kind);
        Assert.Equal(period, t.Period);
        Assert.Equal(new DateOnly(2026, 1, 1), t.From);
        Assert.Equal(new DateOnly(2030, 12, 31), t.To);
    }

    [Theory]
    [InlineData("Trước ngày 30/6/2026", "2026-06-30")]
    [InlineData("Trước 31/12/2026", "2026-12-31")]
    [InlineData("truoc ngay 30/06/2026", "2026-06-30")]
    [InlineData("Chậm nhất ngày 15/3/2027", "2027-03-15")]
    [InlineData("Trước ngày 30 tháng 6 năm 2026", "2026-06-30")]
    [InlineData("Hạn chót 01-10-2028", "2028-10-01")]
    [InlineData("Trước 15/12", "2026-12-15")]
    [InlineData("Ngày 20/11/2026", "2026-11-20")]
    public void ByDate_ReadsDueDate(string text, string due)
    {
        var t = Parse(text);
        Assert.Equal(TimeframeKind.ByDate, t.Kind);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), t.Due);
    }

    [Fact]
    public void ByDate_DescribesWithPaddedDate()
    {
        var t = Parse("Trước ngày 30/6/2026");
        Assert.Equal("Trước ngày 30/06/2026", t.DescribeVi());
        Assert.Equal("By 30 June 2026", t.DescribeEn());
    }

    [Fact]
    public void ByDate_ImpossibleDate_IsNotADate() =>
        Assert.NotEqual(TimeframeKind.ByDate, Parse("Trước ngày 31/02/2026").Kind);

    [Theory]
    [InlineData("Tháng 12", 2026, 12)]
    [InlineData("Tháng 12/2026", 2026, 12)]
    [InlineData("Trong tháng 3 năm 2027", 2027, 3)]
    [InlineData("trong thang 3 nam 2027", 2027, 3)]
    [InlineData("Tháng 02/2028", 2028, 2)]
    public void ByMonth_GivesWholeMonth(string text, int year, int month)
    {
        var t = Parse(text);
        Assert.Equal(TimeframeKind.ByMonth, t.Kind);
        Assert.Equal(new DateOnly(year, month, 1), t.From);
        Assert.Equal(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), t.To);
    }

    [Fact]
    public void ByMonth_Describes()
    {
        var t = Parse("tháng 2/2028");
        Assert.Equal("Tháng 2/2028", t.DescribeVi());
        Assert.Equal("February 2028", t.DescribeEn());
        Assert.Equal(new DateOnly(2028, 2, 29), t.To);
    }

    [Theory]
    [InlineData("Quý II/2018")]
    [InlineData("Quý II năm 2018")]
    [InlineData("Quý 2/2018")]
    [InlineData("quý 2/2018")]
    [InlineData("quy ii/2018")]
    [InlineData("Trong Quý II/2018")]
    public void ByQuarter_GivesQuarterWindow(string text)
    {
        var t = TimeframeParser.Parse(text, 2016, 2020);
        Assert.Equal(TimeframeKind.ByQuarter, t.Kind);
        Assert.Equal(new DateOnly(2018, 4, 1), t.From);
        Assert.Equal(new DateOnly(2018, 6, 30), t.To);
        Assert.Equal("Quý II/2018", t.DescribeVi());
        Assert.Equal("Q2 2018", t.DescribeEn());
    }

    [Theory]
    [InlineData("Quý I/2018", 1)]
    [InlineData("Quý III/2018", 3)]
    [InlineData("Quý IV/2018", 4)]
    [InlineData("Quý 4 năm 2018", 4)]
    public void ByQuarter_RomanAndArabicNumbers(string text, int quarter)
    {
        var t = TimeframeParser.Parse(text, 2016, 2020);
        Assert.Equal(TimeframeKind.ByQuarter, t.Kind);
        Assert.Equal(new DateOnly(2018, (3 * quarter) - 2, 1), t.From);
    }

    [Theory]
    [InlineData("Quý II-IV năm 2018", 2, 4)]
    [InlineData("Quý II–IV/2018", 2, 4)]
    [InlineData("Quý II—IV/2018", 2, 4)]
    [InlineData("Quý II - IV/2018", 2, 4)]
    [InlineData("Quý II, III năm 2018", 2, 3)]
    [InlineData("Quý 2-4/2018", 2, 4)]
    [InlineData("Từ quý II đến quý IV năm 2018", 2, 4)]
    [InlineData("quy ii iv 2018", 2, 4)]
    public void QuarterRange_GivesSpan(string text, int first, int last)
    {
        var t = TimeframeParser.Parse(text, 2016, 2020);
        Assert.Equal(TimeframeKind.QuarterRange, t.Kind);
        Assert.Equal(new DateOnly(2018, (3 * first) - 2, 1), t.From);
        Assert.Equal(new DateOnly(2018, 3 * last, 1).AddMonths(1).AddDays(-1), t.To);
    }

    [Theory]
    [InlineData("6 tháng đầu năm 2027", "2027-01-01", "2027-06-30", "Quý I–II/2027")]
    [InlineData("06 tháng cuối năm", "2026-07-01", "2026-12-31", "Quý III–IV/2026")]
    [InlineData("sau thang dau nam 2027", null, null, null)]
    public void HalfOfYear_IsTwoQuarters(string text, string? from, string? to, string? vi)
    {
        var t = Parse(text);
        if (from is null)
        {
            Assert.NotEqual(TimeframeKind.QuarterRange, t.Kind);
            return;
        }

        Assert.Equal(TimeframeKind.QuarterRange, t.Kind);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), t.From);
        Assert.Equal(DateOnly.Parse(to!, System.Globalization.CultureInfo.InvariantCulture), t.To);
        Assert.Equal(vi, t.DescribeVi());
    }

    [Fact]
    public void QuarterRange_WithoutYear_TakesPlanFirstYear()
    {
        var t = Parse("Quý III và IV");
        Assert.Equal(TimeframeKind.QuarterRange, t.Kind);
        Assert.Equal(new DateOnly(2026, 7, 1), t.From);
        Assert.Equal(new DateOnly(2026, 12, 31), t.To);
        Assert.Equal("Quý III–IV/2026", t.DescribeVi());
        Assert.Equal("Q3–Q4 2026", t.DescribeEn());
    }

    [Fact]
    public void QuarterRange_DescribesWithEnDash() =>
        Assert.Equal("Quý II–IV/2018", TimeframeParser.Parse("Quý II-IV năm 2018", 2018, 2020).DescribeVi());

    [Theory]
    [InlineData("Năm 2026", 2026, 2026, "Năm 2026")]
    [InlineData("nam 2027", 2027, 2027, "Năm 2027")]
    [InlineData("2025-2026", 2025, 2026, "2025–2026")]
    [InlineData("2025 – 2026", 2025, 2026, "2025–2026")]
    [InlineData("Giai đoạn 2021–2025", 2021, 2025, "2021–2025")]
    [InlineData("Giai đoạn 2021—2025", 2021, 2025, "2021–2025")]
    [InlineData("Trong năm 2028", 2028, 2028, "Năm 2028")]
    public void YearRange_GivesWholeYears(string text, int first, int last, string vi)
    {
        var t = Parse(text);
        Assert.Equal(TimeframeKind.YearRange, t.Kind);
        Assert.Equal(new DateOnly(first, 1, 1), t.From);
        Assert.Equal(new DateOnly(last, 12, 31), t.To);
        Assert.Equal(vi, t.DescribeVi());
    }

    [Theory]
    [InlineData("Trong vòng 30 ngày kể từ ngày Kế hoạch được ban hành", 30, RelativeEvent.PlanIssued)]
    [InlineData("trong vong 30 ngay ke tu ngay ke hoach duoc ban hanh", 30, RelativeEvent.PlanIssued)]
    [InlineData("Sau khi được phê duyệt", null, RelativeEvent.Approval)]
    [InlineData("15 ngày sau khi được phê duyệt", 15, RelativeEvent.Approval)]
    [InlineData("Trước và trong quá trình bầu cử", null, RelativeEvent.Election)]
    [InlineData("Khi có yêu cầu", null, RelativeEvent.OnRequest)]
    public void Relative_ReadsOffsetAndEvent(string text, int? days, RelativeEvent anchor)
    {
        var t = Parse(text);
        Assert.Equal(TimeframeKind.Relative, t.Kind);
        Assert.Equal(days, t.OffsetDays);
        Assert.Equal(anchor, t.Event);
        Assert.False(t.IsDated);
    }

    [Fact]
    public void Relative_DescribesInEnglish() =>
        Assert.Equal(
            "Within 30 days after the plan is issued",
            Parse("Trong vòng 30 ngày kể từ ngày Kế hoạch được ban hành").DescribeEn());

    [Theory]
    [InlineData("Theo kế hoạch của UBND tỉnh")]
    [InlineData("Theo quy định tại Nghị định số 90/2013/NĐ-CP")]
    [InlineData("Theo lộ trình")]
    [InlineData("theo lo trinh")]
    [InlineData("Theo hướng dẫn của Bộ Nội vụ")]
    public void PerOtherDocument_IsUndated(string text)
    {
        var t = Parse(text);
        Assert.Equal(TimeframeKind.PerOtherDocument, t.Kind);
        Assert.False(t.IsDated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Sớm nhất có thể")]
    [InlineData("Nghị định số 90")]
    public void Unknown_IsUnspecifiedAndKeepsText(string? text)
    {
        var t = Parse(text!);
        Assert.Equal(TimeframeKind.Unspecified, t.Kind);
        Assert.Equal((text ?? "").Trim(), t.Text);
        Assert.False(t.IsDated);
    }

    [Theory]
    [InlineData("Thường xuyên; báo cáo trước 15/12", TimeframeKind.Ongoing)]
    [InlineData("Báo cáo trước 15/12; thường xuyên", TimeframeKind.ByDate)]
    [InlineData("Hằng năm, trước ngày 15/12", TimeframeKind.Periodic)]
    [InlineData("Quý II/2026, báo cáo hằng quý", TimeframeKind.ByQuarter)]
    [InlineData("Theo Kế hoạch số 12/KH-UBND ngày 15/01/2026", TimeframeKind.PerOtherDocument)]
    [InlineData("Trong vòng 30 ngày kể từ ngày 01/3/2026", TimeframeKind.Relative)]
    public void Combined_FirstRecognisedWins(string text, TimeframeKind kind) =>
        Assert.Equal(kind, Parse(text).Kind);

    [Fact]
    public void Text_IsNfcAndKeptAsTyped()
    {
        var nfd = "Quý  II–IV/2018".Normalize(NormalizationForm.FormD);
        var t = TimeframeParser.Parse(nfd, 2018, 2020);
        Assert.Equal("Quý II–IV/2018", t.Text);
        Assert.True(t.Text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(TimeframeKind.QuarterRange, t.Kind);
    }

    [Fact]
    public void Parse_PlanYearsReversed_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeframeParser.Parse("Thường xuyên", 2030, 2026));
}
