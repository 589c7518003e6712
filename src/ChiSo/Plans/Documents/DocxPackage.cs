using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChiSo.Plans.Documents;

/// <summary>
/// The one way ChiSo writes a Word file (the plan, the consolidated report, the follow-up letter): a package with the
/// document defaults (<see cref="DocxStyles"/>) and the page-number headers (<see cref="PageHeaders"/>), a body the
/// writer fills — ending with its sections — saved and returned as bytes.
/// </summary>
internal static class DocxPackage
{
    public static byte[] Write(Action<Body, PageHeaders> fill)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Build();
            var headers = PageHeaders.Add(main);
            var body = new Body();
            main.Document = new Document(body);
            fill(body, headers);
            main.Document.Save();
        }

        return buffer.ToArray();
    }
}
