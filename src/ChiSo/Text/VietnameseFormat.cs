using System.Globalization;

namespace ChiSo.Text;

/// <summary>Numbers and dates as Vietnamese readers write them: "5,35", "ngày 22 tháng 01 năm 2019".</summary>
public static class VietnameseFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Decimal comma, no thousands separator for small index scores: 42.1234 → "42,12".</summary>
    public static string Number(decimal? value, int decimals = 2) =>
        value is null ? "" : value.Value.ToString("0." + new string('#', Math.Max(0, decimals)), Culture).Replace("#", "", StringComparison.Ordinal);

    /// <summary>Fixed decimals: 5.3 → "5,30".</summary>
    public static string Fixed(decimal? value, int decimals = 2) =>
        value is null ? "" : value.Value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A signed change: +1,25 / −0,50 (true minus sign).</summary>
    public static string Change(decimal? value, int decimals = 2) =>
        value switch
        {
            null => "",
            > 0 => "+" + Fixed(value, decimals),
            < 0 => "−" + Fixed(-value, decimals),
            _ => Fixed(0, decimals),
        };

    /// <summary>Administrative-document date: "ngày 22 tháng 01 năm 2019".</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}");
}
