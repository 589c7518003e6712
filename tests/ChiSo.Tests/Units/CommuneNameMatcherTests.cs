using ChiSo.Text;
using ChiSo.Units;

namespace ChiSo.Tests.Units;

/// <summary>Every one of the 3,321 communes is found among its province's communes by each spelling a results file uses.</summary>
public sealed class CommuneNameMatcherTests
{
    private static readonly DateOnly In2025 = ReorganisationDates.FirstDayOf34Provinces;

    [Fact]
    public void Match_EveryCommuneByCodeAndCommonSpellings_FindsItInItsProvince()
    {
        var id = 0;
        var total = 0;
        foreach (var province in ProvinceReference.ToUnits().Where(u => u.IsValidOn(In2025)))
        {
            var communes = ProvinceReference.CommunesOf(province.Code, after2025: true)
                .Select(c => new Unit { Id = ++id, Code = c.Code, Kind = UnitKind.Commune, Name = ProvinceReference.StripUnitType(c.FullName), FullName = c.FullName, NameEn = c.NameEn, ValidFrom = In2025 })
                .ToList();
            var matcher = new UnitNameMatcher(communes);
            foreach (var commune in communes)
            {
                var type = commune.FullName[..^commune.Name.Length].Trim(); // "Xã", "Phường", "Đặc khu"
                var abbreviated = type switch { "Xã" => "X. ", "Phường" => "P. ", _ => "" } + commune.Name;
                var english = commune.NameEn + (type == "Phường" ? " Ward" : " Commune");
                // Spellings with marks name one commune; a name written without any (below) may mean either twin.
                foreach (var text in new[] { commune.Code, commune.Code.TrimStart('0'), commune.FullName, commune.Name, abbreviated }
                    .Where(t => t == commune.Code || t == commune.Code.TrimStart('0') || VietnameseText.HasMarks(t)))
                {
                    var match = matcher.Match(text, In2025);
                    Assert.True(match.Unit?.Id == commune.Id, $"'{text}' in {province.Name}: {(match.IsAmbiguous ? "ambiguous" : match.IsFound ? match.Unit!.FullName : "not found")}");
                }

                // Without tone marks "Văn Lang" and "Văn Lăng" (Thái Nguyên) are one spelling: both offered, neither guessed.
                var twins = communes.Where(c => VietnameseText.Fold(c.Name) == VietnameseText.Fold(commune.Name)).Select(c => c.Id).Order().ToList();
                foreach (var text in new[] { VietnameseText.Fold(commune.FullName), english, commune.Name }.Where(t => !VietnameseText.HasMarks(t)))
                {
                    var match = matcher.Match(text, In2025);
                    Assert.True(twins.Count == 1 ? match.Unit?.Id == commune.Id : match.IsAmbiguous && match.Candidates.Select(c => c.Id).Order().SequenceEqual(twins),
                        $"'{text}' in {province.Name}: {(match.IsAmbiguous ? "ambiguous" : match.IsFound ? match.Unit!.FullName : "not found")}");
                }

                total++;
            }
        }

        Assert.Equal(3321, total);
    }

    [Fact]
    public void Match_NameOfTwoCommunes_AmbiguousNeverGuessed()
    {
        // Before 2025 Lâm Đồng had a Phường 1 in Đà Lạt and another in Bảo Lộc.
        var communes = ProvinceReference.CommunesOf("68", after2025: false)
            .Select((c, i) => new Unit { Id = i + 1, Code = c.Code, Kind = UnitKind.Commune, Name = c.Name, FullName = c.FullName, ValidTo = ReorganisationDates.LastDayOf63Provinces })
            .ToList();
        var match = new UnitNameMatcher(communes).Match("phuong 1", new DateOnly(2019, 12, 31));

        Assert.True(match.IsAmbiguous);
        Assert.Equal(["24784", "24823"], match.Candidates.Select(c => c.Code).Order());
    }
}
