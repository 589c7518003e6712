using ChiSo.Tests.Infrastructure;

namespace ChiSo.EndToEndTests.Infrastructure;

/// <summary>
/// Whether browser tests run here. They always run in CI (<c>CI=true</c>), where a missing Chromium fails them.
/// Elsewhere a missing Chromium fails them too, unless the developer opts out with
/// <c>CHISO_SKIP_BROWSER_TESTS=1</c>: then they are reported as skipped, with the reason, never as passed.
/// </summary>
public static class BrowserTests
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string SkipVariable = "CHISO_SKIP_BROWSER_TESTS";

    public static bool OptedOut =>
        !TestDatabases.IsCi && string.Equals(Environment.GetEnvironmentVariable(SkipVariable), "1", StringComparison.Ordinal);

    /// <summary>The reason shown for skipped browser tests, or null when they run.</summary>
    public static string? SkipReason => OptedOut
        ? $"{SkipVariable}=1: browser tests did NOT run on this machine (they always run in CI)."
        : null;

    /// <summary>Throws, with what to do, when Chromium is not installed.</summary>
    public static void EnsureChromium(string path = ChromiumPath)
    {
        if (File.Exists(path))
        {
            return;
        }

        throw new InvalidOperationException(TestDatabases.IsCi
            ? $"CI=true: browser tests must run, but Debian's Chromium is missing at {path}. .ci/run installs it (apt-get install -y chromium)."
            : $"Browser tests need Debian's Chromium at {path}: apt-get install chromium. "
              + $"To skip them on this machine instead, set {SkipVariable}=1 (they are then reported as skipped; CI ignores it).");
    }
}

/// <summary>A browser test: skipped (with the reason) only when the developer opted out, see <see cref="BrowserTests"/>.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserTests.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A browser theory: skipped (with the reason) only when the developer opted out, see <see cref="BrowserTests"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserTests.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
