using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChiSo.Tests.TestData;

/// <summary>
/// Real files of each kind a report may carry, built byte by byte as their formats define them (a PDF with its
/// cross-reference table, a PNG with its checksummed chunks, a baseline JPEG with its Huffman tables), plus Office
/// files from DocumentFormat.OpenXml (<see cref="TestDocx"/>, <see cref="TestXlsx"/>) and ways to break each.
/// </summary>
public static class TestAttachments
{
    /// <summary>A one-page PDF 1.4 whose page says <paramref name="text"/> (ASCII).</summary>
    public static byte[] Pdf(string text = "Bao cao quy I")
    {
        var stream = $"BT /F1 12 Tf 20 100 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(FormattableString.Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = pdf.Length;
        pdf.Append(FormattableString.Invariant($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            pdf.Append(FormattableString.Invariant($"{offset:D10} 00000 n \n"));
        }

        pdf.Append(FormattableString.Invariant($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A grey-scale PNG of <paramref name="width"/> × <paramref name="height"/> pixels (a gradient), chunks and CRCs as the spec says.</summary>
    public static byte[] Png(int width = 4, int height = 3)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter method, no interlace
        Chunk(output, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                for (var x = 0; x < width; x++)
                {
                    zlib.WriteByte((byte)((x + y) * 255 / Math.Max(1, width + height - 2)));
                }
            }
        }

        Chunk(output, "IDAT", pixels.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>
    /// An 8 × 8 baseline JPEG, one grey component, every pixel mid-grey: quantisation table, a start of frame, Huffman
    /// tables with one code each (DC difference 0, AC end-of-block), and one block of entropy-coded data — "0" then "0",
    /// padded with 1s.
    /// </summary>
    public static byte[] Jpeg()
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        Segment(output, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(output, 0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(output, 0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
        Segment(output, 0xC4, [0x00, 1, .. new byte[15], 0x00]);
        Segment(output, 0xC4, [0x10, 1, .. new byte[15], 0x00]);
        Segment(output, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        output.Write([0x3F, 0xFF, 0xD9]);
        return output.ToArray();
    }

    public static byte[] Docx(string text = "Báo cáo kết quả thực hiện quý I") => TestDocx.Create(text, new DocxCell[][] { ["Chỉ tiêu", "Kết quả"], ["Số cuộc kiểm tra", "8"] });

    public static byte[] Xlsx() => TestXlsx.Create([["Chỉ tiêu", "Kết quả"], ["Số cuộc kiểm tra", "8"]]);

    /// <summary>An HTML page with a script: what a "PDF" that is really a web page holds.</summary>
    public static byte[] Html() => "<!DOCTYPE html><html><body><script>fetch('/api/v1/plans').then(r => r.text()).then(alert)</script></body></html>"u8.ToArray();

    /// <summary>The first bytes of a Windows program (the MZ header and its DOS stub's message).</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. "This program cannot be run in DOS mode."u8];

    /// <summary>A real PDF header and end, with an HTML page with a script in between: a PDF by its signature, a web page if a browser sniffed it.</summary>
    public static byte[] PdfCarryingHtml() => [.. "%PDF-1.4\n"u8, .. Html(), .. "\n%%EOF\n"u8];

    /// <summary>The package with <paramref name="entry"/> replaced by (or added as) <paramref name="text"/>.</summary>
    public static byte[] WithEntry(byte[] package, string entry, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entry)?.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        return stream.ToArray();
    }

    /// <summary>A Word file saved as macro-enabled (.docm): its main part declared with the macro type.</summary>
    public static byte[] Docm() => WithEntry(Docx(), "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>");

    /// <summary>A zip that is no Office file: just a text file inside.</summary>
    public static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("ghi-chu.txt").Open());
            writer.Write("Danh sách đơn vị");
        }

        return stream.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        output.Write(number);
    }

    private static void Segment(Stream output, byte marker, byte[] data)
    {
        output.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2)]);
        output.Write(data);
    }

    /// <summary>The CRC-32 PNG chunks carry (polynomial 0xEDB88320, as zip uses).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
