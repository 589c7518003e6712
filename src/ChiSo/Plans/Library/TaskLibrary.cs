using ChiSo.Text;

namespace ChiSo.Plans.Library;

/// <summary>Reads the built-in task library (Data/task-library.csv).</summary>
public static class TaskLibrary
{
    internal const string ResourceName = "ChiSo.Plans.Library.task-library.csv";

    private static readonly string[] Header =
        ["family", "code", "content_vi", "content_en", "target_vi", "lead", "partners", "timeframe", "expected_output"];

    /// <summary>The library shipped inside the assembly.</summary>
    public static IReadOnlyList<LibraryTask> Load() => Parse(LibraryResources.Read(ResourceName));

    /// <summary>Parses library CSV; partners are separated by ";" inside their field.</summary>
    public static IReadOnlyList<LibraryTask> Parse(string csv)
    {
        var records = LibraryResources.Records(csv, Header);
        return [.. records.Select(r => new LibraryTask(
            r[0], r[1], r[2], r[3], r[4], r[5],
            r[6].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            r[7], r[8]))];
    }

    /// <summary>The tasks for one node, in library order.</summary>
    public static IReadOnlyList<LibraryTask> For(this IReadOnlyList<LibraryTask> library, string family, string code) =>
        [.. library.Where(t => string.Equals(t.Family, family, StringComparison.OrdinalIgnoreCase)
            && string.Equals(t.Code, code, StringComparison.Ordinal))];
}

/// <summary>Shared reading of the library's embedded CSV files.</summary>
internal static class LibraryResources
{
    public static string Read(string resourceName)
    {
        using var stream = typeof(LibraryResources).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"Missing embedded resource {resourceName}: ChiSo.csproj must embed Plans\\Library\\Data\\*.csv.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Data rows with trimmed fields; a wrong header or field count is a packaging bug, so it throws.</summary>
    public static IEnumerable<string[]> Records(string csv, string[] header)
    {
        var records = Csv.Parse(csv.TrimStart('\uFEFF'));
        if (records.Count == 0 || !records[0].Select(h => h.Trim()).SequenceEqual(header, StringComparer.Ordinal))
        {
            throw new FormatException("Unexpected header; expected: " + string.Join(',', header));
        }

        for (var i = 1; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                throw new FormatException(FormattableString.Invariant($"Record {i + 1} has {record.Length} fields, expected {header.Length}."));
            }

            yield return [.. record.Select(f => f.Trim())];
        }
    }
}
