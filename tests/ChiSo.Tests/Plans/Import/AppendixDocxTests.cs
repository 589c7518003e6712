using ChiSo.Common;
using ChiSo.Plans.Import;
using ChiSo.Tests.TestData;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiSo.Tests.Plans.Import;

/// <summary>Word appendices in the shapes provinces send; the fixtures are invented, not copied from a plan.</summary>
public sealed class AppendixDocxTests
{
    private static readonly DocxCell[] HeaderA = ["TT", "Nhiệm vụ trọng tâm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"];

    private static readonly DocxCell Continue = new("", VMerge: MergedCellValues.Continue);

    // Shape (a): a small table earlier in the document, then "PHỤ LỤC" and the appendix split over two pages.
    private static byte[] ShapeA() => TestDocx.Create(
        "KẾ HOẠCH nâng cao chỉ số quản trị",
        new DocxCell[][] { ["Năm", "Điểm"], ["2023", "41,2"] },
        "PHỤ LỤC",
        "(Kèm theo Kế hoạch số 12/KH-UBND)",
        new DocxCell[][]
        {
            HeaderA,
            [new DocxCell("1. Người dân tham gia ở cơ sở", Bold: true, Span: 5)],
            ["1.1", "Niêm yết công khai lịch tiếp dân tại nhà văn hóa thôn", "UBND cấp xã; UBND cấp huyện", "Các sở, ban, ngành", "Thường xuyên"],
            ["1.2", "Tổ chức đối thoại định kỳ với\nđoàn viên thanh niên", "Tỉnh đoàn, Sở Nội vụ", "UBND các xã, phường, thị trấn", "Quý II"],
            [new DocxCell("2", Bold: true), new DocxCell("Minh bạch thông tin đất đai", Bold: true, Span: 4)],
            ["2.1", "Đăng tải bảng giá đất trên cổng thông tin", "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông (Cổng thông tin, Trung tâm dữ liệu)", "Tháng 6"],
        },
        new DocxCell[][]
        {
            HeaderA,
            ["", "và cập nhật khi có thay đổi", "", "Văn phòng UBND tỉnh", "hằng năm"],
            [new DocxCell("3 Trách nhiệm trả lời kiến nghị của dân", Bold: true), "", "", "", ""],
            ["3.1", "Trả lời đơn thư đúng hạn", "", "Thanh tra tỉnh", "Thường xuyên"],
            ["3.1", "Công bố kết quả giải quyết", "Thanh tra tỉnh", "", "Hằng quý"],
        });

    private static AppendixDraft ParseDocx(byte[] bytes, AppendixParseOptions? options = null)
    {
        var table = AppendixTableReader.ReadDocx(bytes);
        var mapping = AppendixColumnMapper.Propose(table);
        Assert.True(mapping.Succeeded, string.Join("; ", mapping.Problems.Select(p => p.ToString())));
        return AppendixParser.Parse(table, mapping.Mapping!, options);
    }

    [Fact]
    public void ReadDocx_SplitTable_IsJoinedAndChosenAfterPhuLuc()
    {
        var table = AppendixTableReader.ReadDocx(ShapeA());

        Assert.Equal(5, table.ColumnCount);
        Assert.Equal(11, table.Rows.Count);
        Assert.Equal("TT", table.Rows[6][0].Text);
        // gridSpan: the title stays in the first cell, the covered cells are marked so columns line up.
        Assert.True(table.Rows[1][0].Bold);
        Assert.True(table.Rows[1][4].HorizontalContinuation);
        Assert.Equal("Tổ chức đối thoại định kỳ với\nđoàn viên thanh niên", table.Rows[3][1].Text);
    }

    [Fact]
    public void Parse_ShapeA_GroupsTasksAndLeads()
    {
        var draft = ParseDocx(ShapeA());

        Assert.Equal(["1", "2", "3"], draft.Groups.Select(g => g.Code));
        Assert.Equal("1. Người dân tham gia ở cơ sở", draft.Groups[0].Title);
        Assert.Equal("Người dân tham gia ở cơ sở", draft.Groups[0].TitleWithoutPrefix);
        Assert.Equal("Minh bạch thông tin đất đai", draft.Groups[1].Title);
        Assert.Equal("3 Trách nhiệm trả lời kiến nghị của dân", draft.Groups[2].Title);
        Assert.Equal(["1.1", "1.2"], draft.Groups[0].Tasks.Select(t => t.Code));
        Assert.Equal(["UBND cấp xã", "UBND cấp huyện"], draft.Groups[0].Tasks[0].Leads);
        Assert.Equal(["Các sở, ban, ngành"], draft.Groups[0].Tasks[0].Partners);
        Assert.Equal(["Tỉnh đoàn", "Sở Nội vụ"], draft.Groups[0].Tasks[1].Leads);
        Assert.Equal(["UBND các xã, phường, thị trấn"], draft.Groups[0].Tasks[1].Partners);
    }

    [Fact]
    public void Parse_ShapeA_RowAfterRepeatedHeaderContinuesThePreviousTask()
    {
        var task = Assert.Single(ParseDocx(ShapeA()).Groups[1].Tasks);

        Assert.Equal("Đăng tải bảng giá đất trên cổng thông tin\nvà cập nhật khi có thay đổi", task.Content);
        Assert.Equal(["Sở Thông tin và Truyền thông (Cổng thông tin, Trung tâm dữ liệu)", "Văn phòng UBND tỉnh"], task.Partners);
        Assert.Equal("Tháng 6\nhằng năm", task.Time);
        Assert.Equal(6, task.SourceRow);
    }

    [Fact]
    public void Parse_ShapeA_MissingLeadAndDuplicateCode_AreProblemsWithRowNumbers()
    {
        var draft = ParseDocx(ShapeA());

        Assert.False(draft.HasErrors);
        Assert.Equal(2, draft.Groups[2].Tasks.Count);
        var missingLead = Assert.Single(draft.Problems, p => p.MessageEn.Contains("no lead unit", StringComparison.Ordinal));
        Assert.Equal(10, missingLead.Row);
        Assert.StartsWith("Dòng 10, cột C (Đơn vị chủ trì): ", missingLead.ToString(), StringComparison.Ordinal);
        Assert.Contains("/ Row 10, column C (Đơn vị chủ trì): ", missingLead.ToString(), StringComparison.Ordinal);
        var duplicate = Assert.Single(draft.Problems, p => p.MessageEn.Contains("used twice", StringComparison.Ordinal));
        Assert.Equal(11, duplicate.Row);
    }

    // Shape (b): a sub-dimension cell merged down over its extra tasks, a lead merged over two tasks.
    private static byte[] ShapeB() => TestDocx.Create(
        "PHỤ LỤC",
        new DocxCell[][]
        {
            ["Thứ tự", "Chỉ số nội dung", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì, thực hiện", "Cơ quan phối hợp", "Thời gian thực hiện"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
            ["1", new DocxCell("Chỉ số nội dung sự tham gia của người dân ở cơ sở: nâng điểm nhờ hiểu biết và cơ hội tham gia", Span: 5)],
            [new("1.1", VMerge: MergedCellValues.Restart), new("Hiểu biết pháp luật của dân", VMerge: MergedCellValues.Restart), "Phát tờ gấp về quyền bầu trưởng thôn", new("- Sở Tư pháp\n- Hội Luật gia tỉnh", VMerge: MergedCellValues.Restart), "UBND cấp xã", "2025"],
            [Continue, Continue, "Mở lớp bồi dưỡng hòa giải viên", Continue, "Mặt trận Tổ quốc", "2025 - 2026"],
            [Continue, Continue, "Thi tìm hiểu pháp luật trực tuyến", "Sở Thông tin và Truyền thông", "", "Hằng năm"],
            ["1.2", "Cơ hội bầu cử", "Hướng dẫn niêm yết danh sách cử tri", "Sở Nội vụ", "UBND cấp huyện", "Trước bầu cử"],
        });

    [Fact]
    public void Parse_ShapeB_MergedSubDimensionRowsAreExtraTasksOfTheSameNode()
    {
        var draft = ParseDocx(ShapeB());

        var group = Assert.Single(draft.Groups);
        Assert.Equal("1", group.Code);
        Assert.Equal(group.Title, group.Node);
        Assert.Equal("Sự tham gia của người dân ở cơ sở: nâng điểm nhờ hiểu biết và cơ hội tham gia", group.TitleWithoutPrefix);
        Assert.Equal(["1.1", "1.1.2", "1.1.3", "1.2"], group.Tasks.Select(t => t.Code));
        Assert.Equal([false, true, true, false], group.Tasks.Select(t => t.CodeGenerated));
        Assert.Equal(["Hiểu biết pháp luật của dân", "Hiểu biết pháp luật của dân", "Hiểu biết pháp luật của dân", "Cơ hội bầu cử"], group.Tasks.Select(t => t.Node));
        Assert.Equal(["Sở Tư pháp", "Hội Luật gia tỉnh"], group.Tasks[0].Leads);
        // The lead cell is merged over the second task: same leads, not a missing lead.
        Assert.Equal(["Sở Tư pháp", "Hội Luật gia tỉnh"], group.Tasks[1].Leads);
        Assert.Equal(["Sở Thông tin và Truyền thông"], group.Tasks[2].Leads);
        Assert.Equal([4, 5, 6, 7], group.Tasks.Select(t => t.SourceRow));
        Assert.Empty(draft.Problems);
    }

    [Fact]
    public void ReadDocx_VerticalMerge_IsMarkedAndFilledOnlyWhenAsked()
    {
        var plain = AppendixTableReader.ReadDocx(ShapeB());
        var filled = AppendixTableReader.ReadDocx(ShapeB(), new AppendixReadOptions(FillVerticalMerges: true));

        Assert.True(plain.Rows[4][1].VerticalContinuation);
        Assert.Equal("", plain.Rows[4][1].Text);
        Assert.True(filled.Rows[5][1].VerticalContinuation);
        Assert.Equal("Hiểu biết pháp luật của dân", filled.Rows[5][1].Text);
    }

    [Fact]
    public void Parse_FilledMerges_GiveTheSameDraft()
    {
        var table = AppendixTableReader.ReadDocx(ShapeB(), new AppendixReadOptions(FillVerticalMerges: true));
        var draft = AppendixParser.Parse(table, AppendixColumnMapper.Propose(table).Mapping!);

        Assert.Equal(["1.1", "1.1.2", "1.1.3", "1.2"], draft.AllTasks.Select(t => t.Code));
    }

    [Fact]
    public void Parse_StripTitlePrefixes_WhenAsked()
    {
        var draft = ParseDocx(ShapeA(), new AppendixParseOptions(StripTitlePrefixes: true));

        Assert.Equal("Người dân tham gia ở cơ sở", draft.Groups[0].Title);
        Assert.Equal("Trách nhiệm trả lời kiến nghị của dân", draft.Groups[2].Title);
    }

    [Fact]
    public void ReadDocx_NotAWordFile_IsAnErrorNotAnException()
    {
        var table = AppendixTableReader.ReadDocx([1, 2, 3, 4]);

        Assert.True(table.HasErrors);
        Assert.Empty(table.Rows);
        var draft = AppendixParser.Parse(table, new AppendixMapping(-1, new Dictionary<int, AppendixField>()));
        Assert.True(draft.HasErrors);
        Assert.Empty(draft.Groups);
    }
}
