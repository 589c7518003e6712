using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static ChiSo.Plans.Documents.DocxElements;

namespace ChiSo.Plans.Documents;

/// <summary>
/// The two page headers every section uses: the page number, centred at the top (Decree 30), and an empty one
/// for first pages, explicit so a section never inherits a number onto its first page.
/// </summary>
internal sealed record PageHeaders(string NumberedId, string FirstId)
{
    public static PageHeaders Add(MainDocumentPart main)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            Centered(),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new RunProperties(new FontSize { Val = HalfPoints(BodySize) }), new DocumentFormat.OpenXml.Wordprocessing.Text("2")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph(Centered()));
        return new PageHeaders(main.GetIdOfPart(numbered), main.GetIdOfPart(first));
    }
}
