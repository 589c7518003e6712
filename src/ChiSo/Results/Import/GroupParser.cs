using System.Globalization;
using ChiSo.Text;

namespace ChiSo.Results.Import;

/// <summary>Reads a published performance group: 1–4, or its name in Vietnamese or English (1 = highest).</summary>
public static class GroupParser
{
    private static readonly (int Group, string[] Names)[] Names =
    [
        (1, ["cao nhat", "nhom dat diem cao nhat", "nhom cao nhat", "highest", "high", "best"]),
        (2, ["trung binh cao", "nhom dat diem trung binh cao", "nhom trung binh cao", "high average", "above average"]),
        (3, ["trung binh thap", "nhom dat diem trung binh thap", "nhom trung binh thap", "low average", "below average"]),
        (4, ["thap nhat", "nhom dat diem thap nhat", "nhom thap nhat", "lowest", "low", "worst"]),
    ];

    public static int? TryParse(string text)
    {
        var trimmed = text.Trim();
        if (decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is >= 1 and <= 4)
        {
            return (int)number;
        }

        var folded = VietnameseText.Fold(trimmed);
        foreach (var (group, names) in Names)
        {
            if (names.Contains(folded, StringComparer.Ordinal))
            {
                return group;
            }
        }

        return null;
    }
}
