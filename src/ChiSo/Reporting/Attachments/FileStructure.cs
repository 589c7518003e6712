using System.Buffers.Binary;

namespace ChiSo.Reporting.Attachments;

/// <summary>
/// Whether a PDF, PNG or JPEG is whole: its structure walked from the signature to its end marker, every length checked
/// against the bytes actually there. A file cut off in transit, or one that only starts like an image, fails. Each walk
/// moves forward on every step, so it ends within the file's length whatever the bytes claim.
/// </summary>
internal static class FileStructure
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(PngSignature);

    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    /// <summary>A PDF ends with its "%%EOF" marker (writers may add a few bytes of line ends or padding after it).</summary>
    public static bool PdfComplete(ReadOnlySpan<byte> bytes)
    {
        var tail = bytes[Math.Max(0, bytes.Length - 1024)..];
        return bytes.Length > 16 && tail.IndexOf("%%EOF"u8) >= 0;
    }

    /// <summary>Chunks from IHDR to IEND, each length within the file.</summary>
    public static bool PngComplete(ReadOnlySpan<byte> bytes)
    {
        var at = PngSignature.Length;
        var first = true;
        while (at + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at, 4));
            var type = bytes.Slice(at + 4, 4);
            if (length > int.MaxValue || !IsChunkType(type) || (first && !type.SequenceEqual("IHDR"u8)))
            {
                return false;
            }

            var end = (long)at + 12 + length;
            if (end > bytes.Length)
            {
                return false;
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return true;
            }

            first = false;
            at = (int)end;
        }

        return false;
    }

    /// <summary>Segments from SOI to EOI: marker lengths within the file, entropy-coded data scanned to the next marker.</summary>
    public static bool JpegComplete(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at < bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return false;
            }

            while (at < bytes.Length && bytes[at] == 0xFF)
            {
                at++; // fill bytes before a marker
            }

            if (at >= bytes.Length)
            {
                return false;
            }

            var marker = bytes[at++];
            if (marker == 0xD9)
            {
                return true; // end of image
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }

            if (at + 2 > bytes.Length)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at, 2));
            if (length < 2 || at + length > bytes.Length)
            {
                return false;
            }

            at += length;
            if (marker == 0xDA)
            {
                // Start of scan: the compressed data runs to the next marker; FF 00 is a stuffed FF, FF D0–D7 a restart.
                while (at < bytes.Length)
                {
                    if (bytes[at] != 0xFF)
                    {
                        at++;
                        continue;
                    }

                    if (at + 1 >= bytes.Length)
                    {
                        return false;
                    }

                    var next = bytes[at + 1];
                    if (next == 0x00 || next is >= 0xD0 and <= 0xD7)
                    {
                        at += 2;
                        continue;
                    }

                    break;
                }
            }
        }

        return false;
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (b is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')))
            {
                return false;
            }
        }

        return true;
    }
}
