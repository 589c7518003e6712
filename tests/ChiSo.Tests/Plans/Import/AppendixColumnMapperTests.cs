using ChiSo.Common;
using ChiSo.Plans.Import;

namespace ChiSo.Tests.Plans.Import;

public sealed class AppendixColumnMapperTests
{
    private static AppendixTable Grid(params string[][] rows) =>
        new([.. rows.Select((r, i) => new AppendixRow(i + 1, [.. r.Select(t => new AppendixCell(t))]))], rows.Max(r => r.Length), []);

    [Fact]
    public void Propose_ShapeB_SkipsTitleRowsAndMapsEveryColumn()
    {
        var table = Grid(
            ["PHỤ LỤC", "", "", "", "", ""],
            ["(Kèm theo Kế hoạch số 99/KH-UBND của tỉnh)", "", "", "", "", ""],
            ["Thứ tự", "Chỉ số nội dung", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì, thực hiện", "Cơ quan phối hợp", "Thời gian thực hiện"]);

        var result = AppendixColumnMapper.Propose(table);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Mapping!.HeaderRowIndex);
        Assert.Equal(
            [AppendixField.Code, AppendixField.Node, AppendixField.Content, AppendixField.Lead, AppendixField.Partners, AppendixField.Time],
            result.Mapping.Columns.OrderBy(kv => kv.Key).Select(kv => kv.Value));
    }

    [Fact]
    public void Propose_ShapeC_IgnoresCaseMarksAndPunctuation()
    {
        var table = Grid(["stt.", "NHIỆM VỤ", "Chi tieu", "Chủ trì:", "phoi hop", "Thời hạn", "Kết quả, sản phẩm", "Ghi chú"]);

        var mapping = AppendixColumnMapper.Propose(table).Mapping!;

        Assert.Equal(
            [AppendixField.Code, AppendixField.Content, AppendixField.Target, AppendixField.Lead, AppendixField.Partners, AppendixField.Time, AppendixField.Output, AppendixField.Ignore],
            mapping.Columns.OrderBy(kv => kv.Key).Select(kv => kv.Value));
    }

    [Fact]
    public void Propose_NoHeader_IsABilingualError()
    {
        var result = AppendixColumnMapper.Propose(Grid(["Báo cáo", "năm 2024"], ["a", "b"]));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, error.Severity);
        Assert.Contains("tiêu đề", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains("header", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void FromExplicit_WithoutLead_IsAnError()
    {
        var table = Grid(["TT", "Việc", "Ai làm"], ["1.1", "Việc A", "Sở X"]);

        var result = AppendixColumnMapper.FromExplicit(table, new Dictionary<string, AppendixField> { ["A"] = AppendixField.Code, ["b"] = AppendixField.Content });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Problems);
        Assert.Contains("Đơn vị chủ trì", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Lead unit", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromExplicit_LettersAndNumbers_PointAtColumns()
    {
        var table = Grid(["TT", "Việc", "Ai làm"], ["1.1", "Việc A", "Sở X"]);

        var result = AppendixColumnMapper.FromExplicit(table, new Dictionary<string, AppendixField> { ["B"] = AppendixField.Content, ["3"] = AppendixField.Lead, ["Z"] = AppendixField.Time });

        Assert.Equal(1, result.Mapping!.ColumnOf(AppendixField.Content));
        Assert.Equal(2, result.Mapping.ColumnOf(AppendixField.Lead));
        Assert.Contains(result.Problems, p => p.ToString().Contains("\"Z\"", StringComparison.Ordinal));
    }
}
