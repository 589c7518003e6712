using System.Globalization;
using System.Text.RegularExpressions;

namespace ChiSo.Plans.Import;

/// <summary>Removes the numbering and the "Chỉ số nội dung"/"Chỉ số:" label a section title is often written with.</summary>
internal static partial class TitlePrefix
{
    [GeneratedRegex(@"^((\d+(\.\d+)*|(XL|L?X{0,3})(IX|IV|V?I{0,3}))[.):]?\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^(chỉ số nội dung( thành phần)?|chỉ số thành phần|chỉ số|nội dung|tiêu chí)(\s*(số\s*)?\d+)?\s*[:.\-–]?\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    public static string Strip(string title)
    {
        var text = title.Trim();
        var withoutNumber = Numbering().Replace(text, "", 1);
        var withoutLabel = Label().Replace(withoutNumber, "", 1).Trim();
        if (withoutLabel.Length == 0)
        {
            // "Chỉ số nội dung" alone is the title itself, not a prefix.
            return withoutNumber.Length > 0 ? withoutNumber : text;
        }

        return char.ToUpper(withoutLabel[0], CultureInfo.InvariantCulture) + withoutLabel[1..];
    }
}
