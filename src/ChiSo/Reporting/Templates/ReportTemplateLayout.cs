namespace ChiSo.Reporting.Templates;

/// <summary>One column of the template's table: its header as the unit sees it, its width, and whether the unit fills it.</summary>
/// <param name="Field">The report field it feeds (as <c>ReportService</c> names its problems), or null for a read-only column.</param>
public sealed record TemplateColumn(string Header, string HeaderEn, double Width, string? Field);

/// <summary>
/// The shape of a unit's report template, shared by the writer and the reader so the two cannot drift apart: the
/// visible sheet "Báo cáo" (a header block, then the table: read-only columns about the obligation, then the columns
/// the unit fills — the report form's fields), and the hidden sheet "ChiSo" that says whose template it is (plan,
/// period, unit, when it was made) and which revision of each report it was made from. The reader finds the table by
/// its headers, not by position, so a unit that inserts a line in the header block or moves a column still imports.
/// </summary>
public static class ReportTemplateLayout
{
    public const string SheetName = "Báo cáo";

    public const string IdentitySheetName = "ChiSo";

    /// <summary>What the identification sheet's first cell says: a ChiSo unit-report template, version <see cref="Version"/>.</summary>
    public const string Kind = "chiso-unit-report-template";

    public const string Version = "1";

    /// <summary>Keys of the identification sheet, one per row: key in column A, value in column B.</summary>
    public const string PlanKey = "plan";
    public const string PeriodKey = "period";
    public const string UnitKey = "unit";
    public const string GeneratedKey = "generated";
    public const string VersionKey = "version";

    /// <summary>Header of the identification sheet's table of report revisions (task code → revision the template was made from).</summary>
    public const string RevisionsKey = "task";

    /// <summary>Row (1-based) of the table's header in a generated template; the reader looks for it wherever it is.</summary>
    public const int HeaderRow = 8;

    public static TemplateColumn TaskCode { get; } = new("Mã nhiệm vụ", "Task code", 10, null);
    public static TemplateColumn TaskContent { get; } = new("Nội dung nhiệm vụ", "Task", 48, null);
    public static TemplateColumn Role { get; } = new("Vai trò", "Role", 11, null);
    public static TemplateColumn DueDate { get; } = new("Hạn báo cáo", "Report due", 14, null);
    public static TemplateColumn State { get; } = new("Trạng thái báo cáo", "Report state", 16, null);
    public static TemplateColumn CompletedOn { get; } = new("Ngày hoàn thành", "Completed on", 14, "completedOn");
    public static TemplateColumn AchievedValue { get; } = new("Giá trị đạt được", "Value achieved", 12, "achievedValue");
    public static TemplateColumn Result { get; } = new("Kết quả thực hiện", "Result", 45, "result");
    public static TemplateColumn Evidence { get; } = new("Văn bản, minh chứng", "Evidence", 32, "evidence");
    public static TemplateColumn Difficulties { get; } = new("Khó khăn, vướng mắc", "Difficulties", 32, "difficulties");
    public static TemplateColumn Proposals { get; } = new("Đề xuất, kiến nghị", "Proposals", 32, "proposals");

    /// <summary>Every column, left to right, as a generated template has them.</summary>
    public static IReadOnlyList<TemplateColumn> Columns { get; } =
        [TaskCode, TaskContent, Role, DueDate, State, CompletedOn, AchievedValue, Result, Evidence, Difficulties, Proposals];

    /// <summary>The columns the unit fills, in the report form's order of fields.</summary>
    public static IReadOnlyList<TemplateColumn> Filled { get; } = [.. Columns.Where(c => c.Field is not null)];

    /// <summary>The column a report field's problem belongs to; null for a problem about no field of the table.</summary>
    public static TemplateColumn? ForField(string? field) => Filled.FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.Ordinal));
}
