using ChiSo.Common;

namespace ChiSo.Tests.Common;

public sealed class ProblemCollectorTests
{
    [Fact]
    public void ToList_MoreThanTheLimit_KeepsTheFirstAndSaysHowManyMore()
    {
        var collector = new ProblemCollector(limit: 3);
        for (var row = 2; row < 1_002; row++)
        {
            collector.Add(Problem.AtRow(row, "B", "Sai.", "Wrong."));
        }

        var list = collector.ToList();

        Assert.Equal(1_000, collector.Count);
        Assert.Equal(4, list.Count);
        Assert.Equal([2, 3, 4], list.Take(3).Select(p => p.Row!.Value));
        Assert.Equal(ProblemCodes.Truncated, list[3].Code);
        Assert.Contains("997 lỗi khác", list[3].MessageVi, StringComparison.Ordinal);
        Assert.Contains("997 more", list[3].MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ToList_WithinTheLimit_IsExactlyWhatWasAdded()
    {
        var collector = new ProblemCollector();
        collector.Add(Problem.Invalid("title", "Thiếu.", "Missing."));
        Assert.Equal(["title"], collector.ToList().Select(p => p.Field));
        Assert.False(collector.IsFull);
    }

    [Fact]
    public void ToString_SpellsTheLocationOut()
    {
        Assert.Equal("Dòng 12, cột D: Sai. / Row 12, column D: Wrong.", Problem.AtRow(12, "D", "Sai.", "Wrong.").ToString());
        Assert.Equal("Sai. / Wrong.", Problem.Invalid("x", "Sai.", "Wrong.").ToString());
    }
}
