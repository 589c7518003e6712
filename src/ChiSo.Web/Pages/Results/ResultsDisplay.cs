using System.Globalization;
using ChiSo.Analysis;
using ChiSo.Text;
using ChiSo.Web.Shared;

namespace ChiSo.Web.Pages.Results;

/// <summary>How the results pages write scores, ranks, changes and sources: Vietnamese for people, invariant for sorting.</summary>
public static class ResultsDisplay
{
    public static string Score(decimal? value) => value is null ? "" : VietnameseFormat.Fixed(value, 2);

    public static string SortValue(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string SortValue(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Whole(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string SourceLabel(RankSource? source, UiText t) => source switch
    {
        RankSource.Official => t["chính thức", "official"],
        RankSource.Computed => t["ChiSo tính", "computed by ChiSo"],
        _ => "",
    };

    /// <summary>Tooltip naming a rank's or group's source; null (no attribute) when there is none.</summary>
    public static string? SourceTitle(RankSource? source, UiText t) => source switch
    {
        RankSource.Official => t["Công bố trong tệp kết quả", "Published in the results file"],
        RankSource.Computed => t["Do ChiSo tính theo quy tắc đã công bố", "Computed by ChiSo using its documented rule"],
        _ => null,
    };

    /// <summary>A performance group's name in the UI language ("Nhóm đạt điểm cao nhất" / "Highest").</summary>
    public static string GroupName(int? group, UiText t) => group is { } g ? (t.English ? GroupNames.En(g) : GroupNames.Vi(g)) : "";

    /// <summary>Rank change as an arrow: positive = moved up (a smaller rank number).</summary>
    public static string RankArrow(int? change) => change switch
    {
        null => "",
        > 0 => "▲ " + change.Value.ToString(CultureInfo.InvariantCulture),
        < 0 => "▼ " + (-change.Value).ToString(CultureInfo.InvariantCulture),
        _ => "=",
    };

    public static string RankChangeText(int? change, UiText t) => change switch
    {
        null => "",
        > 0 => t[$"tăng {Whole(change)} bậc", $"up {Whole(change)} {Places(change.Value)}"],
        < 0 => t[$"giảm {Whole(-change)} bậc", $"down {Whole(-change)} {Places(change.Value)}"],
        _ => t["giữ nguyên hạng", "rank unchanged"],
    };

    private static string Places(int change) => change is 1 or -1 ? "place" : "places";
}
