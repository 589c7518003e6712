using System.Runtime.CompilerServices;

namespace ChiSo.Tests.Plans.Library;

/// <summary>
/// Reads the library CSVs from the source tree: ChiSo.csproj does not embed Plans/Library/Data yet, so
/// TaskLibrary.Load() cannot be used until it does. The files tested are the files that will ship.
/// </summary>
internal static class LibraryFiles
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(DataFolder(), name), System.Text.Encoding.UTF8);

    private static string DataFolder([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "..", "src", "ChiSo", "Plans", "Library", "Data"));
}
