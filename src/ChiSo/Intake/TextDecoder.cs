using System.Text;

namespace ChiSo.Intake;

/// <summary>
/// The one decoding rule for text uploads: UTF-16 with its byte-order mark (little or big endian), else UTF-8 with or
/// without BOM. Anything else is refused rather than guessed: bytes that are not UTF-8 may be Windows-1258, Windows-1252,
/// TCVN3 (ABC) or VNI — old Vietnamese offices still have all four — and no test of the bytes tells them apart, so a
/// guess would import "Sá»Ÿ Ná»™i vá»¥" or "Së Néi vô" as a unit name. See docs/adr/0003.
/// </summary>
internal static class TextDecoder
{
    public static string? Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Strict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Strict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes, 2);
        }

        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Strict(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), bytes, offset);
    }

    private static string? Strict(Encoding encoding, byte[] bytes, int offset)
    {
        try
        {
            return encoding.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
