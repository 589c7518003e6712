using System.Text;
using ChiSo.Plans.Documents;

namespace ChiSo.Tests.Plans.Documents;

public sealed class VietnameseTypographyTests
{
    [Theory]
    [InlineData("phương châm \"Dân biết, dân bàn\" ở cơ sở", "phương châm “Dân biết, dân bàn” ở cơ sở")]
    [InlineData("\"Dân vận khéo\"", "“Dân vận khéo”")]
    [InlineData("(\"Một cửa\")", "(“Một cửa”)")]
    [InlineData("chương trình \"Xã hội số\", \"Chính quyền số\".", "chương trình “Xã hội số”, “Chính quyền số”.")]
    [InlineData("mô hình \"Dân hỏi...\"", "mô hình “Dân hỏi…”")]
    public void Clean_StraightDoubleQuotes_BecomeCurlyPairs(string input, string expected) =>
        Assert.Equal(expected, VietnameseTypography.Clean(input));

    [Theory]
    [InlineData("đồng bào H'Mông")]
    [InlineData("huyện Đắk R'Lấp cũ")]
    public void Clean_ApostropheInWord_LeftAlone(string input) =>
        Assert.Equal(input, VietnameseTypography.Clean(input));

    [Fact]
    public void Clean_ThreeDots_BecomeEllipsis() =>
        Assert.Equal("các sở, ngành…", VietnameseTypography.Clean("các sở, ngành..."));

    [Fact]
    public void Clean_UnbalancedQuote_StillNoStraightQuote() =>
        Assert.DoesNotContain('"', VietnameseTypography.Clean("a\"b \" c\"\"d\""));

    [Fact]
    public void Clean_Decomposed_GivesComposed()
    {
        var nfd = "Thừa Thiên Huế, Đắk Lắk".Normalize(NormalizationForm.FormD);

        var result = VietnameseTypography.Clean(nfd);

        Assert.True(result.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Thừa Thiên Huế, Đắk Lắk", result);
    }

    [Fact]
    public void Clean_KeepsInnerBlanksAndTrimsLines() =>
        Assert.Equal("Số:      /KH-UBND\nhai", VietnameseTypography.Clean("  Số:      /KH-UBND \r\n hai "));

    [Fact]
    public void Lines_SplitsAtLineBreaks() =>
        Assert.Equal(["Báo cáo quý", "Báo cáo năm"], VietnameseTypography.Lines("Báo cáo quý\r\nBáo cáo năm"));

    [Fact]
    public void Clean_Null_Empty() => Assert.Equal("", VietnameseTypography.Clean(null));
}
