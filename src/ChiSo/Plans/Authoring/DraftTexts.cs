using System.Globalization;
using ChiSo.Analysis;
using ChiSo.Frameworks;
using ChiSo.Text;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// What a drafted plan says about the results, in the words the seeds use: the introduction (the aggregate, the rank,
/// the weak areas in the order <see cref="WeakAreaRule"/> ranks them) and section II's paragraph per weak dimension
/// (its score, the change from last year, how far it is from the best, the sub-areas that lost most, what closing the
/// gap would mean). Numbers with decimal commas; the coordinator edits every sentence afterwards.
/// </summary>
internal static class DraftTexts
{
    /// <summary>The facts the texts quote, gathered once by the drafter.</summary>
    public sealed record Facts(
        string UnitInSentence, string IndexName, string Family, int Year, int PlanYear, UnitProfile Profile, WeakAreas Weak,
        IReadOnlyDictionary<string, decimal> PreviousScores, IReadOnlyDictionary<string, decimal> PreviousMaxima, int? PreviousRank, string PlanTitle);

    public static string Introduction(Facts f)
    {
        var p = f.Profile;
        var sentence = new List<string>
        {
            $"Theo kết quả {f.IndexName} năm {Year(f.Year)}, {f.UnitInSentence} đạt {Number(p.Aggregate?.Score)}/{Number(p.AggregateMax)} điểm",
        };
        if (p.Aggregate?.Rank is { } rank)
        {
            sentence.Add($"xếp thứ {rank}/{p.RankedCount} tỉnh, thành phố");
        }

        // Only a group the publisher announced is quoted in an official text; ChiSo's own quartiles are for screens.
        if (p.Aggregate is { Group: { } group, GroupSource: RankSource.Official })
        {
            sentence.Add("thuộc " + Lower(GroupNames.Vi(group)));
        }

        if (Change(f, ChiSo.Frameworks.FrameworkNode.AggregateCode, p.Aggregate?.Score, p.AggregateMax) is { } change)
        {
            var ranks = f.PreviousRank is { } before && p.Aggregate?.Rank is { } now && before != now
                ? $" và {(now < before ? "tăng" : "giảm")} {Math.Abs(before - now)} bậc"
                : "";
            sentence.Add(change + ranks + $" so với năm {Year(f.Year - 1)}");
        }

        var text = string.Join(", ", sentence) + ".";
        var weak = f.Weak.Areas.Select(a => $"“{a.Dimension.NameVi}” ({Number(a.Dimension.Score)}/{Number(a.Dimension.Max)} điểm, " +
                                          $"kém tỉnh đạt điểm cao nhất {Number(a.Dimension.GapToBest)} điểm)").ToList();
        if (weak.Count > 0)
        {
            text += $" Các {DimensionWord(f.Family)} còn cách xa nhất so với tỉnh đạt điểm cao nhất: {string.Join("; ", weak)}.";
        }

        return text + $"\nĐể khắc phục những hạn chế trên, Ủy ban nhân dân {Level(f.UnitInSentence)} ban hành Kế hoạch {Documents.PlanBoilerplate.InSentence(f.PlanTitle)} như sau:";
    }

    /// <summary>Section II's paragraph on one weak dimension.</summary>
    public static string Assessment(Facts f, WeakArea area)
    {
        var d = area.Dimension;
        var comparison = f.Profile.Dimensions.FirstOrDefault(c => c.Code == d.Node);
        var parts = new List<string>
        {
            $"Năm {Year(f.Year)}, {DimensionWord(f.Family)} “{d.NameVi}” đạt {Number(d.Score)}/{Number(d.Max)} điểm ({Number(Share(d), 1)}% số điểm tối đa)",
        };
        if (Change(f, d.Node, d.Score, d.Max) is { } change)
        {
            parts.Add($"{change} so với năm {Year(f.Year - 1)}");
        }

        if (comparison?.Rank is { } rank)
        {
            parts.Add($"xếp thứ {rank}/{f.Profile.RankedCount} tỉnh, thành phố");
        }

        var behind = $"kém tỉnh đạt điểm cao nhất {Number(d.GapToBest)} điểm";
        if (comparison?.Mean is { } mean && mean != d.Score)
        {
            behind += d.Score < mean
                ? $" và thấp hơn trung bình cả nước {Number(mean - d.Score)} điểm"
                : $", cao hơn trung bình cả nước {Number(d.Score - mean)} điểm";
        }

        parts.Add(behind);
        var text = string.Join(", ", parts) + ".";
        if (area.SubAreas.Count > 0)
        {
            var subs = area.SubAreas.Select(s => $"“{s.NameVi}” đạt {Number(s.Score)}/{Number(s.Max)} điểm, kém tỉnh cao nhất {Number(s.GapToBest)} điểm" +
                                                 (Change(f, s.Node, s.Score, s.Max) is { } c ? $" ({c})" : ""));
            text += $" {Capital(SubWord(f.Family))} mất nhiều điểm nhất: {string.Join("; ", subs)}.";
        }

        var gain = d.GapToBest > 0
            ? $" Thu hẹp khoảng cách với tỉnh đạt điểm cao nhất ở nội dung này có thể giúp tổng điểm của tỉnh tăng thêm tới {Number(d.GapToBest)} điểm"
            : $" Nội dung này còn mất {Number(d.Lost)} điểm so với điểm tối đa";
        return text + gain + $"; đây là nội dung cần ưu tiên cải thiện trong năm {Year(f.PlanYear)}.";
    }

    /// <summary>"tăng 0,21 điểm" / "giảm 0,21 điểm" / "không đổi", or null when last year is not comparable (no score, another scale).</summary>
    private static string? Change(Facts f, string node, decimal? score, decimal max)
    {
        if (score is not { } now || !f.PreviousScores.TryGetValue(node, out var before) || f.PreviousMaxima.GetValueOrDefault(node) != max)
        {
            return null;
        }

        var delta = Math.Round(now - before, 2);
        return delta switch
        {
            > 0 => $"tăng {Number(delta)} điểm",
            < 0 => $"giảm {Number(-delta)} điểm",
            _ => "không thay đổi",
        };
    }

    private static string DimensionWord(string family) => family == IndexFamilies.Par ? "lĩnh vực" : "chỉ số nội dung";

    private static string SubWord(string family) => family == IndexFamilies.Par ? "các tiêu chí" : "các chỉ số thành phần";

    private static decimal Share(LostPoint node) => node.Max == 0 ? 0 : node.Score / node.Max * 100;

    /// <summary>"tỉnh Lâm Đồng" → "tỉnh"; "thành phố Cần Thơ" → "thành phố".</summary>
    private static string Level(string unitInSentence) =>
        unitInSentence.StartsWith("thành phố", StringComparison.Ordinal) ? "thành phố" : "tỉnh";

    private static string Number(decimal? value) => VietnameseFormat.Number(value);

    private static string Number(decimal value, int decimals) => VietnameseFormat.Number(value, decimals);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], VietnameseFormat.Culture) + text[1..];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VietnameseFormat.Culture) + text[1..];
}
