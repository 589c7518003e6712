using System.Globalization;
using System.Text;
using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Templates;
using ChiSo.Tests.TestData;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace ChiSo.Tests.Reporting.Templates;

/// <summary>
/// The template workbook opened with the Open XML SDK: valid, two sheets (the visible report, the hidden identification),
/// the header block and table where a unit expects them, grey locked columns and white open ones, data validation on the
/// date, number and text columns, frozen headers and print titles; and read back by ChiSo's own spreadsheet reader.
/// </summary>
public sealed class ReportTemplateXlsxTests
{
    internal static ReportTemplateContent Sample() => new(7, "12/KH-UBND", "Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", ReportingPeriod.Quarter(2026, 1),
        new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 14), new DateOnly(2026, 4, 1), "STP", "Sở Tư pháp", new DateTimeOffset(2026, 3, 15, 8, 0, 0, TimeSpan.Zero),
        [
            new("1.1", "Phổ biến quyền được biết của người dân", AssignmentRole.Lead, new DateOnly(2026, 4, 1), ReportState.Draft, 3,
                new ReportInput(new DateOnly(2026, 3, 10), 12.5m, "Đã tổ chức 5 buổi\nở 5 xã", null, "Thiếu kinh phí", null)),
            new("1.2", "Đối thoại với người dân", AssignmentRole.Partner, new DateOnly(2026, 4, 1), null, 0, new ReportInput(null, null, null, null, null, null)),
            new("1.10", "Hướng dẫn hòa giải ở cơ sở", AssignmentRole.Executing, new DateOnly(2026, 4, 1), ReportState.Accepted, 5,
                new ReportInput(null, null, "Đã tiếp nhận", null, null, null)),
        ]);

    private static CellFormat Format(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static bool Locked(SpreadsheetDocument document, Cell cell) => Format(document, cell).Protection?.Locked?.Value ?? true;

    private static uint Fill(SpreadsheetDocument document, Cell cell) => Format(document, cell).FillId?.Value ?? 0;

    [Fact]
    public void Write_IsAValidWorkbook_WithTheReportSheetAndAHiddenIdentificationSheet()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReportTemplateXlsx.Write(Sample())), false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Báo cáo", "ChiSo"], sheets.Select(s => s.Name!.Value));
        Assert.Null(sheets[0].State);
        Assert.Equal(SheetStateValues.Hidden, sheets[1].State!.Value);
        var printTitles = Assert.Single(document.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>());
        Assert.Equal(("_xlnm.Print_Titles", "'Báo cáo'!$8:$8"), (printTitles.Name!.Value, printTitles.Text));
    }

    [Fact]
    public void Write_HeaderBlockNamesPlanPeriodUnitAndWhatToDo_TheTableHeaderIsOnRow8()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReportTemplateXlsx.Write(Sample())), false);
        string Text(string reference) => TemplateCells.Text(TemplateCells.Find(document, TemplateCells.Sheet, reference)!);

        Assert.Equal("BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH — QUÝ I/2026", Text("A1"));
        Assert.Equal("Kế hoạch 12/KH-UBND: Nâng cao Chỉ số PAPI tỉnh Lâm Đồng năm 2026", Text("A2"));
        Assert.Equal("Kỳ báo cáo: Quý I/2026 — số liệu từ ngày 15 tháng 12 năm 2025 đến ngày 14 tháng 03 năm 2026; hạn gửi báo cáo: ngày 01 tháng 04 năm 2026.", Text("A3"));
        Assert.Equal("Đơn vị báo cáo: Sở Tư pháp (mã STP).", Text("A4"));
        Assert.Contains("số dùng dấu phẩy thập phân (12,5)", Text("A5"), StringComparison.Ordinal);
        Assert.Contains("Fill in the white columns", Text("A5"), StringComparison.Ordinal);
        Assert.StartsWith("Mẫu do ChiSo tạo lúc 15:00 ngày 15 tháng 03 năm 2026", Text("A6"), StringComparison.Ordinal);
        Assert.Equal(ReportTemplateLayout.Columns.Select(c => c.Header), "ABCDEFGHIJK".Select(c => Text(c + "8")));
        Assert.All(Enumerable.Range(1, 6), r => Assert.Contains(TemplateCells.Part(document, TemplateCells.Sheet).Worksheet.Descendants<MergeCell>(),
            m => m.Reference!.Value == $"A{r}:K{r}"));
        Assert.All(new[] { "A1", "A2", "A3", "A4", "A5", "A6", "A8", "K8", "B9", "H9" }, r => Assert.True(Text(r).IsNormalized(NormalizationForm.FormC), r));
    }

    [Fact]
    public void Write_ObligationColumnsAreGreyAndLocked_TheUnitsColumnsWhiteAndOpen_AReportPastTheDraftIsLockedAndEmpty()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReportTemplateXlsx.Write(Sample())), false);
        Cell Cell(string reference) => TemplateCells.Find(document, TemplateCells.Sheet, reference)!;
        var sheet = TemplateCells.Part(document, TemplateCells.Sheet).Worksheet;

        var protection = Assert.Single(sheet.Elements<SheetProtection>());
        Assert.True(protection.Sheet!.Value);
        Assert.Null(protection.Password);
        foreach (var column in "ABCDE")
        {
            Assert.True(Locked(document, Cell(column + "9")));
            Assert.NotEqual(0u, Fill(document, Cell(column + "9")));
        }

        foreach (var column in "FGHIJK")
        {
            Assert.False(Locked(document, Cell(column + "9")), column + "9");
            Assert.False(Locked(document, Cell(column + "10")), column + "10");
            Assert.Equal(0u, Fill(document, Cell(column + "9")));
            // The accepted report's row: locked, grey, with nothing to copy back.
            Assert.True(Locked(document, Cell(column + "11")), column + "11");
            Assert.Equal("", TemplateCells.Text(Cell(column + "11")));
        }

        Assert.Equal(("1.1", "Chủ trì", "01/04/2026", "nháp"), (TemplateCells.Text(Cell("A9")), TemplateCells.Text(Cell("C9")), TemplateCells.Text(Cell("D9")), TemplateCells.Text(Cell("E9"))));
        Assert.Equal(("Phối hợp", "chưa báo cáo", "Thực hiện", "đã tiếp nhận"), (TemplateCells.Text(Cell("C10")), TemplateCells.Text(Cell("E10")), TemplateCells.Text(Cell("C11")),
            TemplateCells.Text(Cell("E11"))));
        // A date as a date (dd/mm/yyyy), a number as a number, text as written.
        var date = Cell("F9");
        Assert.Equal(new DateTime(2026, 3, 10).ToOADate().ToString(CultureInfo.InvariantCulture), date.CellValue!.Text);
        var format = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == Format(document, date).NumberFormatId!.Value);
        Assert.Equal("dd/mm/yyyy", format.FormatCode!.Value);
        Assert.Equal((CellValues.Number, "12.5"), (Cell("G9").DataType!.Value, Cell("G9").CellValue!.Text));
        Assert.Equal("Đã tổ chức 5 buổi\nở 5 xã", TemplateCells.Text(Cell("H9")));

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 1d, 8d, "B9"), (pane.State!.Value, pane.HorizontalSplit!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal(OrientationValues.Landscape, sheet.Descendants<PageSetup>().Single().Orientation!.Value);
    }

    [Fact]
    public void Write_DateNumberAndTextColumnsCarryDataValidation()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReportTemplateXlsx.Write(Sample())), false);
        var validations = TemplateCells.Part(document, TemplateCells.Sheet).Worksheet.Descendants<DataValidation>()
            .ToDictionary(v => v.SequenceOfReferences!.InnerText ?? "");

        Assert.Equal(["F9:F11", "G9:G11", "H9:H11", "I9:I11", "J9:J11", "K9:K11"], validations.Keys.Order(StringComparer.Ordinal));
        var date = validations["F9:F11"];
        Assert.Equal((DataValidationValues.Date, DataValidationOperatorValues.Between), (date.Type!.Value, date.Operator!.Value));
        Assert.Equal((new DateTime(2000, 1, 1).ToOADate().ToString(CultureInfo.InvariantCulture), new DateTime(2100, 12, 31).ToOADate().ToString(CultureInfo.InvariantCulture)),
            (date.Formula1!.Text, date.Formula2!.Text));
        Assert.Contains("dd/mm/yyyy", date.Prompt!.Value, StringComparison.Ordinal);
        Assert.Equal(DataValidationValues.Decimal, validations["G9:G11"].Type!.Value);
        Assert.Contains("dấu phẩy thập phân", validations["G9:G11"].Prompt!.Value, StringComparison.Ordinal);
        var text = validations["H9:H11"];
        Assert.Equal((DataValidationValues.TextLength, DataValidationOperatorValues.LessThanOrEqual, "4000", DataValidationErrorStyleValues.Stop),
            (text.Type!.Value, text.Operator!.Value, text.Formula1!.Text, text.ErrorStyle!.Value));
        Assert.Contains("số | ngày | cơ quan ban hành | trích yếu", validations["I9:I11"].Prompt!.Value, StringComparison.Ordinal);
        Assert.All(validations.Values, v => Assert.True(v.ShowInputMessage!.Value && v.ShowErrorMessage!.Value && v.AllowBlank!.Value));
    }

    [Fact]
    public void Write_ThenRead_ByTheOneSpreadsheetReader_GivesBackWhoseItIsAndWhatItSays()
    {
        var problems = new ProblemCollector();
        var sheets = IntakeReader.ReadSheets(new IntakeFile(ReportTemplateXlsx.Write(Sample()), "mau.xlsx"), IntakeLimits.Default, problems)!;

        Assert.False(problems.Any);
        Assert.Equal([("Báo cáo", false), ("ChiSo", true)], sheets.Select(s => (s.Name, s.Hidden)));
        var identity = ReportTemplateReader.ReadIdentity(sheets, problems)!;
        Assert.Equal(("7", "2026-Q1", "STP", "2026-03-15T15:00:00+07:00"), (identity.PlanId, identity.PeriodId, identity.UnitCode, identity.GeneratedAt));
        Assert.Equal(new Dictionary<string, int> { ["1.1"] = 3, ["1.2"] = 0, ["1.10"] = 5 }, identity.Revisions);
        var rows = ReportTemplateReader.ReadRows(sheets, problems)!;
        Assert.False(problems.Any);
        Assert.Equal([(9, "1.1", false), (10, "1.2", true), (11, "1.10", true)], rows.Select(r => (r.Row, r.TaskCode, r.Blank)));
        Assert.Equal(new ReportInput(new DateOnly(2026, 3, 10), 12.5m, "Đã tổ chức 5 buổi\nở 5 xã", null, "Thiếu kinh phí", null), rows[0].Input);
    }

    [Fact]
    public void ReadRows_FindsTheTableByItsHeaders_WhenTheUnitInsertedALineAndMovedAColumn()
    {
        var problems = new ProblemCollector();
        string[] header = ["Ghi chú của đơn vị", "Kết quả thực hiện", "MÃ NHIỆM VỤ", "Ngày hoàn thành", "Giá trị đạt được", "Văn bản, minh chứng", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"];
        var bytes = TestXlsx.Create([["Báo cáo của Sở Tư pháp"], ["(dòng đơn vị thêm vào)"], header, ["", "Đã làm", "1.2", "15-03-2026", "", "", "", ""]]);
        var sheets = IntakeReader.ReadSheets(new IntakeFile(bytes, "x.xlsx"), IntakeLimits.Default, problems)!;

        var rows = ReportTemplateReader.ReadRows(sheets, problems)!;

        Assert.False(problems.Any);
        var row = Assert.Single(rows);
        Assert.Equal((4, "1.2", "Đã làm", new DateOnly(2026, 3, 15)), (row.Row, row.TaskCode, row.Input.Result, row.Input.CompletedOn));
        var missing = ReportTemplateReader.ReadRows(IntakeReader.ReadSheets(new IntakeFile(TestXlsx.Create([header[..^1]]), "x.xlsx"), IntakeLimits.Default, problems)!, problems);
        Assert.Null(missing);
        Assert.Equal((1, "Đề xuất, kiến nghị"), (problems.ToList().Single().Row, problems.ToList().Single().Column));
    }

    [Theory]
    [InlineData("15/03/2026", 2026, 3, 15)]
    [InlineData("5/3/2026", 2026, 3, 5)]
    [InlineData("05-03-2026", 2026, 3, 5)]
    [InlineData("05.03.2026", 2026, 3, 5)]
    [InlineData("2026-03-05", 2026, 3, 5)]
    [InlineData("ngày 05 tháng 3 năm 2026", 2026, 3, 5)]
    [InlineData("Ngày 5 tháng 03 năm 2026", 2026, 3, 5)]
    [InlineData("5 tháng 3 năm 2026", 2026, 3, 5)]
    [InlineData("15/03/2026 14:30", 2026, 3, 15)]
    public void TryDate_ReadsTheWaysUnitsWriteADate(string text, int year, int month, int day)
    {
        Assert.True(TemplateCellValues.TryDate(new IntakeCell(text), out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("32/03/2026")]
    [InlineData("29/02/2026")]
    [InlineData("03/2026")]
    [InlineData("hôm qua")]
    [InlineData("46091")]
    [InlineData("١٥/٠٣/٢٠٢٦")]
    public void TryDate_RefusesWhatIsNoDate(string text) => Assert.False(TemplateCellValues.TryDate(new IntakeCell(text), out _));

    [Theory]
    [InlineData("12,5", null, "12.5")]
    [InlineData("12.5", null, "12.5")]
    [InlineData(" 1 250 ", null, "1250")]
    [InlineData("-0,75", null, "-0.75")]
    [InlineData("12.5", 1, "12.5")]
    [InlineData("3.3333", 4, "3.3333")]
    public void TryNumber_DecimalCommaOrAStoredNumber(string text, int? decimals, string expected)
    {
        Assert.True(TemplateCellValues.TryNumber(new IntakeCell(text, decimals), out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("mười hai")]
    [InlineData("1.234,5")]
    [InlineData("12%")]
    public void TryNumber_RefusesWhatIsNoNumber(string text) => Assert.False(TemplateCellValues.TryNumber(new IntakeCell(text), out _));
}
