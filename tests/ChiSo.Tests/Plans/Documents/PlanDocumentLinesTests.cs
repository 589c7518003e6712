using ChiSo.Plans.Documents;

namespace ChiSo.Tests.Plans.Documents;

public sealed class PlanDocumentLinesTests
{
    [Fact]
    public void Recipients_DashBeforeSemicolonAfterFullStopLast()
    {
        var lines = PlanDocumentLines.RecipientLines(["Bộ Nội vụ;", "- Sở Nội vụ", "", "Lưu: VT."]);

        Assert.Equal(["- Bộ Nội vụ;", "- Sở Nội vụ;", "- Lưu: VT."], lines);
    }

    [Fact]
    public void DateText_IssuedDate_TwoDigitDayAndMonth()
    {
        var content = SamplePlan.Build() with { Date = new DateOnly(2026, 3, 5) };

        Assert.Equal("ngày 05 tháng 03 năm 2026", PlanDocumentLines.DateText(content));
    }

    [Fact]
    public void DateText_Draft_BlanksAndYear()
    {
        var content = SamplePlan.Build(draft: true) with { Year = 2027 };

        Assert.Equal("ngày      tháng      năm 2027", PlanDocumentLines.DateText(content));
        Assert.Equal("Số:      /KH-UBND", PlanDocumentLines.NumberLine(content));
    }
}
