using ChiSo.Common;

namespace ChiSo.Intake;

/// <summary>An uploaded file as the import received it.</summary>
public sealed record IntakeFile(byte[] Bytes, string? FileName = null, string? ContentType = null)
{
    public static IntakeFile FromText(string text, string fileName = "upload.csv") => new(System.Text.Encoding.UTF8.GetBytes(text), fileName, "text/csv");

    public static async Task<IntakeFile> FromStreamAsync(Stream content, string? fileName, string? contentType, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return new IntakeFile(buffer.ToArray(), fileName, contentType);
    }
}

/// <summary>
/// The one reader of uploaded tables (CSV, XLSX, XLS, DOCX) that every import uses: one decoding rule, one delimiter
/// rule, merged cells expanded once, row numbers as the user sees them, and every bound of <see cref="IntakeLimits"/>
/// checked before and while parsing. A file it cannot read, or one past a bound, gives null and its problem in the
/// collector — never an exception — and the caller saves nothing.
/// </summary>
public static class IntakeReader
{
    /// <summary>
    /// The tables of the file: one for CSV and workbooks (the first sheet), every top-level table for Word.
    /// </summary>
    public static IReadOnlyList<IntakeTable>? ReadTables(IntakeFile file, IntakeFormats accepted, IntakeLimits limits, ProblemCollector problems) =>
        Read(file, accepted, limits, problems, everySheet: false);

    /// <summary>
    /// Every worksheet of a workbook (XLSX or XLS), hidden ones included, each with its <see cref="IntakeTable.Name"/>;
    /// the bounds hold over the whole workbook. Anything but a workbook is refused.
    /// </summary>
    public static IReadOnlyList<IntakeTable>? ReadSheets(IntakeFile file, IntakeLimits limits, ProblemCollector problems) =>
        Read(file, IntakeFormats.Spreadsheets, limits, problems, everySheet: true);

    private static IReadOnlyList<IntakeTable>? Read(IntakeFile file, IntakeFormats accepted, IntakeLimits limits, ProblemCollector problems, bool everySheet)
    {
        if (file.Bytes.LongLength > limits.MaxFileBytes)
        {
            problems.Add(IntakeProblems.FileTooLarge(limits.MaxFileBytes));
            return null;
        }

        if (file.Bytes.Length == 0)
        {
            problems.Add(IntakeProblems.Empty());
            return null;
        }

        var format = IntakeFormat.Detect(file.Bytes, file.FileName, file.ContentType);
        if (!accepted.HasFlag(format))
        {
            problems.Add(IntakeProblems.NotAccepted(accepted));
            return null;
        }

        var bounds = new TableBounds(limits, problems);
        try
        {
            if (IntakeFormat.IsZip(file.Bytes) && !PackageGuard.Check(file.Bytes, limits, problems))
            {
                return null;
            }

            return format switch
            {
                IntakeFormats.Csv => CsvTableReader.Read(file.Bytes, bounds, problems) is { } csv ? [csv] : null,
                IntakeFormats.Docx => DocxTableReader.Read(file.Bytes, bounds, problems),
                _ when everySheet => SpreadsheetTableReader.ReadAll(file.Bytes, bounds),
                _ => SpreadsheetTableReader.Read(file.Bytes, bounds) is { } sheet ? [sheet] : null,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A corrupt or mislabelled upload is user input, not a bug: say so instead of failing the request.
            if (!bounds.Exceeded)
            {
                problems.Add(IntakeProblems.Unreadable(format));
            }

            return null;
        }
    }

    /// <summary>The file's one table (the first Word table when a Word file is accepted).</summary>
    public static IntakeTable? ReadTable(IntakeFile file, IntakeFormats accepted, IntakeLimits limits, ProblemCollector problems)
    {
        var tables = ReadTables(file, accepted, limits, problems);
        if (tables is null)
        {
            return null;
        }

        return tables.Count > 0 ? tables[0] : new IntakeTable([]);
    }
}
