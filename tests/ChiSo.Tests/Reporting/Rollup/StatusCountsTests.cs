using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;

namespace ChiSo.Tests.Reporting.Rollup;

public sealed class StatusCountsTests
{
    [Theory]
    [InlineData(new[] { 1, 1, 1 }, new[] { "33.34", "33.33", "33.33" })]
    [InlineData(new[] { 57, 14 }, new[] { "80.28", "19.72" })]
    [InlineData(new[] { 2, 1, 0, 0 }, new[] { "66.67", "33.33", "0", "0" })]
    [InlineData(new[] { 1, 6 }, new[] { "14.29", "85.71" })]
    [InlineData(new[] { 0, 0 }, new[] { "0", "0" })]
    public void Shares_RoundedToTwoDecimals_AddUpToExactlyOneHundred(int[] counts, string[] expected)
    {
        var shares = SharesThatAddUp.Of(counts);

        Assert.Equal(expected.Select(e => decimal.Parse(e, System.Globalization.CultureInfo.InvariantCulture)), shares);
        if (counts.Sum() > 0)
        {
            Assert.Equal(100m, shares.Sum());
        }
    }

    [Fact]
    public void Shares_ManyAwkwardCounts_AlwaysAddUp_AndNoShareMovesMoreThanOneHundredth()
    {
        var random = new Random(20261201);
        for (var run = 0; run < 500; run++)
        {
            var counts = Enumerable.Range(0, random.Next(2, 8)).Select(_ => random.Next(0, 1000)).ToArray();
            var total = counts.Sum();
            var shares = SharesThatAddUp.Of(counts);
            Assert.Equal(total == 0 ? 0m : 100m, shares.Sum());
            for (var i = 0; i < counts.Length && total > 0; i++)
            {
                var exact = counts[i] * 100m / total;
                Assert.InRange(shares[i] - exact, -0.01m, 0.01m);
            }
        }
    }

    [Fact]
    public void Counts_InTheGovernmentOfficesForm_OngoingApart_DecimalComma()
    {
        var counts = StatusCounts.Of([
            ReportTaskStatus.DoneOnTime, ReportTaskStatus.DoneOnTime, ReportTaskStatus.DoneLate, ReportTaskStatus.NotDoneWithin,
            ReportTaskStatus.NotDoneOverdue, ReportTaskStatus.NotDoneOverdue, ReportTaskStatus.Ongoing,
        ]);

        Assert.Equal((6, 3, 2, 1, 3, 1, 2, 1), (counts.Total, counts.Done, counts.DoneOnTime, counts.DoneLate, counts.NotDone, counts.NotDoneWithin, counts.NotDoneOverdue, counts.Ongoing));
        // 2/6, 1/6, 1/6, 2/6: 33,33 + 16,67 + 16,67 + 33,33 — the hundredths left go to the largest remainders.
        Assert.Equal([33.33m, 16.67m, 16.67m, 33.33m], counts.Shares);
        Assert.Equal("6 nhiệm vụ đến hạn, đã hoàn thành 3 (50,00%; đúng hạn 2 (33,33%), quá hạn 1 (16,67%)); chưa hoàn thành 3 (50,00%; trong hạn 1 (16,67%), "
            + "quá hạn 2 (33,33%)); 1 nhiệm vụ thường xuyên đang thực hiện", counts.SentenceVi());
        Assert.Equal("0 nhiệm vụ đến hạn, đã hoàn thành 0 (0,00%; đúng hạn 0 (0,00%), quá hạn 0 (0,00%)); chưa hoàn thành 0 (0,00%; trong hạn 0 (0,00%), quá hạn 0 (0,00%))",
            StatusCounts.Of([]).SentenceVi());
    }
}
