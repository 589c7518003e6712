using ChiSo.Plans.Import;

namespace ChiSo.Tests.Plans.Import;

public sealed class UnitListSplitterTests
{
    [Fact]
    public void Split_CommaList_GivesEachUnit() =>
        Assert.Equal(["Sở Tư pháp", "UBND cấp huyện", "UBND cấp xã"], UnitListSplitter.Split("Sở Tư pháp, UBND cấp huyện, UBND cấp xã"));

    [Fact]
    public void Split_KeepsCollectivePhrasesWhole() =>
        Assert.Equal(["Các sở, ban, ngành", "UBND các xã, phường, thị trấn", "Sở Nội vụ"],
            UnitListSplitter.Split("Các sở, ban, ngành; UBND các xã, phường, thị trấn, Sở Nội vụ"));

    [Fact]
    public void Split_DashLines_StripsBulletsAndTrailingPunctuation() =>
        Assert.Equal(["Sở Nội vụ", "Văn phòng UBND tỉnh"], UnitListSplitter.Split("- Sở Nội vụ;\n- Văn phòng UBND tỉnh."));

    [Fact]
    public void Split_NeverInsideParentheses() =>
        Assert.Equal(["Sở Thông tin và Truyền thông (Trung tâm dữ liệu, Cổng thông tin)", "Công an tỉnh"],
            UnitListSplitter.Split("Sở Thông tin và Truyền thông (Trung tâm dữ liệu, Cổng thông tin), Công an tỉnh"));

    [Fact]
    public void Split_DecomposedInput_ComesBackNfc()
    {
        var names = UnitListSplitter.Split("Sở Tài chính".Normalize(System.Text.NormalizationForm.FormD));
        Assert.Equal("Sở Tài chính".Normalize(System.Text.NormalizationForm.FormC), Assert.Single(names));
    }

    [Fact]
    public void Split_Empty_GivesNothing() => Assert.Empty(UnitListSplitter.Split("  \n "));
}
