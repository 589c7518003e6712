using System.Globalization;
using ChiSo.Analysis;
using ChiSo.Reporting.Reports;
using ChiSo.Text;

namespace ChiSo.Plans.Review;

/// <summary>
/// A year in review in words, in both languages, numbers with the decimal comma (as every ChiSo page prints index
/// figures): "tăng 0,12 điểm; cả nước tăng 0,10 → hơn cả nước 0,02".
/// </summary>
public static class ChangeWords
{
    /// <summary>The caution every comparison carries: the index moved beside the plan, not because of it.</summary>
    public const string AssociationVi = "Mối liên hệ, không phải bằng chứng nhân quả";

    public const string AssociationEn = "Association, not proof of cause";

    public static string SentenceVi(NodeChange change) => change.Compared
        ? $"{Points(change.Change!.Value, "tăng", "giảm", " điểm", "không đổi")}; cả nước {Points(change.NationalChange!.Value, "tăng", "giảm", "", "không đổi")} → {Against(change.Relative!.Value, "hơn cả nước", "kém cả nước", "ngang cả nước")}"
        : GapVi(change.Gap);

    public static string SentenceEn(NodeChange change) => change.Compared
        ? $"{Points(change.Change!.Value, "up", "down", " points", "unchanged")}; the country {Points(change.NationalChange!.Value, "up", "down", "", "unchanged")} → {Against(change.Relative!.Value, "better than the country by", "worse than the country by", "level with the country")}"
        : GapEn(change.Gap);

    /// <summary>"hạng 20/34 → 15/34 (tăng 5 bậc)".</summary>
    public static string RankVi(NodeChange change) =>
        Ranks(change, "hạng", c => c > 0 ? $"tăng {c} bậc" : c < 0 ? $"giảm {-c} bậc" : "giữ nguyên");

    public static string RankEn(NodeChange change) =>
        Ranks(change, "rank", c => c > 0 ? $"up {c}" : c < 0 ? $"down {-c}" : "unchanged");

    /// <summary>"Nhóm đạt điểm trung bình cao (ChiSo tính)": every group says whether it is official.</summary>
    public static string GroupVi(NodeStanding? standing) => standing?.Group is { } g
        ? $"{GroupNames.Vi(g)} ({(standing.GroupSource == RankSource.Official ? "chính thức" : "ChiSo tính")})"
        : "—";

    public static string GroupEn(NodeStanding? standing) => standing?.Group is { } g
        ? $"{GroupNames.En(g)} ({(standing.GroupSource == RankSource.Official ? "official" : "computed by ChiSo")})"
        : "—";

    /// <summary>"Nhóm … → Nhóm …", or the group once with "không đổi" when it stayed.</summary>
    public static string GroupChangeVi(NodeChange change) =>
        SameGroup(change) ? GroupVi(change.After) + ", không đổi" : GroupVi(change.Before) + " → " + GroupVi(change.After);

    public static string GroupChangeEn(NodeChange change) =>
        SameGroup(change) ? GroupEn(change.After) + ", unchanged" : GroupEn(change.Before) + " → " + GroupEn(change.After);

    /// <summary>The status in the Government Office's words (<see cref="TaskStatusWords"/>); a task with no report due in the year has none.</summary>
    public static string StatusVi(ReportTaskStatus? status) => status is { } s ? TaskStatusWords.Vi(s) : "Không theo dõi trong kỳ";

    public static string StatusEn(ReportTaskStatus? status) => status is { } s ? TaskStatusWords.En(s) : "Not tracked in the period";

    public static string GapVi(NodeGap gap) => gap switch
    {
        NodeGap.NoResultsBefore => "chưa có kết quả năm trước kế hoạch",
        NodeGap.NoResultsAfter => "chưa có kết quả năm đánh giá",
        NodeGap.NotInFramework => "nội dung không có trong bộ chỉ số của một trong hai năm",
        NodeGap.NotScored => "tỉnh không được chấm điểm nội dung này ở một trong hai năm",
        NodeGap.ScalesDiffer => "thang điểm hai năm khác nhau, chỉ so được hạng",
        _ => "",
    };

    public static string GapEn(NodeGap gap) => gap switch
    {
        NodeGap.NoResultsBefore => "no results for the year before the plan",
        NodeGap.NoResultsAfter => "no results yet for the year under review",
        NodeGap.NotInFramework => "the node is not in one of the two years' framework",
        NodeGap.NotScored => "the province was not scored on this node in one of the two years",
        NodeGap.ScalesDiffer => "the two years' scales differ; only ranks compare",
        _ => "",
    };

    /// <summary>A score to two decimals with the decimal comma: 5.3 → "5,30".</summary>
    public static string Score(decimal value) => VietnameseFormat.Fixed(NodeChange.Shown(value));

    private static string Points(decimal value, string up, string down, string unit, string same) =>
        value > 0 ? $"{up} {Score(value)}{unit}" : value < 0 ? $"{down} {Score(-value)}{unit}" : same;

    private static string Against(decimal relative, string better, string worse, string level) =>
        relative > 0 ? $"{better} {Score(relative)}" : relative < 0 ? $"{worse} {Score(-relative)}" : level;

    private static bool SameGroup(NodeChange change) =>
        change.Before?.Group is { } then && change.After?.Group == then && change.Before.GroupSource == change.After.GroupSource;

    private static string Ranks(NodeChange change, string word, Func<int, string> moved)
    {
        static string One(NodeStanding? s) => s?.Rank is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r}/{s.Ranked}") : "—";
        var text = $"{word} {One(change.Before)} → {One(change.After)}";
        return change.RankChange is { } c ? $"{text} ({moved(c)})" : text;
    }
}
