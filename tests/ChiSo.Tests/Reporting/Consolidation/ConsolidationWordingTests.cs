using ChiSo.Plans;
using ChiSo.Reporting.Consolidation;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Rollup;

namespace ChiSo.Tests.Reporting.Consolidation;

/// <summary>How the consolidation's documents word periods, counts and targets.</summary>
public sealed class ConsolidationWordingTests
{
    [Fact]
    public void PeriodWords_EachKind_AsASentenceNamesIt()
    {
        Assert.Equal("quý I năm 2026", PeriodWords.Vi(ReportingPeriod.Quarter(2026, 1)));
        Assert.Equal("quý IV năm 2026", PeriodWords.Vi(ReportingPeriod.Quarter(2026, 4)));
        Assert.Equal("6 tháng đầu năm 2026", PeriodWords.Vi(ReportingPeriod.SixMonths(2026)));
        Assert.Equal("9 tháng năm 2026", PeriodWords.Vi(ReportingPeriod.NineMonths(2026)));
        Assert.Equal("năm 2026", PeriodWords.Vi(ReportingPeriod.WholeYear(2026)));
        Assert.Equal("tháng 3 năm 2026", PeriodWords.Vi(ReportingPeriod.Month(2026, 3)));
    }

    [Fact]
    public void CountsSentence_NothingDue_SaysSoInsteadOfARowOfZeros()
    {
        Assert.Equal("chưa có nhiệm vụ đến hạn; 4 nhiệm vụ thường xuyên đang thực hiện", NarrativeDrafter.CountsSentence(new StatusCounts(0, 0, 0, 0, 4)));
        Assert.Equal("chưa có nhiệm vụ đến hạn", NarrativeDrafter.CountsSentence(new StatusCounts(0, 0, 0, 0, 0)));
        Assert.Equal("có 1 nhiệm vụ đến hạn, đã hoàn thành 1 (100,00%; đúng hạn 1 (100,00%), quá hạn 0 (0,00%)); chưa hoàn thành 0 (0,00%; trong hạn 0 (0,00%), quá hạn 0 (0,00%))",
            NarrativeDrafter.CountsSentence(new StatusCounts(1, 0, 0, 0, 0)));
    }

    [Fact]
    public void TargetVi_ShareCountAndValue_MetOrNotWithTheCount_DecimalComma()
    {
        Assert.Equal("Đạt: 22/71 đơn vị (30,99%), yêu cầu 22 (30%)",
            TaskResults.TargetVi(new TargetResult(TargetBasis.ShareOfMembers, TargetComparator.AtLeast, 30m, 30.99m, true, 22, 71, 22, null)));
        Assert.Equal("Chưa đạt: 5/71 đơn vị (7,04%), yêu cầu 22 (30%); chậm so với tiến độ (cần 7,5)",
            TaskResults.TargetVi(new TargetResult(TargetBasis.ShareOfMembers, TargetComparator.AtLeast, 30m, 7.04m, false, 5, 71, 22, 7.5m)));
        Assert.Equal("Chưa đạt: 10/71 đơn vị, yêu cầu 25",
            TaskResults.TargetVi(new TargetResult(TargetBasis.CountOfMembers, TargetComparator.AtLeast, 25m, 10m, false, 10, 71, null, null)));
        Assert.Equal("Đạt: 95,5 / yêu cầu 90", TaskResults.TargetVi(new TargetResult(TargetBasis.None, TargetComparator.AtLeast, 90m, 95.5m, true, null, null, null, null)));
        Assert.Equal("Chưa có số liệu", TaskResults.TargetVi(new TargetResult(TargetBasis.None, TargetComparator.AtLeast, 90m, null, null, null, null, null, null)));
        Assert.Equal("", TaskResults.TargetVi(null));
    }
}
