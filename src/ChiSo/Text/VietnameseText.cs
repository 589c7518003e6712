using System.Globalization;
using System.Text;

namespace ChiSo.Text;

/// <summary>
/// Vietnamese text as users expect it: NFC everywhere, matching and search that ignore tone marks and
/// diacritics (so "Thanh Hóa", "Thanh Hoá" and "Thanh Hoa" meet), and dictionary sorting.
/// </summary>
public static class VietnameseText
{
    private static readonly CompareInfo VietnameseCompare = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>Sorts names the way a Vietnamese reader expects ("Cà Mau" before "Đà Nẵng").</summary>
    public static IComparer<string> Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.IgnoreCase);

    /// <summary>NFC, trimmed, inner whitespace collapsed to one space.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        if (IsNormalized(text))
        {
            return text; // most cells already are (every number of a results file): no copy
        }

        var nfc = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        var space = false;
        foreach (var ch in nfc.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>Already what <see cref="Normalize"/> returns: no whitespace but single inner spaces, and NFC.</summary>
    private static bool IsNormalized(string text)
    {
        var ascii = true;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == ' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i - 1] == ' ')
                {
                    return false;
                }
            }
            else if (ch < '!' || (ch > '~' && char.IsWhiteSpace(ch)))
            {
                return false;
            }
            else if (ch > '~')
            {
                ascii = false;
            }
        }

        return ascii || text.IsNormalized(NormalizationForm.FormC);
    }

    /// <summary>Like <see cref="Normalize"/> per line, keeping line breaks ("\n") between non-empty lines: multi-line cells and sections.</summary>
    public static string NormalizeMultiline(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? string.Empty
            : string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Select(Normalize).Where(l => l.Length > 0));

    /// <summary><see cref="NormalizeMultiline"/>, or null for blank input: optional text fields are stored as null, not "".</summary>
    public static string? NormalizeMultilineOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : NormalizeMultiline(text);

    /// <summary>
    /// A key for matching: lower case, without tone marks or diacritics (đ → d), punctuation as spaces,
    /// whitespace collapsed. "TP. Hồ Chí Minh" → "tp ho chi minh".
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(c);
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A key that keeps the letters' marks but not where the tone mark sits, nor case, punctuation or NFC/NFD:
    /// "Thanh Hóa" and "thanh hoá" meet, "Sơn Hà" and "Sơn Hạ" (two communes of one province) stay apart.
    /// Tone marks move to the end of their word; circumflex, breve and horn stay (they make other letters).
    /// </summary>
    public static string SpellingKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var tones = new StringBuilder(2);
        var space = false;
        foreach (var ch in decomposed)
        {
            if (ch is '\u0300' or '\u0301' or '\u0309' or '\u0303' or '\u0323')
            {
                tones.Append(ch);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                builder.Append(ch);
            }
            else if (!char.IsLetterOrDigit(ch))
            {
                builder.Append(tones);
                tones.Clear();
                space = builder.Length > 0;
            }
            else
            {
                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        builder.Append(tones);
        return builder.ToString();
    }

    /// <summary>True when the text carries any Vietnamese letter mark (so an exact spelling can be trusted).</summary>
    public static bool HasMarks(string? text) =>
        !string.IsNullOrEmpty(text) && text.Normalize(NormalizationForm.FormD).Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is 'đ' or 'Đ');

    /// <summary>True when <paramref name="text"/> contains <paramref name="query"/>, ignoring case and tone marks.</summary>
    public static bool ContainsFolded(string text, string query) =>
        Fold(text).Contains(Fold(query), StringComparison.Ordinal);

    public static int Compare(string? a, string? b) => VietnameseCompare.Compare(a, b, CompareOptions.IgnoreCase);
}
