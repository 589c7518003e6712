using ChiSo.Results.Export;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChiSo.Tests.Results.Export;

public sealed class YearTableXlsxTests
{
    [Fact]
    public void Write_SampleTable_HasOneSheetNamedKetQua()
    {
        using var document = Open(SampleYearTable.Build());

        var sheet = Assert.Single(document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Kết quả", sheet.Name!.Value);
    }

    [Fact]
    public void Write_SampleTable_TitleNoteAndBoldHeader()
    {
        using var document = Open(SampleYearTable.Build());
        var sheet = Sheet(document);

        Assert.Equal("Chỉ số mẫu – năm 2024", Text(sheet, "A1"));
        Assert.Equal(YearTableXlsx.IllustrativeNote, Text(sheet, "A2"));
        Assert.Equal("Mã đơn vị", Text(sheet, "A3"));
        Assert.Equal("Tên đơn vị", Text(sheet, "B3"));
        Assert.Equal("Tổng điểm", Text(sheet, "D3"));
        Assert.Equal("1 Tham gia của người dân", Text(sheet, "H3"));
        var font = Font(document, Cell(sheet, "B3"));
        Assert.NotNull(font.GetFirstChild<Bold>());
    }

    [Fact]
    public void Write_NotIllustrative_NoteNamesTheFramework()
    {
        using var document = Open(SampleYearTable.Build(illustrative: false));

        Assert.Equal("Khung chỉ số: mau-2024", Text(Sheet(document), "A2"));
    }

    [Fact]
    public void Write_ScoredRow_NumbersAreNumericCellsWithTwoDecimalFormat()
    {
        using var document = Open(SampleYearTable.Build());
        var sheet = Sheet(document);

        // Row 4 = rank 1 (Hà Nội), row 5 = Lâm Đồng.
        Assert.Equal("Lâm Đồng", Text(sheet, "B5"));
        var total = Cell(sheet, "D5");
        Assert.Equal(CellValues.Number, total.DataType!.Value);
        Assert.Equal("15.255", total.CellValue!.Text);
        Assert.Equal("2", Cell(sheet, "E5").CellValue!.Text);

        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)total.StyleIndex!.Value);
        var numberFormat = styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Equal("0.00", numberFormat.FormatCode!.Value);
    }

    [Fact]
    public void Write_Always_FreezesEverythingDownToTheHeader()
    {
        using var document = Open(SampleYearTable.Build());

        var pane = Sheet(document).Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(YearTableXlsx.HeaderRow, pane.VerticalSplit!.Value);
        Assert.Equal("A4", pane.TopLeftCell!.Value);
    }

    [Fact]
    public void Write_UnscoredUnit_HasNoScoreCells()
    {
        using var document = Open(SampleYearTable.Build());
        var sheet = Sheet(document);

        Assert.Equal("Hà Giang", Text(sheet, "B6"));
        Assert.Equal("không", Text(sheet, "C6"));
        Assert.Null(sheet.Worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == "D6"));
    }

    [Theory]
    [InlineData(1, 1u, "A1")]
    [InlineData(26, 3u, "Z3")]
    [InlineData(27, 10u, "AA10")]
    [InlineData(53, 2u, "BA2")]
    public void Reference_ColumnAndRow_IsExcelStyle(int column, uint row, string expected) =>
        Assert.Equal(expected, YearTableXlsx.Reference(column, row));

    private static SpreadsheetDocument Open(ChiSo.Analysis.YearTable table) =>
        SpreadsheetDocument.Open(new MemoryStream(YearTableXlsx.WriteBytes(table)), false);

    private static WorksheetPart Sheet(SpreadsheetDocument document) => document.WorkbookPart!.WorksheetParts.Single();

    private static Cell Cell(WorksheetPart sheet, string reference) =>
        sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);

    private static string Text(WorksheetPart sheet, string reference) => Cell(sheet, reference).InlineString!.InnerText;

    private static Font Font(SpreadsheetDocument document, Cell cell)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        return styles.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);
    }
}
