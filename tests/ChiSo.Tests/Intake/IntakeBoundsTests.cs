using System.Text;
using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Tests.TestData;

namespace ChiSo.Tests.Intake;

/// <summary>Too wide, too long and too-long-cell files in each format: refused at the row and column where the bound was hit.</summary>
public sealed class IntakeBoundsTests
{
    private static readonly IntakeLimits Small = new() { MaxRows = 5, MaxColumns = 4, MaxCells = 12, MaxCellLength = 10 };

    private static (IntakeTable? Table, Problem? Problem) Read(byte[] bytes, string name, IntakeLimits? limits = null)
    {
        var problems = new ProblemCollector();
        var table = IntakeReader.ReadTable(new IntakeFile(bytes, name), IntakeFormats.All, limits ?? Small, problems);
        return (table, problems.ToList().SingleOrDefault());
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static string[][] Grid(int rows, int columns, string cell = "x") =>
        Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(cell, columns).ToArray()).ToArray();

    private static void AssertBound(Problem? problem, int row, string? column, string setting)
    {
        Assert.NotNull(problem);
        Assert.Equal(ProblemCodes.TooLarge, problem.Code);
        Assert.Equal((row, column), (problem.Row, problem.Column));
        Assert.Contains(setting, problem.MessageVi, StringComparison.Ordinal);
        Assert.Contains(setting, problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTable_CsvWithinBounds_IsRead()
    {
        var (table, problem) = Read(Csv("a,b,c\n1,2,3\n"), "x.csv");
        Assert.Null(problem);
        Assert.Equal([1, 2], table!.Rows.Select(r => r.Number));
    }

    [Fact]
    public void ReadTable_CsvTooWide_NamesRowAndColumn() =>
        AssertBound(Read(Csv("a,b,c\n1,2,3,4,5,6\n"), "x.csv").Problem, 2, "E", "Uploads:MaxColumns");

    [Fact]
    public void ReadTable_CsvTooLong_NamesTheFirstRowPastTheBound() =>
        AssertBound(Read(Csv("a\n1\n2\n3\n4\n5\n6\n7\n"), "x.csv").Problem, 6, null, "Uploads:MaxRows");

    [Fact]
    public void ReadTable_CsvTooManyCells_NamesTheRow() =>
        AssertBound(Read(Csv("a,b,c,d\n1,2,3,4\n1,2,3,4\n1,2,3,4\n"), "x.csv").Problem, 4, null, "Uploads:MaxCells");

    [Fact]
    public void ReadTable_CsvCellTooLong_NamesRowAndColumn() =>
        AssertBound(Read(Csv("a,b\n1,\"" + new string('x', 5_000) + "\"\n"), "x.csv").Problem, 2, "B", "Uploads:MaxCellLength");

    [Fact]
    public void ReadTable_CsvOneHugeQuotedField_StopsAtTheBoundWithoutBuildingIt()
    {
        var text = "a\n\"" + new string('x', 4_000_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var problem = Read(Csv(text), "x.csv").Problem;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertBound(problem, 2, "A", "Uploads:MaxCellLength");
        // Decoding the 4 MB file costs 8 MB of text; the field itself is never built.
        Assert.True(allocated < 12L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void ReadTable_XlsxTooWide_NamesRowAndColumn() =>
        AssertBound(Read(TestXlsx.Create(Grid(2, 6)), "x.xlsx").Problem, 1, "E", "Uploads:MaxColumns");

    [Fact]
    public void ReadTable_XlsxTooLong_NamesTheFirstRowPastTheBound() =>
        AssertBound(Read(TestXlsx.Create(Grid(8, 1)), "x.xlsx").Problem, 6, null, "Uploads:MaxRows");

    [Fact]
    public void ReadTable_XlsxCellTooLong_NamesRowAndColumn()
    {
        var rows = Grid(3, 2);
        rows[2][1] = new string('y', 11);
        AssertBound(Read(TestXlsx.Create(rows), "x.xlsx").Problem, 3, "B", "Uploads:MaxCellLength");
    }

    [Fact]
    public void ReadTable_XlsxMergePastTheSheetsWidth_CountsTheExpandedCells()
    {
        // Five rows of one cell (5 cells) and one merge over A1:D5: expanding it would make the 20 cells the bound refuses.
        var rows = Grid(5, 1);
        AssertBound(Read(TestMergedXlsx.Create(rows, "A1:D5"), "x.xlsx").Problem, 1, null, "Uploads:MaxCells");
    }

    [Fact]
    public void ReadTable_XlsxOneMergeOverAWholeSheet_StaysWithinTheCellBoundInMemory()
    {
        // A 20,000-row sheet of one column with a merge 2,000 columns wide: tiny on disk, 40 million cells expanded.
        var limits = new IntakeLimits();
        var rows = Grid(20_000, 1);
        var file = TestMergedXlsx.Create(rows, "A1:BXX20000");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (table, problem) = Read(file, "x.xlsx", limits);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(table);
        Assert.Equal(ProblemCodes.TooLarge, problem?.Code);
        Assert.True(allocated < 200L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void ReadTables_DocxTooLong_NamesTheRow()
    {
        var rows = Enumerable.Range(0, 7).Select(i => new DocxCell[] { $"{i}", "Nhiệm vụ" }).ToArray();
        var problems = new ProblemCollector();

        var tables = IntakeReader.ReadTables(new IntakeFile(TestDocx.Create("PHỤ LỤC", rows), "x.docx"), IntakeFormats.All, Small, problems);

        Assert.Null(tables);
        AssertBound(Assert.Single(problems.ToList()), 6, null, "Uploads:MaxRows");
    }

    [Fact]
    public void ReadTables_DocxSpanPastTheWidth_NamesTheRow()
    {
        DocxCell[][] rows = [["TT", "Nhiệm vụ"], [new DocxCell("Ô", Span: 9)]];
        var problems = new ProblemCollector();

        var tables = IntakeReader.ReadTables(new IntakeFile(TestDocx.Create("KẾ HOẠCH", rows), "x.docx"), IntakeFormats.All, Small, problems);

        Assert.Null(tables);
        AssertBound(Assert.Single(problems.ToList()), 2, "E", "Uploads:MaxColumns");
    }

    [Fact]
    public void ReadTables_DocxCellTooLong_NamesRowAndColumn()
    {
        DocxCell[][] rows = [["TT", "Nhiệm vụ"], ["1", "Một nhiệm vụ rất dài"]];
        var problems = new ProblemCollector();

        var tables = IntakeReader.ReadTables(new IntakeFile(TestDocx.Create("KẾ HOẠCH", rows), "x.docx"), IntakeFormats.All, Small, problems);

        Assert.Null(tables);
        AssertBound(Assert.Single(problems.ToList()), 2, "B", "Uploads:MaxCellLength");
    }

    [Fact]
    public void ReadTable_FileLargerThanTheUploadLimit_IsRefusedBeforeReading()
    {
        var problem = Read(Csv("a\n" + new string('1', 2_000)), "x.csv", new IntakeLimits { MaxFileBytes = 1_000 }).Problem;
        Assert.Equal(ProblemCodes.TooLarge, problem!.Code);
        Assert.Equal("file", problem.Field);
        Assert.Contains("Uploads:MaxFileBytes", problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_FitACommuneResultsFile()
    {
        // 3,321 communes × 120 nodes with rank and group columns: what a province-wide commune file holds.
        var limits = IntakeLimits.Default;
        Assert.Empty(limits.Validate());
        Assert.True(limits.MaxCells >= 3_322 * 361);
        Assert.True(limits.MaxColumns >= 361);
        Assert.True(limits.MaxCellLength >= 32_767);
    }

    [Fact]
    public void ReadTable_CommuneResultsFileOf3321RowsBy120Nodes_PassesTheDefaults()
    {
        var csv = new StringBuilder("unit," + string.Join(',', Enumerable.Range(1, 120).Select(i => $"n{i}")) + "\n");
        var scores = string.Join(',', Enumerable.Repeat("7.25", 120));
        for (var i = 0; i < 3_321; i++)
        {
            csv.Append("Xã ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(scores).Append('\n');
        }

        var (table, problem) = Read(Csv(csv.ToString()), "xa.csv", IntakeLimits.Default);

        Assert.Null(problem);
        Assert.Equal(3_322, table!.Rows.Count);
        Assert.Equal(121, table.ColumnCount);
    }

    [Fact]
    public void Validate_NonsenseSettings_NameTheSetting()
    {
        var problems = new IntakeLimits { MaxRows = 0, MaxInflatedEntryBytes = 10, MaxInflatedBytes = 5 }.Validate();
        Assert.Contains(problems, p => p.Contains("Uploads:MaxRows", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Uploads:MaxInflatedEntryBytes", StringComparison.Ordinal));
    }
}
