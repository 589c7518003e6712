using System.Globalization;
using ChiSo.Analysis;
using ChiSo.Text;

namespace ChiSo.Web.Pages.Results;

/// <summary>How the results pages write scores, ranks, changes and sources: Vietnamese for people, invariant for sorting.</summary>
public static class ResultsDisplay
{
    /// <summary>Vietnam has no daylight saving: UTC+7 all year.</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Score(decimal? value) => value is null ? "" : VietnameseFormat.Fixed(value, 2);

    public static string SortValue(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string SortValue(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Whole(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string SourceLabel(RankSource? source) => source switch
    {
        RankSource.Official => "chính thức",
        RankSource.Computed => "ChiSo tính",
        _ => "",
    };

    /// <summary>Tooltip naming a rank's or group's source; null (no attribute) when there is none.</summary>
    public static string? SourceTitle(RankSource? source) => source switch
    {
        RankSource.Official => "Công bố trong tệp kết quả / Published in the results file",
        RankSource.Computed => "Do ChiSo tính theo quy tắc đã công bố / Computed by ChiSo's documented rule",
        _ => null,
    };

    /// <summary>Rank change as an arrow: positive = moved up (a smaller rank number).</summary>
    public static string RankArrow(int? change) => change switch
    {
        null => "",
        > 0 => "▲ " + change.Value.ToString(CultureInfo.InvariantCulture),
        < 0 => "▼ " + (-change.Value).ToString(CultureInfo.InvariantCulture),
        _ => "=",
    };

    public static string RankChangeText(int? change) => change switch
    {
        null => "",
        > 0 => $"tăng {change.Value.ToString(CultureInfo.InvariantCulture)} bậc",
        < 0 => $"giảm {(-change.Value).ToString(CultureInfo.InvariantCulture)} bậc",
        _ => "giữ nguyên hạng",
    };

    public static string Date(DateTimeOffset instant) =>
        VietnameseFormat.Date(DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime));

    public static string Time(DateTimeOffset instant) =>
        instant.ToOffset(VietnamOffset).ToString("HH:mm", CultureInfo.InvariantCulture);
}
