using ChiSo.Common;
using ChiSo.Reporting.Periods;

namespace ChiSo.Reporting.Templates;

/// <summary>
/// Why a returned template is refused, in Vietnamese and English. A file that is not this unit's template for this
/// period is refused as a whole (field <c>file</c>) before any of its rows is looked at; a row's problem names its row
/// and the column by its header, as the unit sees it in Excel.
/// </summary>
internal static class TemplateProblems
{
    private const string Again = "Hãy tải mẫu của đơn vị cho kỳ này từ ChiSo, điền vào mẫu đó rồi tải lên.";
    private const string AgainEn = "Download the unit's template for this period from ChiSo, fill it in and upload that.";

    public static Problem NotATemplate() => Problem.File(
        $"Tệp không phải mẫu báo cáo do ChiSo tạo (không có trang ẩn \"{ReportTemplateLayout.IdentitySheetName}\" ghi kế hoạch, kỳ và đơn vị). {Again}",
        $"The file is not a report template made by ChiSo (it lacks the hidden sheet \"{ReportTemplateLayout.IdentitySheetName}\" naming the plan, period and unit). {AgainEn}");

    public static Problem NewerVersion(string version) => Problem.File(
        $"Mẫu có phiên bản \"{version}\" mà ChiSo này không đọc được. {Again}", $"The template is of version \"{version}\", which this ChiSo cannot read. {AgainEn}");

    public static Problem OtherPlan(string? planInFile, string planLabel) => Problem.File(
        $"Tệp là mẫu của một kế hoạch khác (mã {planInFile ?? "?"}), không phải Kế hoạch {planLabel}. {Again}",
        $"The file is the template of another plan (id {planInFile ?? "?"}), not plan {planLabel}. {AgainEn}");

    public static Problem OtherPeriod(string? periodInFile, ReportingPeriod period) => Problem.File(
        $"Tệp là mẫu của kỳ {Name(periodInFile, vi: true)}, không phải kỳ {period.NameVi}. {Again}",
        $"The file is the template of {Name(periodInFile, vi: false)}, not of {period.NameEn}. {AgainEn}");

    public static Problem OtherUnit(string? unitInFile, string unitName, string unitCode) => Problem.File(
        $"Tệp là mẫu của đơn vị có mã \"{unitInFile ?? "?"}\", không phải {unitName} (mã {unitCode}). Mỗi đơn vị nhập mẫu của chính mình. {Again}",
        $"The file is the template of the unit coded \"{unitInFile ?? "?"}\", not of {unitName} ({unitCode}). Each unit imports its own template. {AgainEn}");

    public static Problem NoTable() => Problem.File(
        $"Không thấy bảng báo cáo trong tệp (dòng tiêu đề có cột \"{ReportTemplateLayout.TaskCode.Header}\"). {Again}",
        $"The file has no report table (a header row with the column \"{ReportTemplateLayout.TaskCode.Header}\"). {AgainEn}");

    public static Problem MissingColumn(int headerRow, TemplateColumn column) => Problem.AtRow(headerRow, column.Header,
        "Thiếu cột này của mẫu ở dòng tiêu đề; đừng xóa hay đổi tên cột.", "This column of the template is missing from the header row; do not delete or rename columns.",
        ProblemCodes.Required);

    public static Problem NoTaskCode(int row) => Problem.AtRow(row, ReportTemplateLayout.TaskCode.Header,
        "Dòng có nội dung báo cáo nhưng thiếu mã nhiệm vụ.", "The row has report content but no task code.", ProblemCodes.Required);

    public static Problem UnknownTask(int row, string code, ReportingPeriod period) => Problem.AtRow(row, ReportTemplateLayout.TaskCode.Header,
        $"Đơn vị không có nhiệm vụ \"{code}\" phải báo cáo trong kỳ {period.NameVi}.", $"The unit owes no report on task \"{code}\" for {period.NameEn}.", ProblemCodes.Unmatched);

    public static Problem SameTask(int row, string code, int firstRow) => Problem.AtRow(row, ReportTemplateLayout.TaskCode.Header,
        $"Nhiệm vụ \"{code}\" đã có ở dòng {firstRow}; mỗi nhiệm vụ một dòng.", $"Task \"{code}\" is already on row {firstRow}; one row per task.", ProblemCodes.Duplicate);

    public static Problem NotADate(int row, string text) => Problem.AtRow(row, ReportTemplateLayout.CompletedOn.Header,
        $"\"{text}\" không phải ngày; ghi dd/mm/yyyy, ví dụ 15/03/2026.", $"\"{text}\" is not a date; write dd/mm/yyyy, e.g. 15/03/2026.");

    public static Problem NotANumber(int row, string text) => Problem.AtRow(row, ReportTemplateLayout.AchievedValue.Header,
        $"\"{text}\" không phải là số; dùng dấu phẩy thập phân, ví dụ 12,5.", $"\"{text}\" is not a number; use a decimal comma, e.g. 12,5.");

    /// <summary>The report moved on (submitted, accepted…) since the template was made, or was made before it: the row would overwrite it.</summary>
    public static Problem NotEditable(Problem refusal, int? row) => refusal with
    {
        Row = row, Field = null, Column = ReportTemplateLayout.State.Header,
        MessageVi = refusal.MessageVi + " Tệp không ghi đè báo cáo này: xóa nội dung các cột nền trắng của dòng (hoặc tải mẫu mới) rồi tải lên lại.",
        MessageEn = refusal.MessageEn + " The file does not overwrite it: clear the row's white columns (or download a new template) and upload again.",
    };

    public static Problem ChangedSince(Problem conflict, int? row) => conflict with
    {
        Row = row, Field = null, Column = ReportTemplateLayout.TaskCode.Header,
        MessageVi = "Báo cáo này đã được sửa trên ChiSo sau khi tải mẫu; tệp không ghi đè bản mới hơn. Hãy tải mẫu mới (có nội dung mới nhất) rồi điền lại dòng này.",
        MessageEn = "This report was changed in ChiSo after the template was downloaded; the file does not overwrite the newer version. Download a new template and fill this row in again.",
    };

    private static string Name(string? id, bool vi) =>
        ReportingPeriod.TryParse(id, out var period) ? (vi ? period.NameVi : period.NameEn) : $"\"{id ?? "?"}\"";
}
