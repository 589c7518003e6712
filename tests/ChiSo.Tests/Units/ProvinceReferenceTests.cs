using ChiSo.Units;

namespace ChiSo.Tests.Units;

public sealed class ProvinceReferenceTests
{
    private static readonly DateOnly Before = new(2019, 12, 31);
    private static readonly DateOnly After = ReorganisationDates.FirstDayOf34Provinces;

    [Fact]
    public void Provinces_EachEra_Has63And34()
    {
        var units = ProvinceReference.ToUnits();
        Assert.Equal(63, units.Count(u => u.IsValidOn(Before)));
        Assert.Equal(34, units.Count(u => u.IsValidOn(After)));
    }

    [Fact]
    public void Provinces_NewLamDong_HasThreePredecessors()
    {
        var lamDong = ProvinceReference.Provinces.Single(p => p.Code == "68" && p.ValidFrom == After);
        Assert.Equal(["60", "67", "68"], lamDong.PredecessorCodes);
        var oldLamDong = ProvinceReference.Provinces.Single(p => p.Code == "68" && p.ValidTo == ReorganisationDates.LastDayOf63Provinces);
        Assert.Equal("Tỉnh Lâm Đồng", oldLamDong.FullName);
    }

    [Fact]
    public void Provinces_CaoBang_IsOneRecordAcrossEras()
    {
        var caoBang = Assert.Single(ProvinceReference.Provinces, p => p.Code == "04");
        Assert.Null(caoBang.ValidFrom);
        Assert.Null(caoBang.ValidTo);
        Assert.Empty(caoBang.PredecessorCodes);
    }

    [Fact]
    public void CommunesOf_NewLamDong_ListsItsWards()
    {
        var communes = ProvinceReference.CommunesOf("68", after2025: true);
        Assert.Equal(124, communes.Count);
        Assert.All(communes, c => Assert.False(string.IsNullOrWhiteSpace(c.FullName)));
        var old = ProvinceReference.CommunesOf("67", after2025: false);
        Assert.NotEmpty(old);
        Assert.All(old, c => Assert.NotNull(c.DistrictName));
    }
}
