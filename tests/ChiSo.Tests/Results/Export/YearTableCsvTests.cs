using System.Text;
using ChiSo.Results.Export;
using ChiSo.Text;

namespace ChiSo.Tests.Results.Export;

public sealed class YearTableCsvTests
{
    [Fact]
    public void Write_SampleTable_HeaderHasUnitTotalAndNodeColumns()
    {
        var records = Csv.Parse(YearTableCsv.Write(SampleYearTable.Build()));

        Assert.Equal(
            ["unit_code", "unit_name", "scored", "total", "total_rank", "total_group", "total_group_source",
             "1", "1_rank", "1_group", "1.1", "1.2", "2", "2_rank", "2_group"],
            records[0]);
    }

    [Fact]
    public void Write_ScoredRow_UsesDecimalPointAndComputedRanks()
    {
        var records = Csv.Parse(YearTableCsv.Write(SampleYearTable.Build()));
        var lamDong = records.Single(r => r[0] == "68");

        Assert.Equal(["68", "Lâm Đồng", "true", "15.255", "2", "3", "computed", "7.5", "2", "3", "4", "3.5", "7.755", "2", "3"], lamDong);
        Assert.Equal("01", records[1][0]); // rank 1 first
    }

    [Fact]
    public void Write_UnscoredUnit_IsLastWithEmptyScores()
    {
        var records = Csv.Parse(YearTableCsv.Write(SampleYearTable.Build()));
        var last = records[^1].Length == 1 ? records[^2] : records[^1];

        Assert.Equal("02", last[0]);
        Assert.Equal("false", last[2]);
        Assert.All(last.Skip(3), field => Assert.Equal("", field));
    }

    [Fact]
    public void WriteBytes_Always_StartsWithUtf8ByteOrderMark()
    {
        var bytes = YearTableCsv.WriteBytes(SampleYearTable.Build());

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("Lâm Đồng", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
