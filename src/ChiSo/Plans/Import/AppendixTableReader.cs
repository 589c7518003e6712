namespace ChiSo.Plans.Import;

/// <summary>
/// Reads the appendix table of a plan from the file a province already has: Word (.docx), Excel (.xlsx,
/// .xls) or CSV. Never throws on a bad file: the table comes back empty with an error in its problems.
/// </summary>
public static class AppendixTableReader
{
    public static AppendixTable ReadDocx(byte[] bytes, AppendixReadOptions? options = null) =>
        Guard(() => DocxAppendixReader.Read(bytes, options ?? AppendixReadOptions.Default), "Word (.docx)");

    /// <summary>XLSX or XLS: the first worksheet.</summary>
    public static AppendixTable ReadXlsx(byte[] bytes, AppendixReadOptions? options = null) =>
        Guard(() => SpreadsheetAppendixReader.Read(bytes, options ?? AppendixReadOptions.Default), "Excel (.xlsx/.xls)");

    public static AppendixTable ReadCsv(byte[] bytes) =>
        Guard(() => CsvAppendixReader.Read(bytes), "CSV");

    private static AppendixTable Guard(Func<AppendixTable> read, string kind)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A corrupt or mislabelled upload is user input, not a bug: say so instead of failing the request.
            return AppendixTable.Failed(AppendixProblem.FileError(
                $"Không mở được tệp {kind} (tệp hỏng hoặc sai định dạng). Hãy mở lại bằng Word/Excel và lưu lại.",
                $"The {kind} file cannot be opened (corrupt or a different format). Open it in Word/Excel and save it again."));
        }
    }
}
