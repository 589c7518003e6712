using System.Globalization;
using System.Text;

namespace ChiSo.Reporting.Attachments;

/// <summary>
/// The name an attachment is downloaded under: the user's own (NFC), without the folders some browsers send, control
/// and direction-override characters (which make "bao-cao‮fdp.exe" read as "...exe.pdf") or characters file systems
/// refuse, and with the extension of the kind its content is.
/// </summary>
public static class AttachmentFileName
{
    private const string Fallback = "tep-dinh-kem";

    /// <summary>
    /// The extension the user's name ends in, lower case with its dot: 1–5 ASCII letters or digits, at least one a letter,
    /// after the last dot ("Báo cáo Q.I" has none, "QĐ 12.2026" neither); null when it has none.
    /// </summary>
    public static string? ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            return null;
        }

        var extension = name[(dot + 1)..];
        return extension.Length <= 5 && extension.All(char.IsAsciiLetterOrDigit) && extension.Any(char.IsAsciiLetter)
            ? "." + extension.ToLowerInvariant()
            : null;
    }

    /// <summary>The user's name made safe to store and offer: no path parts, NFC, cleaned, at most <see cref="ReportAttachment.FileNameMaxLength"/> characters.</summary>
    public static string Clean(string? name)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        text = text[(text.LastIndexOfAny(['/', '\\']) + 1)..];
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(ch) || IsFormatting(ch) || "\"*:<>?|".Contains(ch, StringComparison.Ordinal))
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(ch);
        }

        var cleaned = builder.ToString().Trim('.', ' ');
        return cleaned.Length == 0 ? Fallback : cleaned;
    }

    /// <summary>
    /// The download name for a file of <paramref name="kind"/>: the cleaned name with its own extension when it names that
    /// kind (lower-cased: "Ảnh.JPEG" → "Ảnh.jpeg"), or with the kind's extension added when it has none. (A name whose
    /// extension names another type is refused before this: see <see cref="AttachmentInspector"/>.)
    /// </summary>
    public static string For(string cleaned, AttachmentKind kind)
    {
        var extension = ExtensionOf(cleaned);
        var stem = extension is not null && AttachmentKinds.Named(extension) == kind ? cleaned[..^extension.Length] : cleaned;
        var ending = extension is not null && AttachmentKinds.Named(extension) == kind ? extension : AttachmentKinds.Extension(kind);
        var room = ReportAttachment.FileNameMaxLength - ending.Length;
        if (stem.Length > room)
        {
            // Cut on a whole character: never half a surrogate pair or a letter without its tone mark.
            var cut = new StringInfo(stem);
            var elements = 0;
            var length = 0;
            while (elements < cut.LengthInTextElements && length + cut.SubstringByTextElements(elements, 1).Length <= room)
            {
                length += cut.SubstringByTextElements(elements, 1).Length;
                elements++;
            }

            stem = stem[..length].TrimEnd('.', ' ');
        }

        return (stem.Length == 0 ? Fallback : stem) + ending;
    }

    /// <summary>
    /// A plain-ASCII form for the old <c>filename=</c> parameter of Content-Disposition (modern browsers read
    /// <c>filename*</c>, which keeps the Vietnamese): marks dropped, đ → d, anything else outside ASCII → "_".
    /// </summary>
    public static string Ascii(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(ch switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                '\\' or '"' or ';' or '%' => '_',
                _ when ch is >= ' ' and <= '~' => ch,
                _ => '_',
            });
        }

        return builder.ToString();
    }

    /// <summary>Bidirectional overrides and other invisible formatting characters (Unicode category Cf).</summary>
    private static bool IsFormatting(char ch) => CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format;
}
