namespace ChiSo.Intake;

/// <summary>The kinds of table file ChiSo reads; an import says which it accepts.</summary>
[Flags]
public enum IntakeFormats
{
    None = 0,
    Csv = 1,
    /// <summary>Excel 2007+ (.xlsx): a zip package.</summary>
    Xlsx = 2,
    /// <summary>Excel 97–2003 (.xls): an OLE compound file, not a zip.</summary>
    Xls = 4,
    /// <summary>Word (.docx): a zip package; its top-level tables.</summary>
    Docx = 8,
    Spreadsheets = Xlsx | Xls,
    All = Csv | Xlsx | Xls | Docx,
}

/// <summary>
/// Which kind an upload is. The bytes decide first (a zip holding word/document.xml is Word, any other zip is a
/// workbook, the OLE signature is .xls); the name and content type decide for what has no signature, and anything
/// else is read as CSV text.
/// </summary>
public static class IntakeFormat
{
    public static IntakeFormats Detect(byte[] bytes, string? fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (IsZip(bytes))
        {
            return extension == ".docx" || PackageGuard.HasEntry(bytes, "word/document.xml") ? IntakeFormats.Docx : IntakeFormats.Xlsx;
        }

        if (bytes.Length >= 4 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
        {
            return IntakeFormats.Xls;
        }

        var spreadsheetType = contentType?.Contains("spreadsheet", StringComparison.OrdinalIgnoreCase) == true
            || contentType?.Contains("excel", StringComparison.OrdinalIgnoreCase) == true;
        return extension switch
        {
            ".xlsx" => IntakeFormats.Xlsx,
            ".xls" => IntakeFormats.Xls,
            ".docx" => IntakeFormats.Docx,
            _ when spreadsheetType => IntakeFormats.Xlsx,
            _ => IntakeFormats.Csv,
        };
    }

    public static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;

    /// <summary>"CSV, Excel (.xlsx, .xls)" — what an import accepts, for its messages.</summary>
    public static (string Vi, string En) Describe(IntakeFormats formats)
    {
        var vi = new List<string>();
        var en = new List<string>();
        if (formats.HasFlag(IntakeFormats.Csv))
        {
            vi.Add("CSV");
            en.Add("CSV");
        }

        if ((formats & IntakeFormats.Spreadsheets) != 0)
        {
            vi.Add("Excel (.xlsx, .xls)");
            en.Add("Excel (.xlsx, .xls)");
        }

        if (formats.HasFlag(IntakeFormats.Docx))
        {
            vi.Add("Word (.docx)");
            en.Add("Word (.docx)");
        }

        return (string.Join(", ", vi), string.Join(", ", en));
    }
}
