namespace ChiSo.EndToEndTests.Infrastructure;

/// <summary>The harness's own rules, checked without a browser.</summary>
public sealed class BrowserTestsTests
{
    [Fact]
    public void EnsureChromium_MissingBrowser_FailsSayingWhatToInstall()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}");

        var error = Assert.Throws<InvalidOperationException>(() => BrowserTests.EnsureChromium(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipReason_InCi_IsNeverSet()
    {
        if (ChiSo.Tests.Infrastructure.TestDatabases.IsCi)
        {
            Assert.Null(BrowserTests.SkipReason);
        }
        else
        {
            Assert.Equal(Environment.GetEnvironmentVariable(BrowserTests.SkipVariable) == "1", BrowserTests.SkipReason is not null);
        }
    }
}
