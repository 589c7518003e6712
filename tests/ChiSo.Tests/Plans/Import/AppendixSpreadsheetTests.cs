using ChiSo.Common;
using System.Text;
using ChiSo.Plans.Import;
using ChiSo.Tests.TestData;

namespace ChiSo.Tests.Plans.Import;

public sealed class AppendixSpreadsheetTests
{
    // Shape (c): roman sections, numbered tasks restarting in each section, targets, merged title rows.
    private static byte[] ShapeC() => TestMergedXlsx.Create(
        [
            ["PHỤ LỤC", "", "", "", "", "", ""],
            ["(Kèm theo Kế hoạch số 7/KH-UBND)", "", "", "", "", "", ""],
            ["STT", "Nhiệm vụ", "Chỉ tiêu", "Chủ trì", "Phối hợp", "Thời gian", "Kết quả"],
            ["I. Chỉ số: Công khai, minh bạch", "", "", "", "", "", ""],
            ["1", "Công khai dự toán ngân sách xã", "100% xã", "UBND cấp xã", "Sở Tài chính", "Quý I", "Bảng tin"],
            ["2", "Khảo sát mức hài lòng", "≥ 30%", "Sở Nội vụ", "", "", "Báo cáo"],
            ["II. Chỉ số: Kiểm soát tham nhũng", "", "", "", "", "", ""],
            ["1", "Tập huấn kê khai tài sản", "", "Thanh tra tỉnh", "Các sở, ban, ngành", "Năm 2025", ""],
            ["1", "Lặp số thứ tự", "", "Thanh tra tỉnh", "", "", ""],
        ],
        "A1:G1", "A2:G2", "A4:G4", "A7:G7", "F5:F6");

    private static AppendixDraft Parse(AppendixTable table)
    {
        var mapping = AppendixColumnMapper.Propose(table);
        Assert.True(mapping.Succeeded, string.Join("; ", mapping.Problems.Select(p => p.ToString())));
        return AppendixParser.Parse(table, mapping.Mapping!);
    }

    [Fact]
    public void ReadXlsx_MergedRanges_AreExpandedAndMarked()
    {
        var table = AppendixTableReader.ReadXlsx(ShapeC());

        Assert.Equal(7, table.ColumnCount);
        Assert.Equal(9, table.Rows.Count);
        Assert.Equal(4, table.Rows[3].Number);
        Assert.True(table.Rows[3][6].HorizontalContinuation);
        Assert.True(table.Rows[5][5].VerticalContinuation);
    }

    [Fact]
    public void Parse_ShapeC_RomanSectionsWithTasksNumberedFromOne()
    {
        var draft = Parse(AppendixTableReader.ReadXlsx(ShapeC()));

        Assert.Equal(["I", "II"], draft.Groups.Select(g => g.Code));
        Assert.Equal("I. Chỉ số: Công khai, minh bạch", draft.Groups[0].Title);
        Assert.Equal("Công khai, minh bạch", draft.Groups[0].TitleWithoutPrefix);
        Assert.Equal(["1", "2"], draft.Groups[0].Tasks.Select(t => t.Code));
        Assert.Equal(["100% xã", "≥ 30%"], draft.Groups[0].Tasks.Select(t => t.Target));
        Assert.Equal(["Bảng tin", "Báo cáo"], draft.Groups[0].Tasks.Select(t => t.Output));
        // F5:F6 merged: the second task shares the first one's deadline.
        Assert.Equal(["Quý I", "Quý I"], draft.Groups[0].Tasks.Select(t => t.Time));
        Assert.Equal(["Các sở, ban, ngành"], draft.Groups[1].Tasks[0].Partners);
    }

    [Fact]
    public void Parse_ShapeC_DuplicateOnlyWithinAGroup()
    {
        var draft = Parse(AppendixTableReader.ReadXlsx(ShapeC()));

        var duplicate = Assert.Single(draft.Problems);
        Assert.Equal(9, duplicate.Row);
        Assert.StartsWith("Dòng 9, cột A (STT): ", duplicate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadXlsx_Garbage_IsAnError() => Assert.True(AppendixTableReader.ReadXlsx(Encoding.UTF8.GetBytes("not a workbook")).HasErrors);

    private const string CsvShapeA =
        "sep=;\r\n" +
        "PHỤ LỤC;;;;\r\n" +
        "TT;Nhiệm vụ trọng tâm;Đơn vị chủ trì;Đơn vị phối hợp;Thời gian thực hiện\r\n" +
        "1;Đối thoại với người dân;;;\r\n" +
        "1.1;Họp dân bàn việc làm đường;\"UBND cấp xã, Sở Giao thông vận tải\";Các cơ quan có liên quan;Thường xuyên\r\n" +
        ";;\"Ban Dân vận\";;\r\n" +
        ";Lấy ý kiến về quy hoạch khu dân cư;Sở Xây dựng;;2025\r\n" +
        "2;Phục vụ hành chính công;;;\r\n" +
        ";Rút ngắn thời gian cấp phép;Trung tâm Phục vụ hành chính công;;\r\n";

    [Fact]
    public void ReadCsv_SepLineAndBom_AreHandled()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CsvShapeA)).ToArray();

        var table = AppendixTableReader.ReadCsv(bytes);

        Assert.Equal(5, table.ColumnCount);
        Assert.Equal("PHỤ LỤC", table.Rows[0][0].Text);
        Assert.Equal(2, table.Rows[0].Number);
    }

    [Fact]
    public void Parse_Csv_ContinuationRowAndGeneratedCodes()
    {
        var draft = Parse(AppendixTableReader.ReadCsv(Encoding.UTF8.GetBytes(CsvShapeA)));

        Assert.Equal(["1", "2"], draft.Groups.Select(g => g.Code));
        Assert.Equal(["1.1", "1.1.2"], draft.Groups[0].Tasks.Select(t => t.Code));
        // The row with only a lead continues 1.1; the row with its own task is a new task.
        Assert.Equal(["UBND cấp xã", "Sở Giao thông vận tải", "Ban Dân vận"], draft.Groups[0].Tasks[0].Leads);
        Assert.Equal(["2.1"], draft.Groups[1].Tasks.Select(t => t.Code));
        Assert.True(draft.Groups[1].Tasks[0].CodeGenerated);
        Assert.Empty(draft.Problems);
    }

    [Fact]
    public void Parse_CsvSectionRowsWithOneCell_AreNotShortRowErrors()
    {
        // Hand-made CSV: a section row holds only its title. Unlike a results file, that is not a lost value.
        var table = AppendixTableReader.ReadCsv(Encoding.UTF8.GetBytes("TT,Nhiệm vụ,Đơn vị chủ trì\nI. Minh bạch\n1,Công khai thủ tục,Sở Tư pháp\n"));
        var draft = Parse(table);

        Assert.Empty(draft.Problems);
        Assert.Equal(["Công khai thủ tục"], draft.AllTasks.Select(t => t.Content));
        Assert.Equal(3, table.Rows[1].Cells.Count);
    }

    [Fact]
    public void ReadCsv_NotUtf8_IsAnError()
    {
        var table = AppendixTableReader.ReadCsv([0x54, 0x54, 0x3B, 0xC0, 0x0A]);

        Assert.True(table.HasErrors);
        Assert.Contains("UTF-8", Assert.Single(table.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_EmptyCsv_IsAnError()
    {
        var result = AppendixColumnMapper.Propose(AppendixTableReader.ReadCsv([]));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.MessageEn.Contains("empty", StringComparison.Ordinal));
    }
}
