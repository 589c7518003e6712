using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static ChiSo.Plans.Documents.DocxElements;

namespace ChiSo.Plans.Documents;

/// <summary>
/// The appendix pages: "PHỤ LỤC", its title, the "Kèm theo …" line and the task table at full landscape width,
/// 12 pt, the header row repeated on every page, a bold row per group spanning the task columns.
/// </summary>
internal static class PlanDocxAppendix
{
    private const double TableSize = 12;

    /// <summary>Rows longer than this many characters in one cell may split: keeping them whole would leave gaps of a page.</summary>
    private const int UnsplittableCharacters = 700;

    public static IEnumerable<OpenXmlElement> Build(PlanDocumentContent content, PlanAppendix appendix)
    {
        var bold = RunLook.Body.AsBold();
        yield return Paragraph("PHỤ LỤC", bold, Centered());
        foreach (var paragraph in Paragraphs(Upper(appendix.Title), bold, () => Centered()))
        {
            yield return paragraph;
        }

        yield return Paragraph(PlanDocumentLines.AttachedTo(content), new RunLook(Italic: true), Centered(after: 240));
        yield return TaskTable(appendix);

        // Word requires a paragraph after a table that ends a section.
        yield return new Paragraph(Centered());
    }

    private static Table TaskTable(PlanAppendix appendix)
    {
        var columns = AppendixColumns.For(appendix);
        var widths = Widths(columns, TextWidth(landscape: true));
        var table = Table(widths, borders: true);
        var headerLook = new RunLook(TableSize, Bold: true);

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < columns.Count; i++)
        {
            header.Append(Cell(widths[i], Paragraphs(columns[i].Header, headerLook, () => Centered(before: 40, after: 40)), middle: true));
        }

        table.Append(header);
        foreach (var group in appendix.Groups)
        {
            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                Cell(widths[0], Paragraphs(group.Code, headerLook, () => Centered(before: 40, after: 40))),
                Cell(widths.Skip(1).Sum(), Paragraphs(group.Title, headerLook, () => Left(before: 40, after: 40)), span: columns.Count - 1)));
            foreach (var task in group.Tasks)
            {
                table.Append(TaskRow(task, columns, widths));
            }
        }

        return table;
    }

    private static TableRow TaskRow(AppendixTask task, IReadOnlyList<AppendixColumn> columns, IReadOnlyList<int> widths)
    {
        var row = new TableRow();
        if (columns.Max(c => c.Value(task).Length) <= UnsplittableCharacters)
        {
            row.Append(new TableRowProperties(new CantSplit()));
        }

        var look = new RunLook(TableSize);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            Func<ParagraphProperties> properties = column.Centered ? () => Centered(before: 40, after: 40) : () => CellText();
            row.Append(Cell(widths[i], Paragraphs(column.Value(task), look, properties)));
        }

        return row;
    }

    // Left-aligned, not justified: columns of 3 cm justify into wide gaps between words.
    private static ParagraphProperties CellText() => Left(before: 40, after: 40);

    /// <summary>Shares <paramref name="total"/> twips by the columns' weights; the last column takes the rounding rest.</summary>
    internal static int[] Widths(IReadOnlyList<AppendixColumn> columns, int total)
    {
        var weights = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => total * c.Weight / weights).ToArray();
        widths[^1] += total - widths.Sum();
        return widths;
    }
}
