using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChiSo.Plans.Targets;

/// <summary>
/// Reads a typed target value. Vietnamese writes "30,5" and "1.234,5"; people pasting from other tools write
/// "30.5" — both are accepted. A dot followed by exactly three digits is read as a thousands separator
/// ("1.234" = 1234), as a Vietnamese reader would.
/// </summary>
public static partial class TargetValueParser
{
    public const string InvalidMessageVi = "Giá trị chỉ tiêu phải là số";
    public const string InvalidMessageEn = "Target value must be a number";
    public const string InvalidMessage = InvalidMessageVi + " / " + InvalidMessageEn;

    /// <summary>Accepts "30", "30,5", "30.5", "1.234,5", " 30 % "; rejects words and trailing letters.</summary>
    public static bool TryParse(string? input, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = input.Normalize(NormalizationForm.FormC).Trim();
        if (text.EndsWith('%'))
        {
            text = text[..^1].TrimEnd();
        }

        var sign = "";
        if (text.Length > 0 && text[0] is '-' or '+' or '−')
        {
            sign = text[0] == '+' ? "" : "-";
            text = text[1..].TrimStart();
        }

        var invariant = ToInvariant(text);
        return invariant is not null
            && decimal.TryParse(sign + invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Null when valid, else <see cref="InvalidMessage"/>: ready for a form's field error.</summary>
    public static string? Validate(string? input) => TryParse(input, out _) ? null : InvalidMessage;

    /// <summary>Digits with Vietnamese or English separators → invariant "1234.5"; null when it is not a number.</summary>
    internal static string? ToInvariant(string text)
    {
        if (VietnameseGrouped().IsMatch(text))
        {
            return text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }

        if (EnglishGrouped().IsMatch(text))
        {
            return text.Replace(",", "", StringComparison.Ordinal);
        }

        return Plain().IsMatch(text) ? text.Replace(',', '.') : null;
    }

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VietnameseGrouped();

    // Only with a decimal part: "1,234" alone is a Vietnamese 1.234.
    [GeneratedRegex(@"^[0-9]{1,3}(,[0-9]{3})+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishGrouped();

    [GeneratedRegex(@"^[0-9]+([.,][0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
