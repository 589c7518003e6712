using System.Globalization;
using System.Text.RegularExpressions;

namespace ChiSo.Plans.Import;

/// <summary>Recognises the numbering in the code column: "1", "1.", "IV.", "1.2", "a)".</summary>
internal static partial class SectionCode
{
    // Upper case only: "i", "v" are as likely to be list letters as numerals.
    [GeneratedRegex(@"^(?=[IVXL])(XL|L?X{0,3})(IX|IV|V?I{0,3})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Roman();

    [GeneratedRegex(@"^\d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^(\d+([.,]\d+)*|(XL|L?X{0,3})(IX|IV|V?I{0,3})|[a-zđ])[.)]?$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyCode();

    // A code glued to a title in one cell: "3 Trách nhiệm…", "I. Chỉ số: …", "2) Kiểm soát…".
    [GeneratedRegex(@"^(?<code>\d+(\.\d+)*|(XL|L?X{0,3})(IX|IV|V?I{0,3}))[.):]?\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Leading();

    public static bool IsRoman(string code) => code.Length > 0 && Roman().IsMatch(code);

    public static bool IsInteger(string code) => Integer().IsMatch(code);

    public static bool IsCode(string text) => text.Length > 0 && text.Length <= 12 && AnyCode().IsMatch(text);

    /// <summary>Code without a trailing "." or ")".</summary>
    public static string Clean(string code) => code.TrimEnd('.', ')');

    /// <summary>Splits "3 Trách nhiệm giải trình" into ("3", "Trách nhiệm giải trình"); null when the text does not start with a code.</summary>
    public static (string Code, string Title)? SplitLeading(string text)
    {
        var match = Leading().Match(text);
        if (!match.Success || match.Groups["code"].Value.Length == 0)
        {
            return null;
        }

        return (match.Groups["code"].Value, match.Groups["rest"].Value);
    }

    /// <summary>"II" → 2, "3." → 3; null for anything else.</summary>
    public static int? Number(string code)
    {
        var clean = Clean(code);
        if (int.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        if (!IsRoman(clean))
        {
            return null;
        }

        var total = 0;
        for (var i = 0; i < clean.Length; i++)
        {
            var value = RomanValue(clean[i]);
            total += i + 1 < clean.Length && RomanValue(clean[i + 1]) > value ? -value : value;
        }

        return total;
    }

    private static int RomanValue(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, _ => 0 };
}
