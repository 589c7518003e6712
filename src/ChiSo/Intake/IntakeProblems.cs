using System.Globalization;
using ChiSo.Common;

namespace ChiSo.Intake;

/// <summary>
/// The problems of reading an upload, in Vietnamese and English. A bound that was hit names its setting
/// (<c>Uploads:MaxRows</c>) so an operator knows what to raise, and the row/column where it was hit.
/// </summary>
internal static class IntakeProblems
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static string N(long value, CultureInfo culture) => value.ToString("N0", culture);

    private static string Mb(long bytes, CultureInfo culture) => (bytes / (1024.0 * 1024.0)).ToString("0.#", culture);

    public static Problem FileTooLarge(long limit) => Problem.File(
        $"Tệp lớn hơn {Mb(limit, Vi)} MB (giới hạn Uploads:MaxFileBytes).",
        $"The file is larger than {Mb(limit, CultureInfo.InvariantCulture)} MB (limit Uploads:MaxFileBytes).", ProblemCodes.TooLarge);

    public static Problem TooManyEntries(int limit) => Problem.File(
        $"Tệp nén có hơn {N(limit, Vi)} phần (giới hạn Uploads:MaxZipEntries); tệp hỏng hoặc không phải tệp Office.",
        $"The package has more than {N(limit, CultureInfo.InvariantCulture)} parts (limit Uploads:MaxZipEntries); it is damaged or not an Office file.",
        ProblemCodes.TooLarge);

    public static Problem EntryTooLarge(string entry, long limit) => Problem.File(
        $"Phần '{entry}' của tệp khi giải nén lớn hơn {Mb(limit, Vi)} MB (giới hạn Uploads:MaxInflatedEntryBytes). Tệp bị hỏng hoặc quá lớn; hãy chia nhỏ hoặc lưu lại bằng Excel/Word.",
        $"Part '{entry}' of the file inflates to more than {Mb(limit, CultureInfo.InvariantCulture)} MB (limit Uploads:MaxInflatedEntryBytes). The file is damaged or too large; split it or save it again in Excel/Word.",
        ProblemCodes.TooLarge);

    public static Problem DeclaredSizeWrong(string entry) => Problem.File(
        $"Phần '{entry}' của tệp giải nén ra khác với kích thước tệp khai báo: tệp bị hỏng hoặc bị làm sai có chủ ý. Hãy lưu lại tệp bằng Excel/Word.",
        $"Part '{entry}' of the file inflates to other than the size the file declares: it is damaged or was tampered with. Save it again in Excel/Word.");

    public static Problem PackageTooLarge(long limit) => Problem.File(
        $"Tệp khi giải nén lớn hơn {Mb(limit, Vi)} MB (giới hạn Uploads:MaxInflatedBytes). Tệp bị hỏng hoặc quá lớn; hãy chia nhỏ.",
        $"The file inflates to more than {Mb(limit, CultureInfo.InvariantCulture)} MB (limit Uploads:MaxInflatedBytes). It is damaged or too large; split it.",
        ProblemCodes.TooLarge);

    public static Problem TooManyRows(int row, int limit) => Problem.AtRow(row, null,
        $"Tệp có hơn {N(limit, Vi)} dòng (giới hạn Uploads:MaxRows); hãy chia thành nhiều tệp.",
        $"The file has more than {N(limit, CultureInfo.InvariantCulture)} rows (limit Uploads:MaxRows); split it into several files.", ProblemCodes.TooLarge);

    public static Problem TooManyColumns(int row, int limit) => Problem.AtRow(row, ColumnLetter(limit),
        $"Dòng có hơn {N(limit, Vi)} cột (giới hạn Uploads:MaxColumns).",
        $"The row has more than {N(limit, CultureInfo.InvariantCulture)} columns (limit Uploads:MaxColumns).", ProblemCodes.TooLarge);

    public static Problem TooManyCells(int row, int limit) => Problem.AtRow(row, null,
        $"Tệp có hơn {N(limit, Vi)} ô (giới hạn Uploads:MaxCells); hãy chia thành nhiều tệp.",
        $"The file has more than {N(limit, CultureInfo.InvariantCulture)} cells (limit Uploads:MaxCells); split it into several files.", ProblemCodes.TooLarge);

    public static Problem CellTooLong(int row, int column, int limit) => Problem.AtRow(row, ColumnLetter(column),
        $"Ô dài hơn {N(limit, Vi)} ký tự (giới hạn Uploads:MaxCellLength).",
        $"The cell is longer than {N(limit, CultureInfo.InvariantCulture)} characters (limit Uploads:MaxCellLength).", ProblemCodes.TooLarge);

    public static Problem Empty() => Problem.File("Tệp trống.", "The file is empty.");

    public static Problem NotUtf8() => Problem.File(
        "Tệp không phải mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi. Hãy lưu lại dưới dạng \"CSV UTF-8\" rồi tải lên lại.",
        "The file is not UTF-8, so Vietnamese letters would be garbled. Save it as \"CSV UTF-8\" and upload it again.");

    public static Problem Unreadable(IntakeFormats format) => format switch
    {
        IntakeFormats.Docx => Problem.File(
            "Không mở được tệp Word (.docx) (tệp hỏng hoặc sai định dạng). Hãy mở lại bằng Word/LibreOffice và lưu lại.",
            "The Word (.docx) file cannot be opened (corrupt or a different format). Open it in Word/LibreOffice and save it again."),
        _ => Problem.File(
            "Không mở được tệp Excel (tệp hỏng hoặc không phải .xlsx/.xls). Hãy mở lại bằng Excel/LibreOffice và lưu dưới dạng .xlsx.",
            "The Excel file cannot be opened (corrupt or not .xlsx/.xls). Open it in Excel/LibreOffice and save it as .xlsx."),
    };

    public static Problem NotAccepted(IntakeFormats accepted)
    {
        var (vi, en) = IntakeFormat.Describe(accepted);
        return Problem.File($"Loại tệp này không nhập được ở đây; hãy dùng {vi}.", $"This kind of file cannot be imported here; use {en}.");
    }

    /// <summary>"A", "B" … "Z", "AA" for a 0-based column index.</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
