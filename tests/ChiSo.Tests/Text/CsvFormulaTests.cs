using System.Globalization;
using ChiSo.Text;

namespace ChiSo.Tests.Text;

/// <summary>Exports never hand a spreadsheet a formula typed into ChiSo, and read back what they wrote.</summary>
public sealed class CsvFormulaTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+84 thử", "'+84 thử")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tchèn", "'\tchèn")]
    [InlineData("-0,5", "-0,5")]
    [InlineData("-12.25", "-12.25")]
    [InlineData("+3", "+3")]
    [InlineData("Sở Nội vụ", "Sở Nội vụ")]
    [InlineData("", "")]
    public void Defuse_FormulaLookingText_GetsAnApostrophe_NumbersStay(string cell, string written) =>
        Assert.Equal(written, Csv.Defuse(cell));

    [Fact]
    public void WriteThenParse_FormulaText_RoundTripsUnchanged()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(writer, ["=1+1", "-0,5", "@x", "bình thường"]);
        Assert.StartsWith("'=1+1,-0,5", writer.ToString().Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var back = Csv.Parse(writer.ToString()).Single();

        Assert.Equal(["=1+1", "-0,5", "@x", "bình thường"], back);
    }
}
