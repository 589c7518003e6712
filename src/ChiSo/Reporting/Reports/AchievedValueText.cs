using System.Globalization;

namespace ChiSo.Reporting.Reports;

/// <summary>
/// The value achieved as a unit types it, on the report form or in a template cell typed as text: Vietnamese decimal
/// comma ("12,5") or a point ("12.5"), spaces ignored, no thousands separators (so "1.234" is one point two three four,
/// as the form has always read it). One rule for both ways in.
/// </summary>
public static class AchievedValueText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace(',', '.');
        return decimal.TryParse(compact, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
