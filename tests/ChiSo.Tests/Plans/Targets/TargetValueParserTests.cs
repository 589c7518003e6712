using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Plans.Library;
using ChiSo.Common;
using ChiSo.Plans.Targets;

namespace ChiSo.Tests.Plans.Targets;

public sealed class TargetValueParserTests
{
    [Theory]
    [InlineData("30", "30")]
    [InlineData("30,5", "30.5")]
    [InlineData("30.5", "30.5")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1.234", "1234")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("1,234.5", "1234.5")]
    [InlineData(" 30 % ", "30")]
    [InlineData("30%", "30")]
    [InlineData("0", "0")]
    [InlineData("-2,5", "-2.5")]
    [InlineData("+3", "3")]
    [InlineData("100", "100")]
    public void TryParse_Accepts(string input, string expected)
    {
        Assert.True(TargetValueParser.TryParse(input, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Null(TargetValueParser.Validate(input));
    }

    [Theory]
    [InlineData("ba mươi")]
    [InlineData("30a")]
    [InlineData("a30")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("%")]
    [InlineData("30,")]
    [InlineData(",5")]
    [InlineData("30,5,5")]
    [InlineData("1.23,5")]
    [InlineData("٣٠")]
    [InlineData("30 xã")]
    public void TryParse_Rejects(string? input)
    {
        Assert.False(TargetValueParser.TryParse(input, out _));
        Assert.Equal("Giá trị chỉ tiêu phải là số / Target value must be a number", TargetValueParser.Validate(input));
    }
}
