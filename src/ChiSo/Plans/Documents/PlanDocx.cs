using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static ChiSo.Plans.Documents.DocxElements;

namespace ChiSo.Plans.Documents;

/// <summary>
/// A plan (or decision) as a Word document laid out per Decree 30/2020/NĐ-CP: A4 portrait, Times New Roman
/// 14 pt, the two-column header (issuer and number / national motto and date), title, body, recipients and
/// signature; then, when there is an appendix, a landscape section with the task table.
/// </summary>
public static class PlanDocx
{
    private const double HeaderSize = 13;
    private const int HeaderLeftWidth = 3600;
    private const int BottomLeftWidth = 4400;

    public static byte[] Write(PlanDocumentContent content)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Build();
            var headers = PageHeaders.Add(main);
            var body = new Body();
            main.Document = new Document(body);

            var width = TextWidth(landscape: false);
            body.Append(HeaderBlock(content, width));
            body.Append(TitleBlock(content, width));
            foreach (var paragraph in content.Preamble)
            {
                body.Append(Paragraphs(paragraph, RunLook.Body, () => Body()));
            }

            foreach (var section in content.Sections)
            {
                body.Append(Paragraphs(section.Heading, RunLook.Body.AsBold(), () => Heading()));
                foreach (var paragraph in section.Paragraphs)
                {
                    body.Append(Paragraphs(paragraph, RunLook.Body, () => Body()));
                }
            }

            body.Append(BottomBlock(content, width));
            if (content.Appendix is { } appendix)
            {
                // A section ends at the paragraph holding its sectPr; the body's last sectPr is the final section.
                body.Append(new Paragraph(new ParagraphProperties(Section(landscape: false, headers))));
                body.Append(PlanDocxAppendix.Build(content, appendix));
                body.Append(Section(landscape: true, headers, restartNumbering: true));
            }
            else
            {
                body.Append(Section(landscape: false, headers));
            }

            main.Document.Save();
        }

        return buffer.ToArray();
    }

    private static ParagraphProperties Heading() => new(
        new KeepNext(),
        new SpacingBetweenLines { Before = "120", After = "120" },
        new Indentation { FirstLine = Twips(FirstLineIndent) },
        new Justification { Val = JustificationValues.Both });

    private static Table HeaderBlock(PlanDocumentContent content, int width)
    {
        var rightWidth = width - HeaderLeftWidth;
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(content.Issuer.Parent))
        {
            left.Add(Paragraph(Upper(content.Issuer.Parent), new RunLook(HeaderSize), Centered()));
        }

        // A body's name is often printed over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"); "\n" marks the break.
        foreach (var line in content.Issuer.Name.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            left.Add(Paragraph(Upper(line), new RunLook(HeaderSize, Bold: true), Centered()));
        }

        left.Add(ShortRule(HeaderLeftWidth, 1100));
        left.Add(Paragraph(PlanDocumentLines.NumberLine(content), new RunLook(HeaderSize), Centered(before: 180)));

        var right = new List<Paragraph>
        {
            Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new RunLook(HeaderSize, Bold: true), Centered()),
            Paragraph("Độc lập - Tự do - Hạnh phúc", new RunLook(14, Bold: true, Underline: true), Centered()),
            Paragraph(PlanDocumentLines.PlaceAndDate(content), new RunLook(14, Italic: true), Centered(before: 240)),
        };

        var table = Table([HeaderLeftWidth, rightWidth], borders: false);
        table.Append(new TableRow(Cell(HeaderLeftWidth, left), Cell(rightWidth, right)));
        return table;
    }

    private static IEnumerable<OpenXmlElement> TitleBlock(PlanDocumentContent content, int width)
    {
        yield return Paragraph(content.Kind.Title, RunLook.Body.AsBold(), Centered(before: 360));
        foreach (var paragraph in Paragraphs(content.Summary, RunLook.Body.AsBold(), () => Centered()))
        {
            yield return paragraph;
        }

        if (!string.IsNullOrWhiteSpace(content.AmendmentNote))
        {
            yield return Paragraph("(" + content.AmendmentNote.Trim() + ")", new RunLook(Italic: true), Centered());
        }

        yield return ShortRule(width, 1700);
        yield return new Paragraph(Centered(after: 120));
    }

    private static Table BottomBlock(PlanDocumentContent content, int width)
    {
        var rightWidth = width - BottomLeftWidth;
        var left = new List<Paragraph> { Paragraph("Nơi nhận:", new RunLook(12, Bold: true, Italic: true), Left()) };
        left.AddRange(PlanDocumentLines.RecipientLines(content.Recipients).Select(line => Paragraph(line, new RunLook(11), Left())));

        var signature = content.Signature;
        var bold = RunLook.Body.AsBold();
        var right = new List<Paragraph> { Paragraph(Upper(signature.OnBehalf), bold, Centered()) };
        if (!string.IsNullOrWhiteSpace(signature.Deputy))
        {
            right.Add(Paragraph(Upper(signature.Deputy), bold, Centered()));
        }

        right.Add(Paragraph(Upper(signature.Title), bold, Centered()));

        // Room for the signature and the seal.
        for (var i = 0; i < 4; i++)
        {
            right.Add(new Paragraph(Centered()));
        }

        right.Add(Paragraph(signature.SignerName, bold, Centered()));

        var table = Table([BottomLeftWidth, rightWidth], borders: false);
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(BottomLeftWidth, left), Cell(rightWidth, right)));
        return table;
    }
}
