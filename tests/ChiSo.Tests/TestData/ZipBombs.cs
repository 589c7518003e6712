using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChiSo.Tests.TestData;

/// <summary>
/// Decompression bombs as attackers send them: a small zip whose one part inflates to hundreds of megabytes of
/// repeated XML, and a zip whose central directory under-declares that part's size. Written part by part so the test
/// itself never holds the inflated text.
/// </summary>
public static class ZipBombs
{
    /// <summary>A package with <paramref name="bigEntry"/> inflating to at least <paramref name="inflatedBytes"/>.</summary>
    public static byte[] Create(string bigEntry, long inflatedBytes, string prefix, string repeated, string suffix, params (string Name, string Text)[] others)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in others)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            using var big = zip.CreateEntry(bigEntry, CompressionLevel.SmallestSize).Open();
            big.Write(Encoding.UTF8.GetBytes(prefix));
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeated, Math.Max(1, 65536 / repeated.Length))));
            for (long written = 0; written < inflatedBytes; written += chunk.Length)
            {
                big.Write(chunk);
            }

            big.Write(Encoding.UTF8.GetBytes(suffix));
        }

        return stream.ToArray();
    }

    /// <summary>A workbook whose first sheet is rows of one cell, repeated until it inflates to <paramref name="inflatedBytes"/>.</summary>
    public static byte[] Xlsx(long inflatedBytes) => Create("xl/worksheets/sheet1.xml", inflatedBytes,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
        "<row><c t=\"inlineStr\"><is><t>Sở Nội vụ</t></is></c></row>", "</sheetData></worksheet>",
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"));

    /// <summary>A Word document whose body is one paragraph of repeated text inflating to <paramref name="inflatedBytes"/>.</summary>
    public static byte[] Docx(long inflatedBytes) => Create("word/document.xml", inflatedBytes,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>",
        "Nâng cao chỉ số PAPI. ", "</w:t></w:r></w:p></w:body></w:document>",
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));

    /// <summary>
    /// The package with <paramref name="entry"/>'s uncompressed size rewritten to <paramref name="declared"/> in both
    /// its local header and the central directory: the sizes a reader checks before inflating now lie.
    /// </summary>
    public static byte[] UnderDeclared(byte[] package, string entry, uint declared)
    {
        var bytes = (byte[])package.Clone();
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i, 4));
            if (signature == 0x04034b50 && NameAt(bytes, i + 30, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26, 2)), name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22, 4), declared);
            }
            else if (signature == 0x02014b50 && NameAt(bytes, i + 46, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28, 2)), name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24, 4), declared);
            }
        }

        return bytes;
    }

    private static bool NameAt(byte[] bytes, int at, int length, byte[] name) =>
        length == name.Length && at + length <= bytes.Length && bytes.AsSpan(at, length).SequenceEqual(name);
}
