using System.Text.RegularExpressions;
using ChiSo.Common;
using ChiSo.Frameworks;
using ChiSo.Text;

namespace ChiSo.Results.Import;

/// <summary>What a results-file column holds for a node.</summary>
public enum ColumnKind
{
    /// <summary>The score (for the PAR Index: the appraised score, "điểm thẩm định").</summary>
    Score,
    /// <summary>PAR Index self-assessed score ("điểm tự đánh giá").</summary>
    SelfAssessed,
    Rank,
    Group,
}

public sealed record MappedColumn(int Index, string Header, string NodeCode, ColumnKind Kind);

/// <summary>
/// Gives each header cell its meaning: the first column names the unit; then node codes (<c>1.2</c>), the
/// aggregate (<c>total</c>, "Tổng", "Tổng điểm", "Aggregate"), and rank, group and self-assessed columns
/// (<c>rank</c>, <c>1 group</c>, <c>Xếp hạng 1</c>, <c>1.1 tự đánh giá</c>, <c>1.1:self</c>, <c>1.1 thẩm định</c>…).
/// </summary>
public static partial class ColumnMap
{
    private static readonly HashSet<string> AggregateWords = new(StringComparer.Ordinal) { "total", "tong", "tong diem", "aggregate", "diem tong hop" };
    private static readonly HashSet<string> RankWords = new(StringComparer.Ordinal) { "rank", "xep hang", "hang", "thu hang", "ranking" };
    private static readonly HashSet<string> GroupWords = new(StringComparer.Ordinal) { "group", "nhom", "nhom xep hang" };
    private static readonly HashSet<string> SelfWords = new(StringComparer.Ordinal) { "self", "tu danh gia", "tdg", "diem tu danh gia", "self assessed", "self assessment" };
    private static readonly HashSet<string> AppraisedWords = new(StringComparer.Ordinal) { "appraised", "tham dinh", "td", "diem tham dinh", "score", "diem" };

    public static IReadOnlyList<MappedColumn> Map(IReadOnlyList<string> header, FrameworkTree tree, ProblemCollector errors)
    {
        var mapped = new List<MappedColumn>();
        var seen = new Dictionary<(string, ColumnKind), string>();
        for (var i = 1; i < header.Count; i++)
        {
            var text = header[i];
            if (text.Length == 0)
            {
                continue; // trailing empty header cells from spreadsheets
            }

            var column = Classify(i, text, tree);
            if (column is null)
            {
                errors.Add(Problem.AtRow(1, text,
                    $"Cột '{text}' không ứng với chỉ số nào của khung '{tree.Framework.Id}'. Dùng mã chỉ số (ví dụ 1, 1.2), 'total', 'rank' hoặc 'group'.",
                    $"Column '{text}' matches no node of framework '{tree.Framework.Id}'. Use node codes (e.g. 1, 1.2), 'total', 'rank' or 'group'."));
                continue;
            }

            if (!seen.TryAdd((column.NodeCode, column.Kind), text))
            {
                errors.Add(Problem.AtRow(1, text, $"Cột '{text}' trùng với cột '{seen[(column.NodeCode, column.Kind)]}'.",
                    $"Column '{text}' repeats column '{seen[(column.NodeCode, column.Kind)]}'.", ProblemCodes.Duplicate));
                continue;
            }

            mapped.Add(column);
        }

        return mapped;
    }

    private static MappedColumn? Classify(int index, string header, FrameworkTree tree)
    {
        var folded = VietnameseText.Fold(header);
        if (AggregateWords.Contains(folded))
        {
            return new MappedColumn(index, header, FrameworkNode.AggregateCode, ColumnKind.Score);
        }

        if (RankWords.Contains(folded))
        {
            return new MappedColumn(index, header, FrameworkNode.AggregateCode, ColumnKind.Rank);
        }

        if (GroupWords.Contains(folded))
        {
            return new MappedColumn(index, header, FrameworkNode.AggregateCode, ColumnKind.Group);
        }

        // "1.2", "1.2 rank", "1.2_rank", "1.2:self", "1.2 (tự đánh giá)", "total rank"
        var codeFirst = CodeFirst().Match(header.Trim());
        if (codeFirst.Success && NodeCode(codeFirst.Groups["code"].Value, tree) is { } code)
        {
            var kind = Suffix(VietnameseText.Fold(codeFirst.Groups["rest"].Value));
            return kind is null ? null : new MappedColumn(index, header, code, kind.Value);
        }

        // "Xếp hạng 1.2", "Nhóm 3", "Tự đánh giá 1.1"
        var codeLast = CodeLast().Match(header.Trim());
        if (codeLast.Success && NodeCode(codeLast.Groups["code"].Value, tree) is { } code2)
        {
            var kind = Suffix(VietnameseText.Fold(codeLast.Groups["rest"].Value));
            return kind is null or ColumnKind.Score ? null : new MappedColumn(index, header, code2, kind.Value);
        }

        return null;
    }

    private static string? NodeCode(string text, FrameworkTree tree)
    {
        var folded = VietnameseText.Fold(text);
        if (AggregateWords.Contains(folded))
        {
            return FrameworkNode.AggregateCode;
        }

        return tree.Find(text.TrimEnd('.'))?.Code;
    }

    private static ColumnKind? Suffix(string folded) => folded switch
    {
        "" => ColumnKind.Score,
        _ when RankWords.Contains(folded) => ColumnKind.Rank,
        _ when GroupWords.Contains(folded) => ColumnKind.Group,
        _ when SelfWords.Contains(folded) => ColumnKind.SelfAssessed,
        _ when AppraisedWords.Contains(folded) => ColumnKind.Score,
        _ => null,
    };

    [GeneratedRegex(@"^(?<code>total|[0-9]+(?:\.[0-9]+)*\.?)(?:\s*[:_\-(]\s*|\s+)?(?<rest>[^)]*)\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeFirst();

    [GeneratedRegex(@"^(?<rest>[^0-9]+?)\s+(?<code>total|[0-9]+(?:\.[0-9]+)*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeLast();
}
