using System.IO.Compression;
using System.Xml;
using ChiSo.Common;
using ChiSo.Intake;

namespace ChiSo.Reporting.Attachments;

/// <summary>An upload that passed inspection: what its content is, and the name it will be downloaded under.</summary>
public sealed record InspectedFile(AttachmentKind Kind, string FileName);

/// <summary>
/// Decides what an uploaded file is from its bytes alone — never from its name or the content type the client sent —
/// and refuses what is none of the accepted kinds, what is not whole, and what is named as another type than it is (a
/// PNG renamed .docx, an HTML page or a program renamed .pdf). Word and Excel files are zip packages: they are first
/// bounded by the same check as every import (<see cref="PackageGuard"/>, the <c>Uploads:</c> limits), so a
/// decompression bomb stops before any part of it is read, then must hold [Content_Types].xml and their main part
/// declared with its macro-free type.
/// </summary>
public static class AttachmentInspector
{
    private const string DocxMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string XlsxMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>[Content_Types].xml lists a few dozen types; more than this is no Office file.</summary>
    private const int MaxContentTypesChars = 1_000_000;

    public static Outcome<InspectedFile> Inspect(byte[] bytes, string? fileName, long maxBytes, IntakeLimits limits)
    {
        if (bytes.LongLength > maxBytes)
        {
            return AttachmentProblems.TooLarge(maxBytes);
        }

        if (bytes.Length == 0)
        {
            return AttachmentProblems.Empty();
        }

        AttachmentKind kind;
        if (FileStructure.IsPdf(bytes))
        {
            kind = AttachmentKind.Pdf;
            if (!FileStructure.PdfComplete(bytes))
            {
                return AttachmentProblems.Damaged(kind);
            }
        }
        else if (FileStructure.IsPng(bytes))
        {
            kind = AttachmentKind.Png;
            if (!FileStructure.PngComplete(bytes))
            {
                return AttachmentProblems.Damaged(kind);
            }
        }
        else if (FileStructure.IsJpeg(bytes))
        {
            kind = AttachmentKind.Jpeg;
            if (!FileStructure.JpegComplete(bytes))
            {
                return AttachmentProblems.Damaged(kind);
            }
        }
        else if (IntakeFormat.IsZip(bytes))
        {
            var office = OfficeKind(bytes, limits);
            if (!office.Succeeded)
            {
                return office.Cast<InspectedFile>();
            }

            kind = office.Value;
        }
        else
        {
            return AttachmentProblems.NotAccepted();
        }

        var name = AttachmentFileName.Clean(fileName);
        if (AttachmentFileName.ExtensionOf(name) is { } extension && AttachmentKinds.Named(extension) != kind)
        {
            return AttachmentProblems.Mismatch(extension, kind);
        }

        return Outcome.Ok(new InspectedFile(kind, AttachmentFileName.For(name, kind)));
    }

    private static Outcome<AttachmentKind> OfficeKind(byte[] bytes, IntakeLimits limits)
    {
        var problems = new ProblemCollector();
        try
        {
            if (!PackageGuard.Check(bytes, limits, problems))
            {
                return Outcome<AttachmentKind>.Fail(problems.ToList());
            }

            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var word = zip.GetEntry("word/document.xml") is not null;
            var excel = zip.GetEntry("xl/workbook.xml") is not null;
            if (zip.GetEntry("[Content_Types].xml") is not { } types || word == excel)
            {
                return AttachmentProblems.NotAccepted();
            }

            var kind = word ? AttachmentKind.Docx : AttachmentKind.Xlsx;
            if (zip.Entries.Any(e => e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return AttachmentProblems.Macros();
            }

            var declared = DeclaredType(types, word ? "/word/document.xml" : "/xl/workbook.xml");
            if (declared?.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) == true)
            {
                return AttachmentProblems.Macros();
            }

            // A template (.dotx, .xltx) or anything else declaring another main type is not what it is named.
            return declared == (word ? DocxMain : XlsxMain) ? Outcome.Ok(kind) : AttachmentProblems.NotAccepted();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            // A zip whose directory or parts do not read: cut off, damaged, or only made to look like an Office file.
            return AttachmentProblems.DamagedPackage();
        }
    }

    /// <summary>
    /// The content type [Content_Types].xml gives <paramref name="part"/>: its Override, else the Default for its extension
    /// (the packaging library behind DocumentFormat.OpenXml writes the main part's type as the Default for "xml").
    /// </summary>
    private static string? DeclaredType(ZipArchiveEntry types, string part)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxContentTypesChars, IgnoreComments = true,
        };
        using var reader = XmlReader.Create(types.Open(), settings);
        string? overridden = null;
        string? byExtension = null;
        var extension = part[(part.LastIndexOf('.') + 1)..];
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "Override" && string.Equals(reader.GetAttribute("PartName"), part, StringComparison.OrdinalIgnoreCase))
            {
                overridden = reader.GetAttribute("ContentType");
            }
            else if (reader.LocalName == "Default" && string.Equals(reader.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            {
                byExtension = reader.GetAttribute("ContentType");
            }
        }

        return overridden ?? byExtension;
    }
}
