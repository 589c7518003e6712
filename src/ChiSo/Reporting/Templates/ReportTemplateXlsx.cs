using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans;
using ChiSo.Plans.Documents;
using ChiSo.Reporting.Reports;
using ChiSo.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using XText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ChiSo.Reporting.Templates;

/// <summary>
/// A unit's report template for one period as a workbook (<see cref="ReportTemplateLayout"/>): the sheet "Báo cáo" with
/// a header block naming the plan, the period and its data window, the unit and what to do, then one row per open
/// obligation — task code, content, role, due date and state grey and locked; completed on (a date), value achieved (a
/// number), result, evidence, difficulties and proposals white and open, each with a data-validation prompt — and the
/// hidden sheet "ChiSo" identifying the template. Landscape A4, one page wide, the header row repeated on every page.
/// </summary>
public static class ReportTemplateXlsx
{
    private static readonly int LastColumn = ReportTemplateLayout.Columns.Count;

    public static byte[] Write(ReportTemplateContent content)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = ReportTemplateStyles.Build();
            var reportPart = workbookPart.AddNewPart<WorksheetPart>();
            reportPart.Worksheet = ReportSheet(content);
            var identityPart = workbookPart.AddNewPart<WorksheetPart>();
            identityPart.Worksheet = IdentitySheet(content);

            workbookPart.Workbook.Append(
                new BookViews(new WorkbookView { ActiveTab = 0 }),
                new Sheets(
                    new Sheet { Id = workbookPart.GetIdOfPart(reportPart), SheetId = 1, Name = ReportTemplateLayout.SheetName },
                    new Sheet { Id = workbookPart.GetIdOfPart(identityPart), SheetId = 2, Name = ReportTemplateLayout.IdentitySheetName, State = SheetStateValues.Hidden }),
                new DefinedNames(new DefinedName($"'{ReportTemplateLayout.SheetName}'!${ReportTemplateLayout.HeaderRow}:${ReportTemplateLayout.HeaderRow}")
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = 0,
                }));
            workbookPart.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static Worksheet ReportSheet(ReportTemplateContent content)
    {
        var columns = ReportTemplateLayout.Columns;
        var data = new SheetData();
        var merges = new List<string>();
        var totalWidth = columns.Sum(c => c.Width);

        void Block(uint row, string text, uint style)
        {
            var cells = new Row(Text(1, row, text, style)) { RowIndex = row, Height = Height([totalWidth], [text], style == ReportTemplateStyles.Title ? 14 : 12), CustomHeight = true };
            for (var c = 2; c <= LastColumn; c++)
            {
                cells.Append(new Cell { CellReference = Reference(c, row), StyleIndex = style });
            }

            data.Append(cells);
            merges.Add($"{Reference(1, row)}:{Reference(LastColumn, row)}");
        }

        var period = content.Period;
        Block(1, "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH — " + period.NameVi.ToUpper(VietnameseFormat.Culture), ReportTemplateStyles.Title);
        Block(2, $"Kế hoạch {content.PlanLabel}: {content.PlanTitle}", ReportTemplateStyles.Info);
        Block(3, $"Kỳ báo cáo: {period.NameVi} — số liệu từ {VietnameseFormat.Date(content.DataFrom)} đến {VietnameseFormat.Date(content.DataTo)}; "
            + $"hạn gửi báo cáo: {VietnameseFormat.Date(content.DueDate)}.", ReportTemplateStyles.Info);
        Block(4, $"Đơn vị báo cáo: {content.UnitName} (mã {content.UnitCode}).", ReportTemplateStyles.Info);
        Block(5, "Hướng dẫn: điền các cột nền trắng (từ \"Ngày hoàn thành\" đến \"Đề xuất, kiến nghị\"), mỗi dòng một nhiệm vụ; không sửa các cột nền xám. "
            + "Ngày ghi dd/mm/yyyy (ví dụ 15/03/2026); số dùng dấu phẩy thập phân (12,5). Dòng để trống các cột nền trắng được bỏ qua. "
            + "Tải tệp lên ChiSo ở trang báo cáo của đơn vị trong kỳ: mỗi dòng được lưu thành bản nháp, rồi gửi báo cáo trên ChiSo. "
            + "Báo cáo đã gửi hoặc đã tiếp nhận không sửa được qua tệp.\n"
            + "Fill in the white columns, one task a row; leave the grey ones. Dates dd/mm/yyyy, numbers with a decimal comma. "
            + "Upload the file on the unit's report page in ChiSo: each row is saved as a draft, to be submitted in ChiSo.", ReportTemplateStyles.Note);
        Block(6, $"Mẫu do ChiSo tạo lúc {content.GeneratedAt.ToVietNam().ToString("HH:mm", CultureInfo.InvariantCulture)} "
            + $"{VietnameseFormat.Date(DateOnly.FromDateTime(content.GeneratedAt.ToVietNam().DateTime))} cho đúng kế hoạch, kỳ và đơn vị trên; "
            + "ChiSo không nhận tệp này cho đơn vị hoặc kỳ khác.", ReportTemplateStyles.Note);

        const uint header = ReportTemplateLayout.HeaderRow;
        var headerRow = new Row { RowIndex = header };
        for (var i = 0; i < columns.Count; i++)
        {
            headerRow.Append(Text(i + 1, header, columns[i].Header, columns[i].Field is null ? ReportTemplateStyles.Header : ReportTemplateStyles.HeaderFilled));
        }

        headerRow.Height = Height(columns.Select(c => c.Width).ToList(), columns.Select(c => c.Header).ToList(), 12);
        headerRow.CustomHeight = true;
        data.Append(headerRow);

        var rowIndex = header;
        foreach (var row in content.Rows)
        {
            rowIndex++;
            data.Append(DataRow(rowIndex, row));
        }

        var first = header + 1;
        var last = Math.Max(first, rowIndex);
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane
                {
                    HorizontalSplit = 1, VerticalSplit = header, TopLeftCell = Reference(2, header + 1), ActivePane = PaneValues.BottomRight,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomRight, ActiveCell = Reference(6, header + 1), SequenceOfReferences = new ListValue<StringValue> { InnerText = Reference(6, header + 1) } })
            { WorkbookViewId = 0 }),
            new Columns(columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })),
            data,
            // No password: the lock keeps hands off the grey columns, it is not a security boundary (the import reads only the white ones).
            new SheetProtection { Sheet = true, FormatCells = false, FormatColumns = false, FormatRows = false, SelectLockedCells = false, SelectUnlockedCells = false },
            new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count },
            Validations(first, last),
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.5, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return worksheet;
    }

    private static Row DataRow(uint index, ReportTemplateRow row)
    {
        var fixedText = ReportTemplateStyles.Fixed;
        var cells = new List<Cell>
        {
            Text(1, index, row.TaskCode, ReportTemplateStyles.FixedCentered),
            Text(2, index, VietnameseTypography.Clean(row.TaskContent), fixedText),
            Text(3, index, Role(row.Role), ReportTemplateStyles.FixedCentered),
            Text(4, index, row.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), ReportTemplateStyles.FixedCentered),
            Text(5, index, row.State is { } s ? ReportService.StateVi(s) : "chưa báo cáo", ReportTemplateStyles.FixedCentered),
        };
        var values = row.Values;
        var texts = new List<string> { row.TaskCode, row.TaskContent, "", "", "", "", "" };
        if (row.Editable)
        {
            cells.Add(values.CompletedOn is { } done
                ? Number(6, index, done.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), ReportTemplateStyles.FilledDate)
                : Empty(6, index, ReportTemplateStyles.FilledDate));
            // PostgreSQL gives 5.2500 back for 5.25: the cell holds the number, not its stored scale.
            cells.Add(values.AchievedValue is { } value
                ? Number(7, index, value.ToString("0.############################", CultureInfo.InvariantCulture), ReportTemplateStyles.FilledNumber)
                : Empty(7, index, ReportTemplateStyles.FilledNumber));
            var column = 8;
            // The unit's own text goes in as it was written (no typographic clean-up): an untouched row must read back the same.
            foreach (var text in new[] { values.Result, values.Evidence, values.Difficulties, values.Proposals })
            {
                cells.Add(text is { Length: > 0 } ? Text(column, index, text, ReportTemplateStyles.FilledText) : Empty(column, index, ReportTemplateStyles.FilledText));
                texts.Add(text ?? "");
                column++;
            }
        }
        else
        {
            // Submitted, approved or accepted: not the unit's to rewrite from a file; the row stays grey and empty.
            for (var c = 6; c <= LastColumn; c++)
            {
                cells.Add(Empty(c, index, fixedText));
            }
        }

        var widths = ReportTemplateLayout.Columns.Select(c => c.Width).ToList();
        return new Row(cells) { RowIndex = index, Height = Height(widths, texts, 12), CustomHeight = true };
    }

    /// <summary>Prompts that show when a white cell is selected, and checks Excel and LibreOffice make while the unit types.</summary>
    private static DataValidations Validations(uint first, uint last)
    {
        string Range(TemplateColumn column)
        {
            var c = ReportTemplateLayout.Columns.ToList().IndexOf(column) + 1;
            return $"{Reference(c, first)}:{Reference(c, last)}";
        }

        // 1 January 2000 to 31 December 2100 as Excel day numbers.
        var from = new DateTime(2000, 1, 1).ToOADate().ToString(CultureInfo.InvariantCulture);
        var to = new DateTime(2100, 12, 31).ToOADate().ToString(CultureInfo.InvariantCulture);
        var list = new List<DataValidation>
        {
            // A warning rather than a stop: "ngày 15 tháng 3 năm 2026" typed as text is not a date to Excel, but ChiSo reads it.
            Validation(DataValidationValues.Date, DataValidationOperatorValues.Between, from, to, Range(ReportTemplateLayout.CompletedOn), DataValidationErrorStyleValues.Warning,
                "Ngày hoàn thành", "Ngày nhiệm vụ hoàn thành, dạng dd/mm/yyyy (ví dụ 15/03/2026). Để trống nếu chưa hoàn thành.",
                "Ngày không hợp lệ", "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/03/2026."),
            Validation(DataValidationValues.Decimal, DataValidationOperatorValues.Between, "-1000000000000", "1000000000000", Range(ReportTemplateLayout.AchievedValue),
                DataValidationErrorStyleValues.Warning, "Giá trị đạt được", "Số đạt được so với chỉ tiêu, dùng dấu phẩy thập phân (ví dụ 12,5).",
                "Không phải số", "Nhập một số, ví dụ 12,5."),
        };
        foreach (var column in new[] { ReportTemplateLayout.Result, ReportTemplateLayout.Evidence, ReportTemplateLayout.Difficulties, ReportTemplateLayout.Proposals })
        {
            var prompt = column == ReportTemplateLayout.Evidence
                ? "Mỗi văn bản một dòng (Alt+Enter): số | ngày | cơ quan ban hành | trích yếu."
                : $"Tối đa {UnitReport.TextMaxLength.ToString("N0", VietnameseFormat.Culture)} ký tự; xuống dòng trong ô bằng Alt+Enter.";
            list.Add(Validation(DataValidationValues.TextLength, DataValidationOperatorValues.LessThanOrEqual, UnitReport.TextMaxLength.ToString(CultureInfo.InvariantCulture), null,
                Range(column), DataValidationErrorStyleValues.Stop, column.Header.Length <= 32 ? column.Header : column.Header[..32], prompt, "Nội dung quá dài",
                $"Tối đa {UnitReport.TextMaxLength.ToString("N0", VietnameseFormat.Culture)} ký tự."));
        }

        return new DataValidations(list) { Count = (uint)list.Count };
    }

    private static DataValidation Validation(DataValidationValues type, DataValidationOperatorValues op, string formula1, string? formula2, string range,
        DataValidationErrorStyleValues style, string promptTitle, string prompt, string errorTitle, string error)
    {
        var validation = new DataValidation
        {
            Type = type, Operator = op, AllowBlank = true, ShowInputMessage = true, ShowErrorMessage = true, ErrorStyle = style, PromptTitle = promptTitle, Prompt = prompt,
            ErrorTitle = errorTitle, Error = error, SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        };
        validation.Append(new Formula1(formula1));
        if (formula2 is not null)
        {
            validation.Append(new Formula2(formula2));
        }

        return validation;
    }

    /// <summary>Whose template this is and what each report's revision was: read back by <see cref="ReportTemplateReader"/>, never shown.</summary>
    private static Worksheet IdentitySheet(ReportTemplateContent content)
    {
        var data = new SheetData();
        uint index = 0;
        void Pair(string key, string value)
        {
            index++;
            data.Append(new Row(Text(1, index, key, ReportTemplateStyles.Default), Text(2, index, value, ReportTemplateStyles.Default)) { RowIndex = index });
        }

        index++;
        data.Append(new Row(Text(1, index, ReportTemplateLayout.Kind, ReportTemplateStyles.Default)) { RowIndex = index });
        Pair(ReportTemplateLayout.VersionKey, ReportTemplateLayout.Version);
        Pair(ReportTemplateLayout.PlanKey, content.PlanId.ToString(CultureInfo.InvariantCulture));
        Pair(ReportTemplateLayout.PeriodKey, content.Period.Id);
        Pair(ReportTemplateLayout.UnitKey, content.UnitCode);
        Pair(ReportTemplateLayout.GeneratedKey, content.GeneratedAt.ToVietNam().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        Pair(ReportTemplateLayout.RevisionsKey, "revision");
        foreach (var row in content.Rows)
        {
            Pair(row.TaskCode, row.Revision.ToString(CultureInfo.InvariantCulture));
        }

        return new Worksheet(data, new SheetProtection { Sheet = true });
    }

    private static string Role(AssignmentRole role) => role switch
    {
        AssignmentRole.Lead => "Chủ trì",
        AssignmentRole.Partner => "Phối hợp",
        _ => "Thực hiện",
    };

    private static Cell Text(int column, uint row, string text, uint style) =>
        new(new InlineString(new XText(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(column, row),
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Cell Number(int column, uint row, string value, uint style) =>
        new(new CellValue(value)) { CellReference = Reference(column, row), DataType = CellValues.Number, StyleIndex = style };

    private static Cell Empty(int column, uint row, uint style) => new() { CellReference = Reference(column, row), StyleIndex = style };

    private static string Reference(int column, uint row) => Intake.IntakeProblems.ColumnLetter(column - 1) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Row height in points for wrapped text, from the longest cell: neither Excel nor every viewer grows rows to fit
    /// wrapped text on opening, so a generated sheet says how tall its rows are.
    /// </summary>
    private static double Height(IReadOnlyList<double> widths, IReadOnlyList<string> texts, double points)
    {
        var lines = 1;
        for (var i = 0; i < widths.Count && i < texts.Count; i++)
        {
            var perLine = Math.Max(1, (int)(widths[i] * 1.05 * 12 / points));
            var cellLines = (texts[i] ?? "").Split('\n').Sum(line => Math.Max(1, (line.Length + perLine - 1) / perLine));
            lines = Math.Max(lines, cellLines);
        }

        return Math.Round((lines * points * 1.3125) + 4, 2);
    }
}
