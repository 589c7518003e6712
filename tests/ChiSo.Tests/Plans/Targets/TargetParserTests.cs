using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Common;
using ChiSo.Plans.Targets;

namespace ChiSo.Tests.Plans.Targets;

public sealed class TargetParserTests
{
    public static TheoryData<string, TargetComparator, decimal, string, TargetBasis, string> Cases => new()
    {
        { "100% xã công khai danh sách hộ nghèo", TargetComparator.AtLeast, 100m, "%", TargetBasis.ShareOfMembers, "xã công khai danh sách hộ nghèo" },
        { "≥ 30% số xã được kiểm tra", TargetComparator.AtLeast, 30m, "%", TargetBasis.ShareOfMembers, "số xã được kiểm tra" },
        { "≥30% số xã được kiểm tra", TargetComparator.AtLeast, 30m, "%", TargetBasis.ShareOfMembers, "số xã được kiểm tra" },
        { ">= 30 % số xã", TargetComparator.AtLeast, 30m, "%", TargetBasis.ShareOfMembers, "số xã" },
        { "Ít nhất 30% số xã", TargetComparator.AtLeast, 30m, "%", TargetBasis.ShareOfMembers, "số xã" },
        { "it nhat 30% so xa", TargetComparator.AtLeast, 30m, "%", TargetBasis.ShareOfMembers, "so xa" },
        { "Tối thiểu 25 xã", TargetComparator.AtLeast, 25m, "xã", TargetBasis.CountOfMembers, "xã" },
        { "Tối thiểu 25 xã, phường được kiểm tra", TargetComparator.AtLeast, 25m, "xã", TargetBasis.CountOfMembers, "xã, phường được kiểm tra" },
        { "Không quá 5%", TargetComparator.AtMost, 5m, "%", TargetBasis.None, "" },
        { "Tỷ lệ hồ sơ trễ hạn không quá 5%", TargetComparator.AtMost, 5m, "%", TargetBasis.None, "Tỷ lệ hồ sơ trễ hạn" },
        { "≤ 2% hồ sơ quá hạn", TargetComparator.AtMost, 2m, "%", TargetBasis.None, "hồ sơ quá hạn" },
        { "Tối đa 10 ngày", TargetComparator.AtMost, 10m, "ngày", TargetBasis.None, "" },
        { "Không dưới 80% người dân hài lòng", TargetComparator.AtLeast, 80m, "%", TargetBasis.None, "người dân hài lòng" },
        { "Đạt trên 90%", TargetComparator.AtLeast, 90m, "%", TargetBasis.None, "" },
        { "Mức độ hài lòng đạt trên 90%", TargetComparator.AtLeast, 90m, "%", TargetBasis.None, "Mức độ hài lòng" },
        { "95,5%", TargetComparator.AtLeast, 95.5m, "%", TargetBasis.None, "" },
        { "Đạt 95,5% hồ sơ đúng hạn", TargetComparator.AtLeast, 95.5m, "%", TargetBasis.None, "hồ sơ đúng hạn" },
        { "Điểm PAPI tăng 2 điểm", TargetComparator.AtLeast, 2m, "điểm", TargetBasis.None, "Điểm PAPI tăng" },
        { "100% UBND cấp xã niêm yết công khai", TargetComparator.AtLeast, 100m, "%", TargetBasis.ShareOfMembers, "UBND cấp xã niêm yết công khai" },
        { "100% sở, ngành có kế hoạch", TargetComparator.AtLeast, 100m, "%", TargetBasis.ShareOfMembers, "sở, ngành có kế hoạch" },
        { "Tỷ lệ hộ nghèo giảm xuống còn 3%", TargetComparator.AtMost, 3m, "%", TargetBasis.None, "Tỷ lệ hộ nghèo" },
        { "Năm 2026 đạt 100% xã", TargetComparator.AtLeast, 100m, "%", TargetBasis.ShareOfMembers, "Năm 2026 xã" },
        { "Bằng 100% kế hoạch", TargetComparator.Equal, 100m, "%", TargetBasis.None, "kế hoạch" },
        { "Tổ chức 1.200 lượt người tham gia", TargetComparator.AtLeast, 1200m, "lượt người", TargetBasis.None, "Tổ chức tham gia" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryParse_SuggestsMeasurableForm(string text, TargetComparator comparator, decimal value, string unit, TargetBasis basis, string metric)
    {
        Assert.True(TargetParser.TryParse(text, out var target));
        Assert.NotNull(target);
        Assert.Equal(comparator, target.Comparator);
        Assert.Equal(value, target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.Equal(basis, target.Basis);
        Assert.Equal(metric, target.Metric);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Nâng cao chất lượng phục vụ người dân")]
    [InlineData("Hoàn thành trước ngày 30/6/2026")]
    [InlineData("Theo Nghị định số 90/2013/NĐ-CP")]
    [InlineData("Trong năm 2026")]
    public void TryParse_NoTargetNumber_ReturnsFalse(string? text)
    {
        Assert.False(TargetParser.TryParse(text, out var target));
        Assert.Null(target);
    }

    [Fact]
    public void DescribeVi_UsesDecimalComma()
    {
        Assert.True(TargetParser.TryParse("Không quá 5,5%", out var target));
        Assert.Equal("≤ 5,5%", target!.DescribeVi());
    }
}
