using System.Globalization;
using ChiSo.Common;

namespace ChiSo.Reporting.Attachments;

/// <summary>
/// Why an attachment is refused, in Vietnamese and English, always on the field <c>file</c>. A bound names its setting
/// (<c>Reporting:Attachments:MaxBytes</c>) so an operator knows what to raise.
/// </summary>
public static class AttachmentProblems
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private const string Accepted = "PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG";
    private const string AcceptedEn = "PDF, Word (.docx), Excel (.xlsx) or a JPEG or PNG image";

    /// <summary>"20 MB", "1,5 MB", "512 KB".</summary>
    public static string Size(long bytes, CultureInfo culture) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024.0)).ToString("0.#", culture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(culture) + " KB";

    public static Problem Required() => Problem.Required("file", "Chọn tệp để đính kèm.", "Choose a file to attach.");

    public static Problem TooLarge(long limit) => Problem.File(
        $"Tệp lớn hơn {Size(limit, Vi)} (giới hạn {AttachmentOptions.Section}:MaxBytes); không có gì được lưu. Hãy giảm dung lượng (quét lại ở độ phân giải thấp hơn) hoặc chia nhỏ tệp.",
        $"The file is larger than {Size(limit, CultureInfo.InvariantCulture)} (limit {AttachmentOptions.Section}:MaxBytes); nothing was saved. Make it smaller (scan at a lower resolution) or split it.",
        ProblemCodes.TooLarge);

    public static Problem TooMany(int limit) => Problem.File(
        $"Báo cáo đã có {limit} tệp đính kèm (tối đa, {AttachmentOptions.Section}:MaxPerReport); hãy gỡ bớt tệp trước khi thêm.",
        $"The report already has {limit} attachments (the most, {AttachmentOptions.Section}:MaxPerReport); remove one before adding another.",
        ProblemCodes.TooLarge);

    public static Problem TotalTooLarge(long limit) => Problem.File(
        $"Các tệp đính kèm của báo cáo sẽ vượt {Size(limit, Vi)} (giới hạn {AttachmentOptions.Section}:MaxTotalBytesPerReport); hãy gỡ bớt hoặc giảm dung lượng tệp.",
        $"The report's attachments would exceed {Size(limit, CultureInfo.InvariantCulture)} (limit {AttachmentOptions.Section}:MaxTotalBytesPerReport); remove some or make the file smaller.",
        ProblemCodes.TooLarge);

    public static Problem Empty() => Problem.File("Tệp trống.", "The file is empty.");

    public static Problem NotAccepted() => Problem.File(
        $"Nội dung tệp không phải {Accepted} nên không đính kèm được (ChiSo xét nội dung tệp, không xét tên hay đuôi tệp).",
        $"The file's content is not a {AcceptedEn}, so it cannot be attached (ChiSo checks the content, not the name or extension).");

    public static Problem Mismatch(string extension, AttachmentKind kind)
    {
        var (vi, en) = AttachmentKinds.Describe(kind);
        return Problem.File(
            $"Tên tệp có đuôi \"{extension}\" nhưng nội dung là {vi}: tệp bị đổi tên hoặc chọn nhầm. Hãy chọn đúng tệp, hoặc đổi đuôi thành \"{AttachmentKinds.Extension(kind)}\".",
            $"The file is named \"{extension}\" but its content is a {en}: it was renamed or the wrong file was chosen. Choose the right file, or rename it to \"{AttachmentKinds.Extension(kind)}\".");
    }

    public static Problem Damaged(AttachmentKind kind)
    {
        var (vi, en) = AttachmentKinds.Describe(kind);
        return Problem.File(
            $"Tệp {vi} bị hỏng hoặc không trọn vẹn (có thể tải lên bị ngắt giữa chừng). Hãy mở lại tệp, lưu lại rồi tải lên.",
            $"The {en} file is damaged or incomplete (perhaps cut off while uploading). Open it, save it again and upload it.");
    }

    public static Problem DamagedPackage() => Problem.File(
        "Tệp nén (Word .docx, Excel .xlsx) bị hỏng hoặc không trọn vẹn nên không mở được. Hãy mở lại bằng Word/Excel, lưu lại rồi tải lên.",
        "The package (Word .docx, Excel .xlsx) is damaged or incomplete and cannot be opened. Open it in Word/Excel, save it again and upload it.");

    public static Problem Macros() => Problem.File(
        "Tệp Office có macro (.docm, .xlsm) không được đính kèm; hãy lưu thành .docx hoặc .xlsx.",
        "Office files with macros (.docm, .xlsm) cannot be attached; save it as .docx or .xlsx.");
}
