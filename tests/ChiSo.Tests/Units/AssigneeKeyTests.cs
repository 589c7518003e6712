using ChiSo.Units;

namespace ChiSo.Tests.Units;

public sealed class AssigneeKeyTests
{
    [Theory]
    [InlineData("unit:12", AssigneeKind.Unit)]
    [InlineData("group:3", AssigneeKind.Group)]
    [InlineData("builtin:all-communes", AssigneeKind.BuiltIn)]
    public void TryParse_WrittenKey_RoundTrips(string text, AssigneeKind kind)
    {
        Assert.True(AssigneeKey.TryParse(text, out var key));
        Assert.Equal(kind, key.Kind);
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Sở Nội vụ")]
    [InlineData("unit:abc")]
    [InlineData("unit:-1")]
    [InlineData("builtin:")]
    [InlineData("planet:4")]
    public void TryParse_NotAKey_IsFalse(string? text) => Assert.False(AssigneeKey.TryParse(text, out _));
}
