using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiSo.Tests.TestData;

/// <summary>A cell of a test Word table: "\n" starts a new paragraph; Span is gridSpan; VMerge restart/continue.</summary>
public sealed record DocxCell(string Text, bool Bold = false, int Span = 1, MergedCellValues? VMerge = null)
{
    public static implicit operator DocxCell(string text) => new(text);
}

/// <summary>Writes a real DOCX: paragraphs and tables in order, so readers meet what Word produces.</summary>
public static class TestDocx
{
    /// <summary>Each block is either a string (a paragraph) or a DocxCell[][] (a table).</summary>
    public static byte[] Create(params object[] blocks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case string text:
                        body.Append(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text))));
                        break;
                    case DocxCell[][] rows:
                        body.Append(Table(rows));
                        // Word keeps a paragraph between tables, or they merge into one.
                        body.Append(new Paragraph());
                        break;
                }
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Table Table(DocxCell[][] rows)
    {
        var table = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })));
        foreach (var cells in rows)
        {
            var row = new TableRow();
            foreach (var cell in cells)
            {
                var properties = new TableCellProperties();
                if (cell.Span > 1)
                {
                    properties.Append(new GridSpan { Val = cell.Span });
                }

                if (cell.VMerge is { } merge)
                {
                    // Word writes a bare <w:vMerge/> for "continue": test that form, not Val=continue.
                    properties.Append(merge == MergedCellValues.Continue ? new VerticalMerge() : new VerticalMerge { Val = merge });
                }

                var tableCell = new TableCell(properties);
                foreach (var line in cell.Text.Split('\n'))
                {
                    var run = new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line) { Space = SpaceProcessingModeValues.Preserve });
                    if (cell.Bold)
                    {
                        run.PrependChild(new RunProperties(new Bold()));
                    }

                    tableCell.Append(new Paragraph(run));
                }

                row.Append(tableCell);
            }

            table.Append(row);
        }

        return table;
    }
}
