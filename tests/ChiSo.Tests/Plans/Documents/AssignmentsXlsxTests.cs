using System.Data;
using System.Text;
using ChiSo.Plans.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;

namespace ChiSo.Tests.Plans.Documents;

public sealed class AssignmentsXlsxTests
{
    private static readonly string[] Header =
        ["STT", "Nhiệm vụ, giải pháp", "Chỉ tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Kết quả, sản phẩm"];

    static AssignmentsXlsxTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Write_Sample_ReadBackTitleHeaderGroupsAndTasks()
    {
        var (rows, merges) = ReadBack(SamplePlan.Build());

        Assert.Equal("NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ PAPI NĂM 2026", rows[0][0]);
        Assert.Equal("(Kèm theo Kế hoạch số 22/KH-UBND ngày 22 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)", rows[1][0]);
        Assert.Equal(Header, rows[2]);
        Assert.Equal(3 + SamplePlan.Groups + SamplePlan.Tasks, rows.Count);
        Assert.Equal(["I", "Tham gia của người dân ở cấp cơ sở", "", "", "", "", ""], rows[3]);
        Assert.Equal(
            ["1.1", "Niêm yết công khai danh sách, tiêu chuẩn bầu trưởng thôn, tổ trưởng tổ dân phố", "100% thôn, tổ dân phố", "Sở Nội vụ", "UBND các xã, phường", "Quý II/2026", "Văn bản hướng dẫn"],
            rows[4]);
        Assert.Equal("Trả lời 100% kiến nghị\nĐúng hạn trên 95%", rows[^1][2]);
        Assert.Contains("“Dân biết, dân bàn, dân làm, dân kiểm tra”", rows[5][1], StringComparison.Ordinal);
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Contains('"', StringComparison.Ordinal));

        // Title, "Kèm theo" line and the three group titles span the table (0-based rows and columns).
        Assert.Contains((0, 0, 0, 6), merges);
        Assert.Contains((1, 1, 0, 6), merges);
        Assert.Contains((3, 3, 1, 6), merges);
        Assert.Equal(2 + SamplePlan.Groups, merges.Count);
    }

    [Fact]
    public void Write_ExecutingUnits_AddsTheirColumn()
    {
        var (rows, merges) = ReadBack(SamplePlan.Build(executingUnits: true));

        Assert.Equal("Đơn vị thực hiện", rows[2][5]);
        Assert.Equal("UBND các xã, phường", rows[4][5]);
        Assert.Contains((3, 3, 1, 7), merges);
    }

    [Fact]
    public void Write_Draft_AttachedLineHasBlanks()
    {
        var (rows, _) = ReadBack(SamplePlan.Build(draft: true));

        Assert.Equal("(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng      năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)", rows[1][0]);
    }

    [Fact]
    public void Write_Sample_OneSheetFrozenHeaderPrintTitlesLandscape()
    {
        using var document = Open(SamplePlan.Build());
        var workbook = document.WorkbookPart!.Workbook;

        var sheet = Assert.Single(workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Phân công", sheet.Name!.Value);
        var titles = Assert.Single(workbook.DefinedNames!.Elements<DefinedName>());
        Assert.Equal("_xlnm.Print_Titles", titles.Name!.Value);
        Assert.Equal("'Phân công'!$3:$3", titles.Text);
        Assert.Equal(0u, titles.LocalSheetId!.Value);

        var worksheet = document.WorkbookPart.WorksheetParts.Single().Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(3d, pane.VerticalSplit!.Value);
        Assert.Equal("A4", pane.TopLeftCell!.Value);

        var setup = worksheet.GetFirstChild<PageSetup>()!;
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(9u, setup.PaperSize!.Value);
    }

    [Fact]
    public void Write_Sample_TimesNewRomanBoldGroupsAndWrappedCells()
    {
        using var document = Open(SamplePlan.Build());
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        Assert.All(fonts, f => Assert.Equal("Times New Roman", f.GetFirstChild<FontName>()!.Val!.Value));
        Assert.Equal(12d, fonts[0].GetFirstChild<FontSize>()!.Val!.Value);

        var cells = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        CellFormat Format(string reference) => formats[(int)cells[reference].StyleIndex!.Value];

        Assert.NotNull(fonts[(int)Format("B4").FontId!.Value].GetFirstChild<Bold>());
        Assert.NotNull(fonts[(int)Format("A3").FontId!.Value].GetFirstChild<Bold>());
        Assert.Null(fonts[(int)Format("B5").FontId!.Value].GetFirstChild<Bold>());
        Assert.True(Format("B5").Alignment!.WrapText!.Value);
        Assert.NotEqual(0u, Format("B5").BorderId!.Value);

        // The multi-line task row (3.2) is taller than a one-line row (2.3).
        var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().ToDictionary(r => r.RowIndex!.Value);
        Assert.True(rows[14].Height!.Value > rows[11].Height!.Value);
    }

    [Fact]
    public void Write_DecomposedInput_CellsAreComposed()
    {
        var content = SamplePlan.Build() with
        {
            Appendix = SamplePlan.Build().Appendix! with { Title = "Nhiệm vụ năm 2026".Normalize(NormalizationForm.FormD) },
        };

        var (rows, _) = ReadBack(content);

        Assert.Equal("NHIỆM VỤ NĂM 2026", rows[0][0]);
        Assert.All(rows.SelectMany(r => r), c => Assert.True(c.IsNormalized(NormalizationForm.FormC), c));
    }

    [Fact]
    public void Write_Sample_PassesOpenXmlValidation()
    {
        using var document = Open(SamplePlan.Build(executingUnits: true));

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static SpreadsheetDocument Open(PlanDocumentContent content) =>
        SpreadsheetDocument.Open(new MemoryStream(AssignmentsXlsx.Write(content)), false);

    private static (List<string[]> Rows, List<(int FromRow, int ToRow, int FromColumn, int ToColumn)> Merges) ReadBack(PlanDocumentContent content)
    {
        using var stream = new MemoryStream(AssignmentsXlsx.Write(content));
        using var reader = ExcelReaderFactory.CreateReader(stream);
        Assert.Equal("Phân công", reader.Name);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.GetValue(i)?.ToString() ?? "";
            }

            rows.Add(row);
        }

        var merges = (reader.MergeCells ?? []).Select(m => (m.FromRow, m.ToRow, m.FromColumn, m.ToColumn)).ToList();
        return (rows, merges);
    }
}
