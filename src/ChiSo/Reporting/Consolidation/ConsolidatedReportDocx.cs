using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ChiSo.Plans.Documents;
using static ChiSo.Plans.Documents.DocxElements;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// A period's consolidated report as a Word document in the Decree 30/2020 layout, with the plan document's own header,
/// title and signature blocks (<see cref="PlanDocx"/>): the opening; I. the results — the general result, then one part
/// per dimension; II. difficulties; III. proposals; "Nơi nhận" and the signature; then on landscape pages Phụ lục I, the
/// task results, and Phụ lục II, the late and missing units, a row each with
/// their reports by task code (the workbook has a row per report).
/// </summary>
public static class ConsolidatedReportDocx
{
    private const double TableSize = 12;

    public static byte[] Write(ConsolidatedReport report)
    {
        return DocxPackage.Write((body, headers) =>
        {
            var width = TextWidth(landscape: false);
            body.Append(PlanDocx.HeaderBlock(report.Document, width, attached: false));
            body.Append(PlanDocx.TitleBlock(report.Document.Kind.Title, report.Document.Summary, null, null, width));
            body.Append(Narrative(report));
            body.Append(PlanDocx.BottomBlock(report.Document, width));
            // A section ends at the paragraph holding its sectPr; the appendices are the final, landscape section.
            body.Append(new Paragraph(new ParagraphProperties(Section(landscape: false, headers))));
            body.Append(TasksAppendix(report));
            body.Append(OutstandingAppendix(report));
            body.Append(Section(landscape: true, headers, restartNumbering: true));
        });
    }

    private static IEnumerable<OpenXmlElement> Narrative(ConsolidatedReport report)
    {
        var text = report.Text;
        foreach (var paragraph in Paragraphs(text.Opening, RunLook.Body, () => Body()))
        {
            yield return paragraph;
        }

        yield return Heading("I. KẾT QUẢ THỰC HIỆN");
        yield return Heading("1. Kết quả chung");
        foreach (var paragraph in Lines(text.Summary))
        {
            yield return paragraph;
        }

        var n = 1;
        foreach (var section in text.Results)
        {
            n++;
            yield return Heading(section.Code.Length == 0 ? $"{n}. {section.Title}" : $"{n}. Đối với nội dung “{section.Title.Trim()}”");
            foreach (var paragraph in Lines(section.Text))
            {
                yield return paragraph;
            }
        }

        yield return Paragraph("(Kết quả thực hiện từng nhiệm vụ tại Phụ lục I; danh sách cơ quan, đơn vị chậm, chưa gửi báo cáo tại Phụ lục II kèm theo.)",
            new RunLook(Italic: true), Body());
        yield return Heading("II. KHÓ KHĂN, VƯỚNG MẮC");
        foreach (var paragraph in Lines(text.Difficulties, "Không có."))
        {
            yield return paragraph;
        }

        yield return Heading("III. ĐỀ XUẤT, KIẾN NGHỊ");
        foreach (var paragraph in Lines(text.Proposals, "Không có."))
        {
            yield return paragraph;
        }

        yield return Paragraph(report.Closing, RunLook.Body, Body());
    }

    /// <summary>The lines of a part as body paragraphs; an empty part prints <paramref name="empty"/> (or nothing).</summary>
    private static IEnumerable<Paragraph> Lines(string text, string? empty = null)
    {
        var lines = VietnameseTypography.Lines(text).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 && empty is not null)
        {
            lines.Add(empty);
        }

        return lines.Select(line => Paragraph(line, RunLook.Body, Body()));
    }

    private static Paragraph Heading(string text) => Paragraph(text, RunLook.Body.AsBold(), new ParagraphProperties(
        new KeepNext(),
        new SpacingBetweenLines { Before = "120", After = "120" },
        new Indentation { FirstLine = Twips(FirstLineIndent) },
        new Justification { Val = JustificationValues.Both }));

    private static IEnumerable<OpenXmlElement> TasksAppendix(ConsolidatedReport report)
    {
        foreach (var element in AppendixTitle("Phụ lục I", $"{ConsolidatedReport.TasksAppendixTitle} {report.PeriodWords}", report, pageBreak: false))
        {
            yield return element;
        }

        var columns = ReportColumns.Tasks;
        var widths = ReportColumns.Widths(columns, TextWidth(landscape: true));
        var table = Table(widths, borders: true);
        table.Append(HeaderRow(columns.Select(c => c.Header).ToList(), widths));
        var bold = new RunLook(TableSize, Bold: true);
        foreach (var group in report.Tasks)
        {
            table.Append(SpanRow(group.Code, group.Title, widths, bold));
            foreach (var task in group.Tasks)
            {
                table.Append(Row(columns.Select(c => (c.Value(task), c.Centered)).ToList(), widths));
            }
        }

        yield return table;
    }

    private static IEnumerable<OpenXmlElement> OutstandingAppendix(ConsolidatedReport report)
    {
        foreach (var element in AppendixTitle("Phụ lục II", $"{ConsolidatedReport.OutstandingAppendixTitle} {report.PeriodWords}", report, pageBreak: true))
        {
            yield return element;
        }

        if (report.Outstanding.Count == 0)
        {
            yield return Paragraph("Không có cơ quan, đơn vị nào chậm hoặc chưa gửi báo cáo.", RunLook.Body, Centered(before: 120));
            yield return new Paragraph(Centered());
            yield break;
        }

        // One row per unit (province agencies first, as the list comes), its reports by reason and due date in task codes.
        var columns = ReportColumns.OutstandingUnits;
        var widths = ReportColumns.Widths(columns, TextWidth(landscape: true));
        var table = Table(widths, borders: true);
        table.Append(HeaderRow(columns.Select(c => c.Header).ToList(), widths));
        var n = 0;
        foreach (var unit in report.Outstanding)
        {
            var number = (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            table.Append(Row(columns.Select(c => (c.Header == "STT" ? number : c.Value(unit), c.Centered)).ToList(), widths));
        }

        yield return table;
        // Word requires a paragraph after a table that ends a section.
        yield return new Paragraph(Centered());
    }

    private static IEnumerable<OpenXmlElement> AppendixTitle(string label, string title, ConsolidatedReport report, bool pageBreak)
    {
        var bold = RunLook.Body.AsBold();
        var first = Paragraph(label.ToUpper(ChiSo.Text.VietnameseFormat.Culture), bold, Centered());
        if (pageBreak)
        {
            first.ParagraphProperties!.PrependChild(new PageBreakBefore());
        }

        yield return first;
        yield return Paragraph(Upper(title), bold, Centered());
        yield return Paragraph(report.AttachedTo, new RunLook(Italic: true), Centered(after: 240));
    }

    private static TableRow HeaderRow(IReadOnlyList<string> headers, IReadOnlyList<int> widths)
    {
        var look = new RunLook(TableSize, Bold: true);
        var row = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < headers.Count; i++)
        {
            row.Append(Cell(widths[i], Paragraphs(headers[i], look, () => Centered(before: 40, after: 40)), middle: true));
        }

        return row;
    }

    /// <summary>A bold row: its code in the first column, its title across the others (a dimension, or a unit of Phụ lục II).</summary>
    private static TableRow SpanRow(string code, string title, IReadOnlyList<int> widths, RunLook look) => new(
        new TableRowProperties(new CantSplit()),
        Cell(widths[0], Paragraphs(code, look, () => Centered(before: 40, after: 40))),
        Cell(widths.Skip(1).Sum(), Paragraphs(title, look, () => Left(before: 40, after: 40)), span: widths.Count - 1));

    private static TableRow Row(IReadOnlyList<(string Text, bool Centered)> cells, IReadOnlyList<int> widths)
    {
        var look = new RunLook(TableSize);
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var centered = cells[i].Centered;
            row.Append(Cell(widths[i], Paragraphs(cells[i].Text, look, () => centered ? Centered(before: 40, after: 40) : Left(before: 40, after: 40))));
        }

        return row;
    }
}
