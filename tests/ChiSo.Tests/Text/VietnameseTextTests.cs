using System.Text;
using ChiSo.Text;

namespace ChiSo.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Thanh Hóa", "Thanh Hoá")]
    [InlineData("Hòa Bình", "Hoà Bình")]
    [InlineData("Khánh Hòa", "KHÁNH HOÀ")]
    [InlineData("Đắk Nông", "dak nong")]
    [InlineData("Bà Rịa - Vũng Tàu", "Ba Ria-Vung Tau")]
    public void Fold_ToneMarkVariants_AreEqual(string a, string b) =>
        Assert.Equal(VietnameseText.Fold(a), VietnameseText.Fold(b));

    [Fact]
    public void Fold_DecomposedInput_EqualsComposed()
    {
        var nfd = "Thừa Thiên Huế".Normalize(NormalizationForm.FormD);
        Assert.Equal("thua thien hue", VietnameseText.Fold(nfd));
    }

    [Fact]
    public void Normalize_DecomposedAndSpaced_GivesNfcSingleSpaced()
    {
        var result = VietnameseText.Normalize("  Lâm   Đồng ".Normalize(NormalizationForm.FormD));
        Assert.Equal("Lâm Đồng", result);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Comparer_VietnameseNames_SortsInDictionaryOrder()
    {
        string[] names = ["Đà Nẵng", "Cần Thơ", "Bắc Giang", "An Giang", "Cao Bằng", "Bà Rịa", "Cà Mau", "Điện Biên", "Gia Lai"];
        var sorted = names.Order(VietnameseText.Comparer).ToArray();
        Assert.Equal(["An Giang", "Bà Rịa", "Bắc Giang", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Điện Biên", "Gia Lai"], sorted);
    }

    [Fact]
    public void ContainsFolded_QueryWithoutMarks_FindsMarkedText() =>
        Assert.True(VietnameseText.ContainsFolded("Sở Nông nghiệp và Môi trường", "nong nghiep"));
}
