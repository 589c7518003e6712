using System.Globalization;
using System.Text.RegularExpressions;
using ChiSo.Intake;
using ChiSo.Reporting.Reports;

namespace ChiSo.Reporting.Templates;

/// <summary>
/// A template cell's date or number as units write them. A date cell (Excel and LibreOffice store a typed date as a
/// date) reaches here as "dd/MM/yyyy"; a date typed as text may also read "15/3/2026", "15-03-2026", "2026-03-15" or
/// "ngày 15 tháng 3 năm 2026". A numeric cell is read exactly as stored; a number typed as text follows the report
/// form's rule (<see cref="AchievedValueText"/>).
/// </summary>
internal static partial class TemplateCellValues
{
    public static bool TryDate(IntakeCell cell, out DateOnly date)
    {
        date = default;
        var text = cell.Text.Trim();
        var match = DayMonthYear().Match(text);
        if (match.Success)
        {
            return TryMake(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value, out date);
        }

        match = YearMonthDay().Match(text);
        if (match.Success)
        {
            return TryMake(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value, out date);
        }

        match = Written().Match(text);
        return match.Success && TryMake(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value, out date);
    }

    public static bool TryNumber(IntakeCell cell, out decimal value)
    {
        // A numeric cell's text is the stored number in invariant digits ("12.5", "1E+30" past a decimal's range).
        if (cell.Decimals is not null)
        {
            return decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        return AchievedValueText.TryParse(cell.Text, out value);
    }

    private static bool TryMake(string year, string month, string day, out DateOnly date)
    {
        date = default;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y is < 1900 or > 2999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    // A time after the date (a date cell that also holds a time prints "dd/MM/yyyy HH:mm") is ignored.
    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*[/.\-]\s*(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<y>[0-9]{4})(\s+[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"^(ngày\s+)?(?<d>[0-9]{1,2})\s+tháng\s+(?<m>[0-9]{1,2})\s+năm\s+(?<y>[0-9]{4})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Written();
}
