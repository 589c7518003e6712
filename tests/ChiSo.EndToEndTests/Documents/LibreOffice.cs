using System.Diagnostics;
using ChiSo.Tests.Infrastructure;

namespace ChiSo.EndToEndTests.Documents;

/// <summary>
/// Converts files with LibreOffice, headless, the way an official's machine opens them. In CI (<c>CI=true</c>) a missing
/// LibreOffice fails the tests; elsewhere it fails them too unless <c>CHISO_SKIP_OFFICE_TESTS=1</c>, which reports them
/// as skipped with the reason, never as passed.
/// </summary>
public static class LibreOffice
{
    public const string Path = "/usr/bin/soffice";
    public const string SkipVariable = "CHISO_SKIP_OFFICE_TESTS";

    public static string? SkipReason =>
        !TestDatabases.IsCi && string.Equals(Environment.GetEnvironmentVariable(SkipVariable), "1", StringComparison.Ordinal)
            ? $"{SkipVariable}=1: LibreOffice rendering tests did NOT run on this machine (they always run in CI)."
            : null;

    /// <summary>
    /// Converts <paramref name="file"/> with a LibreOffice filter ("pdf", "txt:Text (encoded):UTF8"…) and returns the output's path:
    /// beside the file, or in <paramref name="outDirectory"/> (a workbook saved again as a workbook must not land on itself).
    /// </summary>
    /// <param name="outputName">The output's file name when LibreOffice names it otherwise (a CSV of one sheet is "file-Sheet.csv").</param>
    public static async Task<string> ConvertAsync(string file, string filter, string extension, string? outDirectory = null, string? outputName = null)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException(TestDatabases.IsCi
                ? $"CI=true: LibreOffice tests must run, but {Path} is missing. .ci/run installs it (libreoffice-writer-nogui, libreoffice-calc-nogui)."
                : $"These tests open generated documents in LibreOffice: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui, or set {SkipVariable}=1.");
        }

        var directory = outDirectory ?? System.IO.Path.GetDirectoryName(file)!;
        // A private profile per conversion: parallel tests must not share LibreOffice's lock file.
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chiso-lo-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Path)
        {
            ArgumentList = { "--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", filter, "--outdir", directory, file },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var output = System.IO.Path.Combine(directory, outputName ?? System.IO.Path.GetFileNameWithoutExtension(file) + extension);
        if (!File.Exists(output))
        {
            throw new InvalidOperationException($"LibreOffice did not convert {file} ({process.ExitCode}): {await stderr}");
        }

        Directory.Delete(profile, recursive: true);
        return output;
    }
}

/// <summary>A test that needs LibreOffice; see <see cref="LibreOffice"/>.</summary>
public sealed class OfficeFactAttribute : FactAttribute
{
    public OfficeFactAttribute()
    {
        if (LibreOffice.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
