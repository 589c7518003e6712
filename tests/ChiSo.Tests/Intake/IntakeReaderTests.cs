using System.Text;
using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Tests.TestData;

namespace ChiSo.Tests.Intake;

/// <summary>The one decoding, delimiter, numbering and merge rule every import now shares.</summary>
public sealed class IntakeReaderTests
{
    private static IntakeTable Read(byte[] bytes, string name = "x.csv")
    {
        var problems = new ProblemCollector();
        var table = IntakeReader.ReadTable(new IntakeFile(bytes, name), IntakeFormats.All, IntakeLimits.Default, problems);
        Assert.False(problems.Any, string.Join("; ", problems.ToList()));
        return table!;
    }

    private static IntakeTable Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    private static string[] Texts(IntakeRow row) => [.. row.Cells.Select(c => c.Text)];

    [Theory]
    [InlineData("Tỉnh;1;2\nLâm Đồng;5,35;6,1\n", new[] { "Lâm Đồng", "5,35", "6,1" })]
    [InlineData("Tỉnh,1,2\nLâm Đồng,\"5,35\",6.1\n", new[] { "Lâm Đồng", "5,35", "6.1" })]
    [InlineData("Tỉnh\t1\t2\nLâm Đồng\t5,35\t6,1\n", new[] { "Lâm Đồng", "5,35", "6,1" })]
    // A ',' file whose data rows list partners with ';': only the header line decides.
    [InlineData("TT,Nhiệm vụ,Phối hợp\n1,Đối thoại,Sở A; Sở B; Sở C; Sở D\n", new[] { "1", "Đối thoại", "Sở A; Sở B; Sở C; Sở D" })]
    // A title line with no delimiter comes before the header.
    [InlineData("PHỤ LỤC\nTT;Nhiệm vụ;Chủ trì\n1;Đối thoại, tiếp dân;Sở Nội vụ\n", new[] { "TT", "Nhiệm vụ", "Chủ trì" })]
    public void ReadTable_Delimiter_IsTakenFromTheHeaderLine(string csv, string[] expected)
    {
        var table = Read(csv);
        Assert.Equal(expected, Texts(table.Rows[1]));
    }

    [Fact]
    public void ReadTable_SepLine_NamesTheDelimiterAndCountsAsARow()
    {
        var table = Read("sep=;\r\nTT;Nhiệm vụ\r\n1;\"Đối thoại, tiếp dân\"\r\n");
        Assert.Equal([2, 3], table.Rows.Select(r => r.Number));
        Assert.Equal(["1", "Đối thoại, tiếp dân"], Texts(table.Rows[1]));
    }

    [Fact]
    public void ReadTable_QuotedLineBreak_StaysInItsCellAndOneRow()
    {
        var table = Read("TT,Chủ trì\n1,\"- Sở Nội vụ\n- Sở Tư pháp\"\n2,Sở Y tế\n");
        Assert.Equal("- Sở Nội vụ\n- Sở Tư pháp", table.Rows[1].Cell(1));
        Assert.Equal([1, 2, 3], table.Rows.Select(r => r.Number));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void ReadTable_UnicodeWithOrWithoutBom_IsDecodedAndNfc(string encoding)
    {
        // "Hoà" typed with a combining grave accent: stored NFC whatever the file used.
        var text = "Tỉnh,1\nThanh Hoa\u0300,5\n";
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => (byte[])[.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };

        Assert.Equal("Thanh Hoà", Read(bytes).Rows[1].Cell(0));
    }

    [Fact]
    public void ReadTable_Windows1258Bytes_AreRefusedNotGuessed()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var problems = new ProblemCollector();
        var bytes = Encoding.GetEncoding(1258).GetBytes("Tỉnh,1\nĐắk Nông,5\n");

        var table = IntakeReader.ReadTable(new IntakeFile(bytes, "x.csv"), IntakeFormats.Csv, IntakeLimits.Default, problems);

        Assert.Null(table);
        Assert.Contains("CSV UTF-8", Assert.Single(problems.ToList()).MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTable_ShortCsvRow_KeepsItsOwnCellCount()
    {
        var table = Read("a,b,c\n1,2\n");
        Assert.Equal(2, table.Rows[1].Cells.Count);
        Assert.True(ShortRows.Check(table.Header, table.Rows[1], new ProblemCollector()));
    }

    [Fact]
    public void ReadTable_XlsxNumbers_KeepTheirPrintedDecimals()
    {
        var table = Read(TestXlsx.Create([["Tỉnh", "1"], ["Lâm Đồng", "5.3"]], "0.000"), "x.xlsx");
        Assert.Equal(("5.3", 3), (table.Rows[1].Cell(1), table.Rows[1].DecimalsAt(1)));
        Assert.Null(table.Rows[1].DecimalsAt(0));
    }

    [Fact]
    public void ReadTable_XlsxMerges_AreExpandedOnce()
    {
        var table = Read(TestMergedXlsx.Create([["PHỤ LỤC", "", ""], ["TT", "Nhiệm vụ", "Chủ trì"], ["1", "Đối thoại", "Sở Nội vụ"], ["2", "Tiếp dân", ""]], "A1:C1", "C3:C4"), "x.xlsx");
        Assert.Equal("PHỤ LỤC", table.Rows[0].Cell(0));
        Assert.True(table.Rows[0][1].HorizontalContinuation);
        Assert.True(table.Rows[0][2].HorizontalContinuation);
        Assert.Equal("Sở Nội vụ", table.Rows[2].Cell(2));
        Assert.True(table.Rows[3][2].VerticalContinuation);
        Assert.Equal("", table.Rows[3].Cell(2));
    }

    [Fact]
    public void ReadTables_Docx_GivesEveryTopLevelTableWithItsHeadingContextBoldAndMerges()
    {
        var bytes = TestDocx.Create(
            new DocxCell[][] { ["Năm", "Điểm"] },
            "PHỤ LỤC",
            new DocxCell[][]
            {
                ["TT", "Nhiệm vụ", "Chủ trì"],
                [new DocxCell("I. Minh bạch", Bold: true, Span: 3)],
                ["1", new DocxCell("Công khai", VMerge: DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Restart), "Sở Tư pháp"],
                ["2", new DocxCell("", VMerge: DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Continue), "Sở Nội vụ"],
            });
        var problems = new ProblemCollector();

        var tables = IntakeReader.ReadTables(new IntakeFile(bytes, "x.docx"), IntakeFormats.Docx, IntakeLimits.Default, problems)!;

        Assert.Equal([false, true], tables.Select(t => t.AfterAppendixHeading));
        var appendix = tables[1];
        Assert.Equal([1, 2, 3, 4], appendix.Rows.Select(r => r.Number));
        Assert.True(appendix.Rows[1][0].Bold);
        Assert.True(appendix.Rows[1][2].HorizontalContinuation);
        Assert.True(appendix.Rows[3][1].VerticalContinuation);
        Assert.False(appendix.Rows[2][1].Bold);
    }

    [Fact]
    public void ReadTable_FormatNotAccepted_SaysWhatIs()
    {
        var problems = new ProblemCollector();
        var table = IntakeReader.ReadTable(new IntakeFile(TestDocx.Create("x"), "x.docx"), IntakeFormats.Csv | IntakeFormats.Spreadsheets, IntakeLimits.Default, problems);

        Assert.Null(table);
        Assert.Contains("Excel (.xlsx, .xls)", Assert.Single(problems.ToList()).MessageEn, StringComparison.Ordinal);
    }
}
