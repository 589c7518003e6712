using System.Text;
using ChiSo.Results;
using ChiSo.Results.Import;
using ChiSo.Tests.TestData;
using ChiSo.Units;

namespace ChiSo.Tests.Results.Import;

public sealed class ResultsFileParserTests
{
    private static readonly DateOnly In2019 = new(2019, 12, 31);
    private static readonly UnitNameMatcher Matcher = new(ProvinceReference.ToUnits());

    private static ParseOutcome Parse(string csv, Encoding? encoding = null) => Parse((encoding ?? Encoding.UTF8).GetBytes(csv), "kq.csv");

    private static ParseOutcome Parse(byte[] bytes, string name)
    {
        var parser = new ResultsFileParser(TestFrameworks.Small(), t => Matcher.Match(t, In2019));
        return parser.Parse(new MemoryStream(bytes), name, null);
    }

    private static NodeResult Node(ParseOutcome outcome, int row, string code) =>
        outcome.Units.Single(u => u.RowNumber == row).Nodes.Single(n => n.NodeCode == code);

    private static void AssertError(ParseOutcome outcome, int row, string column)
    {
        Assert.False(outcome.Succeeded);
        Assert.Empty(outcome.Units);
        // Row 0 / column "" stand for "the whole file" / "the whole row": a problem then has no row or column.
        var error = Assert.Single(outcome.Errors, e => (e.Row ?? 0) == row && (e.Column ?? "") == column);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageVi));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
        Assert.Matches("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", error.MessageVi.ToLowerInvariant());
    }

    [Theory]
    [InlineData("STT")]
    [InlineData("TT")]
    [InlineData("Số TT")]
    [InlineData("No.")]
    public void Parse_LeadingRunningNumber_IsIgnored(string numberHeader)
    {
        var outcome = Parse($"{numberHeader},Tỉnh,1.1,1.2,1.3,1.4\n1,Đắk Nông,1.5,1.25,2,1.75\n2,Thanh Hoá,2,2,2,2\n");

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.MessageEn)));
        Assert.Equal(["67", "38"], outcome.Units.Select(u => u.Unit!.Code));
        Assert.Equal(6.5m, Node(outcome, 2, "1").Score);
    }

    [Fact]
    public void Parse_GoodCsv_ComputesParentsFromCompleteChildren()
    {
        var outcome = Parse("Tỉnh,1.1,1.2,1.3,1.4,2.1\nĐắk Nông,1.5,1.25,2,1.75,3\nThanh Hoá,2,2,2,2,4.5\n");

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Units.Count);
        var one = Node(outcome, 2, "1");
        Assert.Equal(6.5m, one.Score);
        Assert.Equal(ScoreSource.Computed, one.Source);
        Assert.Equal(ScoreSource.File, Node(outcome, 2, "1.1").Source);
        // Dimension 2 lacks 2.2, so neither it nor the aggregate can be computed.
        Assert.DoesNotContain(outcome.Units[0].Nodes, n => n.NodeCode is "2" or "total");
        Assert.Equal("67", outcome.Units[0].Unit!.Code);
        Assert.Equal("38", outcome.Units[1].Unit!.Code);
    }

    [Fact]
    public void Parse_SemicolonsAndDecimalCommas_AreRead()
    {
        var outcome = Parse("Tỉnh;1;2;total\nLâm Đồng;5,35;6,1;11,45\n");
        Assert.True(outcome.Succeeded);
        Assert.Equal(5.35m, Node(outcome, 2, "1").Score);
        Assert.Equal(11.45m, Node(outcome, 2, "total").Score);
        Assert.Null(Node(outcome, 2, "total").Warning);
    }

    [Fact]
    public void Parse_ManyRows_BuildsEveryRowsNodesAndKeepsWarningsInRowOrder()
    {
        // 1,200 rows: past the size from which rows' nodes are built in parallel. Every third row's dimension 1 is 1 off.
        var units = Enumerable.Range(1, 1200).Select(i => new Unit { Id = i, Code = $"u{i}", Name = $"Xã {i}", FullName = $"Xã Số {i}", Kind = UnitKind.Commune }).ToDictionary(u => u.Code);
        var csv = new StringBuilder("Xã,1,1.1,1.2,1.3,1.4\n");
        foreach (var i in Enumerable.Range(1, 1200))
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{i},{(i % 3 == 0 ? 6 : 5)},1.25,1.25,1.25,1.25\n");
        }

        var parser = new ResultsFileParser(TestFrameworks.Small(), t => units.TryGetValue(t, out var u) ? UnitMatch.Found(u) : UnitMatch.NotFound);
        var outcome = parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "xa.csv", null);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Take(3).Select(e => e.MessageEn)));
        Assert.Equal(1200, outcome.Units.Count);
        Assert.All(outcome.Units, u => Assert.Equal(5, u.Nodes.Count));
        Assert.Equal(Enumerable.Range(1, 400).Select(i => i * 3 + 1), outcome.Warnings.Select(w => w.Row));
        Assert.All(outcome.Warnings, w => Assert.Equal((6m, 5m), (w.FileValue, w.ComputedValue)));
        Assert.Equal("Xã Số 3", outcome.Warnings[0].UnitName);
    }

    [Theory]
    [InlineData("5.01", false)] // 0.01 off: within 5 × 0.005 + … for a 2-decimal dimension of 4 children
    [InlineData("5.03", true)]
    public void Parse_ParentAgainstChildren_WarnsBeyondPrintedPrecision(string dimension, bool warns)
    {
        var outcome = Parse($"Tỉnh,1,1.1,1.2,1.3,1.4\nĐắk Nông,{dimension},1.25,1.25,1.25,1.25\n");
        Assert.True(outcome.Succeeded);
        var node = Node(outcome, 2, "1");
        Assert.Equal(decimal.Parse(dimension, System.Globalization.CultureInfo.InvariantCulture), node.Score);
        Assert.Equal(ScoreSource.File, node.Source);
        if (warns)
        {
            Assert.Equal(5m, node.ComputedValue);
            Assert.Contains("Tổng không khớp", node.Warning, StringComparison.Ordinal);
            var warning = Assert.Single(outcome.Warnings);
            Assert.Equal((2, "1", 5.03m, 5m), (warning.Row, warning.Node, warning.FileValue, warning.ComputedValue));
        }
        else
        {
            Assert.Null(node.Warning);
            Assert.Empty(outcome.Warnings);
        }
    }

    [Theory]
    [InlineData("5.0002", false)] // within 5 × 0.00005 = 0.00025
    [InlineData("5.0003", true)]
    public void Parse_FourDecimalTable_ToleratesOnlyItsPrecision(string dimension, bool warns)
    {
        var outcome = Parse($"Tỉnh,1,1.1,1.2,1.3,1.4\nĐắk Nông,{dimension},1.2500,1.2500,1.2500,1.2500\n");
        Assert.Equal(warns, outcome.Warnings.Count == 1);
    }

    [Fact]
    public void Parse_UnscoredRows_AreKeptAsNotScored()
    {
        var outcome = Parse("Tỉnh,1,2\nĐắk Nông,,\nBình Thuận,*,*\nLâm Đồng,5,6\n");
        Assert.True(outcome.Succeeded);
        Assert.Equal(3, outcome.Units.Count);
        Assert.All(outcome.Units.Take(2), u => { Assert.False(u.Scored); Assert.Empty(u.Nodes); });
        Assert.True(outcome.Units[2].Scored);
    }

    [Fact]
    public void Parse_OfficialRankAndGroup_AreStoredAsOfficial()
    {
        var outcome = Parse("Tỉnh,total,rank,group,1 group,Xếp hạng 1\nĐắk Nông,12,3,Cao nhất,Lowest,7\nLâm Đồng,11,4,2,4,8\n");
        Assert.True(outcome.Succeeded);
        var total = Node(outcome, 2, "total");
        Assert.Equal((3, 1), (total.OfficialRank!.Value, total.OfficialGroup!.Value));
        Assert.Equal((7, 4), (Node(outcome, 2, "1").OfficialRank!.Value, Node(outcome, 2, "1").OfficialGroup!.Value));
        Assert.Equal(2, Node(outcome, 3, "total").OfficialGroup);
    }

    [Fact]
    public void Parse_SelfAssessedAndAppraisedColumns_AreBothKept()
    {
        var outcome = Parse("Tỉnh,1.1 tự đánh giá,1.1,1.2:self,1.2 thẩm định\nĐắk Nông,2.5,2,2.25,1.5\n");
        Assert.True(outcome.Succeeded);
        Assert.Equal((2.5m, 2m), (Node(outcome, 2, "1.1").SelfAssessed!.Value, Node(outcome, 2, "1.1").Score!.Value));
        Assert.Equal((2.25m, 1.5m), (Node(outcome, 2, "1.2").SelfAssessed!.Value, Node(outcome, 2, "1.2").Score!.Value));
    }

    [Fact]
    public void Parse_Xlsx_ReadsNumbersWithTheirPrintedPrecision()
    {
        var bytes = TestXlsx.Create([["Tỉnh", "1", "1.1", "1.2", "1.3", "1.4"], ["Đắk Nông", "5.02", "1.25", "1.25", "1.25", "1.25"], ["TP. Hồ Chí Minh", "6", "1.5", "1.5", "1.5", "1.5"]]);
        var outcome = Parse(bytes, "kq.xlsx");
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.Select(e => e.MessageEn)));
        Assert.Equal(5.02m, Node(outcome, 2, "1").Score);
        Assert.Empty(outcome.Warnings);
        Assert.Equal("79", outcome.Units[1].Unit!.Code);
    }

    [Fact]
    public void Parse_ValueOutOfRange_IsAnErrorNamingRowAndColumn() => AssertError(Parse("Tỉnh,1.1\nĐắk Nông,2.6\n"), 2, "1.1");

    [Fact]
    public void Parse_DuplicateUnit_IsAnErrorOnTheSecondRow()
    {
        var outcome = Parse("Tỉnh,1\nĐắk Nông,5\nDak Nong,6\n");
        AssertError(outcome, 3, "Tỉnh");
        Assert.Contains("dòng 2", outcome.Errors[0].MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownUnit_IsAnError() => AssertError(Parse("Tỉnh,1\nAtlantis,5\n"), 2, "Tỉnh");

    [Fact]
    public void Parse_AmbiguousUnit_IsAnErrorListingTheCandidates()
    {
        Unit[] communes =
        [
            new() { Id = 1, Code = "00001", Kind = UnitKind.Commune, Name = "Tân Lập", FullName = "Xã Tân Lập" },
            new() { Id = 2, Code = "00002", Kind = UnitKind.Commune, Name = "Tân Lập", FullName = "Phường Tân Lập" },
        ];
        var matcher = new UnitNameMatcher(communes);
        var parser = new ResultsFileParser(TestFrameworks.Small(), t => matcher.Match(t, In2019));
        var outcome = parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes("Xã,1\nTân Lập,5\n")), "x.csv", "text/csv");
        AssertError(outcome, 2, "Xã");
        Assert.Contains("Phường Tân Lập", outcome.Errors[0].MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownColumn_IsAnErrorOnRow1() => AssertError(Parse("Tỉnh,1,9.9\nĐắk Nông,5,1\n"), 1, "9.9");

    [Fact]
    public void Parse_DuplicateColumn_IsAnError() => AssertError(Parse("Tỉnh,total,Tổng điểm\nĐắk Nông,5,5\n"), 1, "Tổng điểm");

    [Fact]
    public void Parse_NotANumber_IsAnError() => AssertError(Parse("Tỉnh,1\nĐắk Nông,abc\n"), 2, "1");

    [Fact]
    public void Parse_RowWithFewerCellsThanTheHeader_IsAnErrorNamingTheRow()
    {
        // "Thanh Hoá,2,2" lost two cells: padding them would import a province as not scored on 1.3 and 1.4.
        var outcome = Parse("Tỉnh,1.1,1.2,1.3,1.4\nĐắk Nông,1.5,1.25,2,1.75\nThanh Hoá,2,2\n");

        AssertError(outcome, 3, "");
        Assert.Contains("ít ô hơn dòng tiêu đề", outcome.Errors.Single().MessageVi, StringComparison.Ordinal);
        Assert.Contains("fewer cells than the header", outcome.Errors.Single().MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HundredThousandBadRows_AnswersTheFirst200AndACount()
    {
        var csv = new StringBuilder("Tỉnh,1.1\n");
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append("Tỉnh Không Có ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(",1\n");
        }

        var outcome = Parse(csv.ToString());

        Assert.Equal(201, outcome.Errors.Count);
        Assert.Equal(Enumerable.Range(2, 200), outcome.Errors.Take(200).Select(e => e.Row!.Value));
        var last = outcome.Errors[^1];
        Assert.Equal(ChiSo.Common.ProblemCodes.Truncated, last.Code);
        Assert.Contains("99.800 lỗi khác", last.MessageVi, StringComparison.Ordinal);
        Assert.Contains("99,800 more", last.MessageEn, StringComparison.Ordinal);
        Assert.Empty(outcome.Units);
    }

    [Fact]
    public void Parse_FileBeyondTheLimits_IsRefusedNamingTheLimit()
    {
        var parser = new ResultsFileParser(TestFrameworks.Small(), t => Matcher.Match(t, In2019), new ChiSo.Intake.IntakeLimits { MaxRows = 3 });
        var outcome = parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes("Tỉnh,1\nĐắk Nông,5\nThanh Hoá,5\nLâm Đồng,5\n")), "kq.csv", null);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((4, ChiSo.Common.ProblemCodes.TooLarge), (error.Row, error.Code));
        Assert.Contains("Uploads:MaxRows", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyFile_IsAnError() => AssertError(Parse([], "kq.csv"), 0, "");

    [Fact]
    public void Parse_HeaderOnly_IsAnError() => AssertError(Parse("Tỉnh,1,2\n"), 2, "");

    [Fact]
    public void Parse_Latin1Bytes_AreRefusedNotGarbled()
    {
        var latin1 = Encoding.Latin1.GetBytes("Tỉnh,1\nÀ Nẵng,5\n".Replace("ỉ", "i", StringComparison.Ordinal).Replace("ẵ", "a", StringComparison.Ordinal));
        var outcome = Parse(latin1, "kq.csv");
        AssertError(outcome, 0, "");
        Assert.Contains("UTF-8", outcome.Errors[0].MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Utf16WithBom_IsAccepted()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Tỉnh,1\nĐắk Nông,5\n")).ToArray();
        Assert.True(Parse(bytes, "kq.csv").Succeeded);
    }

    [Fact]
    public void Parse_CorruptXlsx_IsAnError() =>
        AssertError(Parse([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], "kq.xlsx"), 0, "");

    [Fact]
    public void Parse_SeveralProblems_AreAllReportedAndNothingIsReturned()
    {
        var outcome = Parse("Tỉnh,1.1,1.2,xyz\nĐắk Nông,9,abc,1\nAtlantis,1,1,1\n");
        Assert.Empty(outcome.Units);
        Assert.Contains(outcome.Errors, e => e.Row == 1 && e.Column == "xyz");
        Assert.Contains(outcome.Errors, e => e.Row == 2 && e.Column == "1.1");
        Assert.Contains(outcome.Errors, e => e.Row == 2 && e.Column == "1.2");
        Assert.Contains(outcome.Errors, e => e.Row == 3 && e.Column == "Tỉnh");
    }

    [Fact]
    public void Parse_QuotedCellsWithLineBreaks_KeepSpreadsheetRowNumbers()
    {
        var outcome = Parse("\"Tỉnh, thành\",1\n\"Đắk\nNông\",5\nAtlantis,5\n");
        AssertError(outcome, 3, "Tỉnh, thành");
    }
}
