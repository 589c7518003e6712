using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static ChiSo.Plans.Documents.DocxElements;

namespace ChiSo.Plans.Documents;

/// <summary>
/// A plan as a Word document laid out per Decree 30/2020/NĐ-CP: A4 portrait, Times New Roman 14 pt, the two-column
/// header (issuer and number / national motto and date), title, grounds, body, recipients and signature; then, when
/// there is an appendix, a landscape section with the task table. A decision that issues the plan comes first, on its
/// own pages with its own recipients and signature; the plan follows on a new page, "(Ban hành kèm theo Quyết định …)"
/// under its title.
/// </summary>
public static class PlanDocx
{
    private const double HeaderSize = 13;
    private const int HeaderLeftWidth = 3600;
    private const int LetterLeftWidth = 4300;
    private const int BottomLeftWidth = 4400;

    public static byte[] Write(PlanDocumentContent content)
    {
        return DocxPackage.Write((body, headers) =>
        {
            var width = TextWidth(landscape: false);
            if (content.Decision is { } decision)
            {
                // The decision on its own pages, then the plan it issues, numbered from 1 again like any attached text.
                body.Append(HeaderBlock(content, width, attached: false));
                body.Append(TitleBlock(DocumentKind.Decision.Title, decision.Summary, content.AmendmentNote, null, width));
                body.Append(DecisionBody(content, decision));
                body.Append(BottomBlock(content, width));
                body.Append(new Paragraph(new ParagraphProperties(Section(landscape: false, headers))));
                body.Append(HeaderBlock(content, width, attached: true));
                body.Append(TitleBlock(DocumentKind.Plan.Title, content.Summary, null, PlanDocumentLines.IssuedWith(content), width));
                body.Append(PlanBody(content, grounds: false));
            }
            else
            {
                body.Append(HeaderBlock(content, width, attached: false));
                body.Append(TitleBlock(content.Kind.Title, content.Summary, content.AmendmentNote, null, width));
                body.Append(PlanBody(content, grounds: true));
                body.Append(BottomBlock(content, width));
            }

            var restart = content.Decision is not null;
            if (content.Appendix is { } appendix)
            {
                // A section ends at the paragraph holding its sectPr; the body's last sectPr is the final section.
                body.Append(new Paragraph(new ParagraphProperties(Section(landscape: false, headers, restartNumbering: restart))));
                body.Append(PlanDocxAppendix.Build(content, appendix));
                body.Append(Section(landscape: true, headers, restartNumbering: true));
            }
            else
            {
                body.Append(Section(landscape: false, headers, restartNumbering: restart));
            }
        });
    }

    /// <summary>The grounds (a plan's own, when no decision carries them), the introduction and the sections.</summary>
    private static IEnumerable<OpenXmlElement> PlanBody(PlanDocumentContent content, bool grounds)
    {
        if (grounds)
        {
            foreach (var element in Grounds(content))
            {
                yield return element;
            }
        }

        foreach (var paragraph in content.Preamble.SelectMany(p => Paragraphs(p, RunLook.Body, () => Body())))
        {
            yield return paragraph;
        }

        foreach (var section in content.Sections)
        {
            foreach (var paragraph in Paragraphs(section.Heading, RunLook.Body.AsBold(), () => Heading()))
            {
                yield return paragraph;
            }

            for (var i = 0; i < section.Paragraphs.Count; i++)
            {
                var look = section.SubHeadings.Contains(i) ? RunLook.Body.AsBold() : RunLook.Body;
                Func<ParagraphProperties> properties = section.SubHeadings.Contains(i) ? () => Heading() : () => Body();
                foreach (var paragraph in Paragraphs(section.Paragraphs[i], look, properties))
                {
                    yield return paragraph;
                }
            }
        }
    }

    /// <summary>Decree 30: the grounds in italics, one per line, each indented like the body.</summary>
    private static IEnumerable<Paragraph> Grounds(PlanDocumentContent content) =>
        content.Grounds.SelectMany(g => Paragraphs(g, new RunLook(Italic: true), () => Body()));

    /// <summary>
    /// The decision between its title and its signature: who decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), the grounds,
    /// "QUYẾT ĐỊNH:", then each article with its "Điều n." in bold.
    /// </summary>
    private static IEnumerable<OpenXmlElement> DecisionBody(PlanDocumentContent content, DecisionPart decision)
    {
        var bold = RunLook.Body.AsBold();
        yield return Paragraph(Upper(decision.Authority), bold, Centered(after: 240));
        foreach (var paragraph in Grounds(content))
        {
            yield return paragraph;
        }

        yield return Paragraph("QUYẾT ĐỊNH:", bold, Centered(before: 120, after: 240));
        foreach (var article in decision.Articles)
        {
            var lines = VietnameseTypography.Lines(article);
            var first = lines[0];
            var dot = first.StartsWith("Điều ", StringComparison.Ordinal) ? first.IndexOf(". ", StringComparison.Ordinal) : -1;
            yield return dot < 0
                ? Paragraph(first, RunLook.Body, Body())
                : new Paragraph(Body(), Run(first[..(dot + 1)], bold), Space(RunLook.Body), Run(first[(dot + 2)..], RunLook.Body));
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                yield return Paragraph(line, RunLook.Body, Body());
            }
        }
    }

    private static ParagraphProperties Heading() => new(
        new KeepNext(),
        new SpacingBetweenLines { Before = "120", After = "120" },
        new Indentation { FirstLine = Twips(FirstLineIndent) },
        new Justification { Val = JustificationValues.Both });

    /// <summary>
    /// Issuer and number at the left, the national motto and the place and date at the right. A plan issued with a
    /// decision repeats issuer and motto on its first page but carries no number or date of its own (Decree 30). A
    /// letter ("công văn") prints its summary ("V/v …", <paramref name="letterSubject"/>) under its number, in a wider left
    /// column. Shared with the plan's other documents (the consolidated report, the follow-up letter): one header for all.
    /// </summary>
    internal static Table HeaderBlock(PlanDocumentContent content, int width, bool attached, string? letterSubject = null)
    {
        var leftWidth = letterSubject is null ? HeaderLeftWidth : LetterLeftWidth;
        var rightWidth = width - leftWidth;
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

        left.Add(ShortRule(leftWidth, 1100));
        if (!attached)
        {
            left.Add(Paragraph(PlanDocumentLines.NumberLine(content), new RunLook(HeaderSize), Centered(before: 180)));
        }

        if (!string.IsNullOrWhiteSpace(letterSubject))
        {
            // Decree 30: a letter's summary under its number, 12–13 pt, upright.
            left.AddRange(Paragraphs(letterSubject, new RunLook(12), () => Centered(before: 60)));
        }

        var right = new List<Paragraph>
        {
            Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", new RunLook(HeaderSize, Bold: true), Centered()),
            Paragraph("Độc lập - Tự do - Hạnh phúc", new RunLook(14, Bold: true, Underline: true), Centered()),
        };
        if (!attached)
        {
            right.Add(Paragraph(PlanDocumentLines.PlaceAndDate(content), new RunLook(14, Italic: true), Centered(before: 240)));
        }

        var table = Table([leftWidth, rightWidth], borders: false);
        table.Append(new TableRow(Cell(leftWidth, left), Cell(rightWidth, right)));
        return table;
    }

    /// <summary>The kind in bold capitals, the summary in bold, an amendment note or the "Ban hành kèm theo …" line in italics, the short rule.</summary>
    internal static IEnumerable<OpenXmlElement> TitleBlock(string kind, string summary, string? amendmentNote, string? issuedWith, int width)
    {
        yield return Paragraph(kind, RunLook.Body.AsBold(), Centered(before: 360));
        foreach (var paragraph in Paragraphs(summary, RunLook.Body.AsBold(), () => Centered()))
        {
            yield return paragraph;
        }

        if (!string.IsNullOrWhiteSpace(amendmentNote))
        {
            yield return Paragraph("(" + amendmentNote.Trim() + ")", new RunLook(Italic: true), Centered());
        }

        if (!string.IsNullOrWhiteSpace(issuedWith))
        {
            yield return Paragraph(issuedWith, new RunLook(Italic: true), Centered());
        }

        yield return ShortRule(width, 1700);
        yield return new Paragraph(Centered(after: 120));
    }

    internal static Table BottomBlock(PlanDocumentContent content, int width)
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
