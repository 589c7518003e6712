using System.Text;

namespace ChiSo.Plans.Documents;

/// <summary>
/// Print typography for official documents: NFC (Word and fonts render NFD tone marks badly), curly double
/// quotes instead of the typewriter '"', and "…" for "...". Apostrophes are left alone: in words such as
/// "H'Mông" or "Đắk R'Lấp" they belong to the name.
/// </summary>
public static class VietnameseTypography
{
    /// <summary>
    /// NFC, “curly” double quotes, "…"; "\r\n" becomes "\n" and each line is trimmed. Inner spaces are kept
    /// because the draft blanks ("Số:      /KH-UBND") are made of them.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var nfc = text.Normalize(NormalizationForm.FormC)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n')
            .Replace("...", "…", StringComparison.Ordinal);
        var lines = nfc.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Trim();
        }

        return CurlQuotes(string.Join('\n', lines));
    }

    /// <summary>The cleaned text cut at its line breaks; empty text gives one empty line.</summary>
    public static IReadOnlyList<string> Lines(string? text) => Clean(text).Split('\n');

    private static string CurlQuotes(string text)
    {
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var open = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch != '"')
            {
                builder.Append(ch);
                continue;
            }

            var opening = IsOpeningContext(i == 0 ? null : text[i - 1])
                || (!IsClosingContext(i + 1 < text.Length ? text[i + 1] : null) && !open);
            builder.Append(opening ? '“' : '”');
            open = opening;
        }

        return builder.ToString();
    }

    // A quote after a space, a line start or an opening bracket opens; one before a space or punctuation closes.
    private static bool IsOpeningContext(char? previous) =>
        previous is null || char.IsWhiteSpace(previous.Value) || previous.Value is '(' or '[' or '{' or '“' or '‘' or '-' or '–' or '—' or '/';

    private static bool IsClosingContext(char? next) =>
        next is null || char.IsWhiteSpace(next.Value) || char.IsPunctuation(next.Value);
}
