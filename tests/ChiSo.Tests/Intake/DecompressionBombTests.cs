using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Tests.TestData;

namespace ChiSo.Tests.Intake;

/// <summary>
/// The attacks of the issue, generated small: a workbook and a Word file that inflate far past the limits, and a
/// package that lies about its sizes. Each is refused before any Office reader sees it, with little memory.
/// </summary>
public sealed class DecompressionBombTests
{
    // Well above the 100 MB part and 200 MB package defaults; the files themselves are well under a megabyte.
    private const long Inflated = 300L * 1024 * 1024;

    /// <summary>Bytes allocated by this thread while reading: the reader is synchronous, so this is its whole cost.</summary>
    private static (IReadOnlyList<IntakeTable>? Tables, ProblemCollector Problems, long Allocated) Read(byte[] bytes, string name, IntakeLimits? limits = null)
    {
        var problems = new ProblemCollector();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var tables = IntakeReader.ReadTables(new IntakeFile(bytes, name), IntakeFormats.All, limits ?? IntakeLimits.Default, problems);
        return (tables, problems, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ReadTables_XlsxBomb_IsRefusedNamingThePartAndTheLimit()
    {
        var bomb = ZipBombs.Xlsx(Inflated);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        var (tables, problems, allocated) = Read(bomb, "ket-qua.xlsx");

        Assert.Null(tables);
        var problem = Assert.Single(problems.ToList());
        Assert.Equal(ProblemCodes.TooLarge, problem.Code);
        Assert.Equal("file", problem.Field);
        Assert.Contains("xl/worksheets/sheet1.xml", problem.MessageVi, StringComparison.Ordinal);
        Assert.Contains("Uploads:MaxInflatedEntryBytes", problem.MessageEn, StringComparison.Ordinal);
        Assert.True(allocated < 20L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void ReadTables_DocxBomb_IsRefusedWithLittleMemory()
    {
        var (tables, problems, allocated) = Read(ZipBombs.Docx(Inflated), "ke-hoach.docx");

        Assert.Null(tables);
        var problem = Assert.Single(problems.ToList());
        Assert.Equal(ProblemCodes.TooLarge, problem.Code);
        Assert.Contains("word/document.xml", problem.MessageEn, StringComparison.Ordinal);
        Assert.True(allocated < 20L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void ReadTables_CentralDirectoryUnderDeclaresTheSize_IsStillRefused()
    {
        var limits = new IntakeLimits { MaxInflatedEntryBytes = 8L * 1024 * 1024, MaxInflatedBytes = 16L * 1024 * 1024 };
        var liar = ZipBombs.UnderDeclared(ZipBombs.Docx(64L * 1024 * 1024), "word/document.xml", 1_000);

        var (tables, problems, allocated) = Read(liar, "ke-hoach.docx", limits);

        Assert.Null(tables);
        var problem = Assert.Single(problems.ToList());
        // .NET's inflater stops at the declared size, so the lie gives a cut-off part that no reader accepts (and
        // the guard's own count would stop it at the limit if it did not): refused either way, never inflated.
        Assert.Equal("file", problem.Field);
        Assert.False(problem.IsWarning);
        Assert.True(allocated < 20L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void ReadTables_ManyPartsDeclared_IsRefusedBeforeTheDirectoryIsRead()
    {
        var package = ZipBombs.Create("word/document.xml", 1, "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>", " ", "</w:body></w:document>",
            [.. Enumerable.Range(0, 50).Select(i => ($"media/{i}.txt", "x"))]);

        var (tables, problems, _) = Read(package, "ke-hoach.docx", new IntakeLimits { MaxZipEntries = 20 });

        Assert.Null(tables);
        Assert.Contains("Uploads:MaxZipEntries", Assert.Single(problems.ToList()).MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTables_BombWithinLimits_IsReadNormally()
    {
        // The same shape, small: proves the refusals above come from the bounds, not from the shape of the file.
        var (tables, problems, _) = Read(ZipBombs.Docx(64 * 1024), "ke-hoach.docx");

        Assert.False(problems.Any, string.Join("; ", problems.ToList()));
        Assert.Empty(tables!);
    }
}
