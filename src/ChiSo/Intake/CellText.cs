using ChiSo.Text;

namespace ChiSo.Intake;

/// <summary>
/// Cell text as every import receives it: NFC, each line trimmed with inner whitespace collapsed, blank lines dropped.
/// Lines are kept because they carry meaning in a plan ("- Sở Nội vụ" / "- Sở Tư pháp"); an import that wants one line
/// applies <see cref="VietnameseText.Normalize"/> on top.
/// </summary>
internal static class CellText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        if (text.IndexOfAny(['\n', '\r', '\v', '\u2028']) < 0)
        {
            return VietnameseText.Normalize(text);
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r', '\v', '\u2028')
            .Select(VietnameseText.Normalize)
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }
}
