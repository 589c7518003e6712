using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Text;

namespace ChiSo.Plans.Import;

/// <summary>
/// Reads the appendix table of a plan from the file a province already has — Word (.docx), Excel (.xlsx, .xls) or
/// CSV — through <see cref="IntakeReader"/>. In a Word plan the appendix is the table after a "PHỤ LỤC" paragraph, else
/// the largest one; a table Word users split at page breaks (each part repeating the header) is joined back together
/// and its rows numbered 1… as one table. Never throws on a bad file: the table comes back empty with the problem.
/// Rows keep the cells the file gave them and are padded to one width: an appendix's section and continuation rows
/// legitimately stop early (a CSV "I. Chỉ số…" line has one cell), unlike a results or definition file.
/// </summary>
public static class AppendixTableReader
{
    public static AppendixTable Read(IntakeFile file, AppendixReadOptions? options = null, IntakeLimits? limits = null)
    {
        var problems = new ProblemCollector();
        var tables = IntakeReader.ReadTables(file, IntakeFormats.All, limits ?? IntakeLimits.Default, problems);
        if (tables is null)
        {
            return new AppendixTable([], 0, problems.ToList());
        }

        if (tables.Count == 0)
        {
            return AppendixTable.Failed(AppendixColumnMapper.EmptyFile());
        }

        var isWord = IntakeFormat.Detect(file.Bytes, file.FileName, file.ContentType) == IntakeFormats.Docx;
        var rows = isWord
            ? Chosen(tables).Select((cells, i) => (i + 1, cells)).ToList()
            : tables[0].Rows.Select(r => (r.Number, Cells(r))).ToList();
        return GridBuilder.Build(rows, options ?? AppendixReadOptions.Default);
    }

    public static AppendixTable ReadDocx(byte[] bytes, AppendixReadOptions? options = null) => Read(new IntakeFile(bytes, "appendix.docx"), options);

    /// <summary>XLSX or XLS: the first worksheet.</summary>
    public static AppendixTable ReadXlsx(byte[] bytes, AppendixReadOptions? options = null) => Read(new IntakeFile(bytes, "appendix.xlsx"), options);

    public static AppendixTable ReadCsv(byte[] bytes) => Read(new IntakeFile(bytes, "appendix.csv"));

    private static List<AppendixCell> Cells(IntakeRow row) =>
        row.Cells.Select(c => c.IsEmpty && !c.VerticalContinuation && !c.HorizontalContinuation
            ? AppendixCell.Empty
            : new AppendixCell(c.Text, c.Bold, c.VerticalContinuation, c.HorizontalContinuation)).ToList();

    private sealed class Chain(string signature, bool afterAppendixHeading)
    {
        public string Signature { get; } = signature;

        public bool AfterAppendixHeading { get; } = afterAppendixHeading;

        public List<List<AppendixCell>> Rows { get; } = [];
    }

    /// <summary>The rows of the appendix: consecutive tables with the same header joined, the first after "PHỤ LỤC" or the largest.</summary>
    private static List<List<AppendixCell>> Chosen(IReadOnlyList<IntakeTable> tables)
    {
        var chains = new List<Chain>();
        foreach (var table in tables)
        {
            var rows = table.Rows.Select(Cells).ToList();
            var signature = HeaderSignature(rows);
            var last = chains.Count > 0 ? chains[^1] : null;
            if (last is not null && signature.Length > 0 && last.Signature == signature)
            {
                last.Rows.AddRange(rows);
                continue;
            }

            var chain = new Chain(signature, table.AfterAppendixHeading && !chains.Any(c => c.AfterAppendixHeading));
            chain.Rows.AddRange(rows);
            chains.Add(chain);
        }

        var chosen = chains.FirstOrDefault(c => c.AfterAppendixHeading) ?? chains.MaxBy(c => c.Rows.Sum(r => r.Count));
        return chosen!.Rows;
    }

    /// <summary>The folded text of the first header-like row among the first few, or "" when there is none.</summary>
    private static string HeaderSignature(List<List<AppendixCell>> rows)
    {
        foreach (var cells in rows.Take(4))
        {
            if (AppendixColumnMapper.LooksLikeHeader(new AppendixRow(0, cells)))
            {
                return string.Join("|", cells.Select(c => VietnameseText.Fold(c.Text)));
            }
        }

        return "";
    }
}
