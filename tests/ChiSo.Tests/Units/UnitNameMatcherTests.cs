using System.Text;
using ChiSo.Units;

namespace ChiSo.Tests.Units;

public sealed class UnitNameMatcherTests
{
    private static readonly DateOnly In2019 = new(2019, 12, 31);
    private static readonly DateOnly In2025 = ReorganisationDates.FirstDayOf34Provinces;
    private static readonly IReadOnlyList<Unit> Provinces = ProvinceReference.ToUnits();
    private static readonly UnitNameMatcher Matcher = new(Provinces);

    [Fact]
    public void Match_Every63ProvinceByFullShortAndAsciiName_FindsIt()
    {
        foreach (var unit in Provinces.Where(u => u.IsValidOn(In2019)))
        {
            foreach (var text in new[] { unit.FullName, unit.Name, ChiSo.Text.VietnameseText.Fold(unit.Name), unit.Code })
            {
                var match = Matcher.Match(text, In2019);
                Assert.True(match.IsFound, $"'{text}' did not match");
                Assert.Equal(unit.Id, match.Unit!.Id);
            }
        }
    }

    [Fact]
    public void Match_Every34ProvinceByNameEnglishAndCode_FindsIt()
    {
        foreach (var unit in Provinces.Where(u => u.IsValidOn(In2025)))
        {
            foreach (var text in new[] { unit.FullName, unit.Name, unit.NameEn!, unit.Code })
            {
                Assert.Equal(unit.Id, Matcher.Match(text, In2025).Unit?.Id);
            }
        }
    }

    [Theory]
    [InlineData("TP. Hồ Chí Minh", "79")]
    [InlineData("HCMC", "79")]
    [InlineData("Thua Thien-Hue", "46")]
    [InlineData("Thừa Thiên Huế", "46")]
    [InlineData("Bà Rịa - Vũng Tàu", "77")]
    [InlineData("Ba Ria-Vung Tau", "77")]
    [InlineData("Tỉnh Thanh Hoá", "38")]
    [InlineData("Thanh Hóa", "38")]
    [InlineData("Hoà Bình", "17")]
    [InlineData("tinh hoa binh", "17")]
    [InlineData("Đắk Nông", "67")]
    [InlineData("DAK NONG", "67")]
    [InlineData("Hanoi", "01")]
    [InlineData("1", "01")]
    [InlineData("Can Tho City", "92")]
    public void Match_SpellingsIn2019_FindsTheProvince(string text, string code) =>
        Assert.Equal(code, Matcher.Match(text, In2019).Unit?.Code);

    [Fact]
    public void Match_MergedProvinceAfter2025_IsNotFound()
    {
        Assert.False(Matcher.Match("Đắk Nông", In2025).IsFound);
        var lamDong = Matcher.Match("Lâm Đồng", In2025);
        Assert.Equal(In2025, lamDong.Unit!.ValidFrom);
    }

    [Fact]
    public void Match_DecomposedInput_FindsTheProvince() =>
        Assert.Equal("68", Matcher.Match("Tỉnh Lâm Đồng".Normalize(NormalizationForm.FormD), In2019).Unit?.Code);

    [Fact]
    public void Match_TwoUnitsWithTheSameName_IsAmbiguous()
    {
        var communes = new[]
        {
            new Unit { Id = 1, Code = "00001", Kind = UnitKind.Commune, Name = "Tân Lập", FullName = "Xã Tân Lập" },
            new Unit { Id = 2, Code = "00002", Kind = UnitKind.Commune, Name = "Tân Lập", FullName = "Phường Tân Lập" },
            new Unit { Id = 3, Code = "00003", Kind = UnitKind.Commune, Name = "Tà Nung", FullName = "Xã Tà Nung" },
        };
        var matcher = new UnitNameMatcher(communes);
        var match = matcher.Match("Tan Lap", In2025);
        Assert.True(match.IsAmbiguous);
        Assert.Equal(2, match.Candidates.Count);
        Assert.Equal(3, matcher.Match("xã Tà Nung", In2025).Unit?.Id);
    }

    [Fact]
    public void Match_CommunesDifferingOnlyByMarks_ResolveByExactSpellingOnly()
    {
        // Quảng Ngãi (2025) has both "Xã Sơn Hà" and "Xã Sơn Hạ": folding alone cannot tell them apart.
        var communes = ProvinceReference.CommunesOf("51", after2025: true)
            .Select((c, i) => new Unit { Id = i + 1, Code = c.Code, Kind = UnitKind.Commune, Name = c.Name, FullName = c.FullName })
            .ToList();
        var matcher = new UnitNameMatcher(communes);
        var ha = communes.Single(c => c.FullName == "Xã Sơn Hà");
        var ha2 = communes.Single(c => c.FullName == "Xã Sơn Hạ");

        Assert.Equal(ha.Id, matcher.Match("Sơn Hà", In2025).Unit?.Id);
        Assert.Equal(ha2.Id, matcher.Match("xã Sơn Hạ", In2025).Unit?.Id);
        Assert.Equal(ha2.Id, matcher.Match("Sơn Hạ".Normalize(NormalizationForm.FormD), In2025).Unit?.Id);
        Assert.True(matcher.Match("Son Ha", In2025).IsAmbiguous);
    }

    [Fact]
    public void Match_Nonsense_IsNotFound() =>
        Assert.False(Matcher.Match("Atlantis", In2019).IsFound);

    [Fact]
    public void MatchAnyEra_OldName_FindsHistoricProvince()
    {
        Assert.Equal("67", Matcher.MatchAnyEra("Đắk Nông").Unit?.Code);
        Assert.Null(Matcher.MatchAnyEra("Lâm Đồng").Unit?.ValidTo);
    }
}
