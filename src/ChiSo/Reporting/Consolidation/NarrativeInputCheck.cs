using System.Globalization;
using ChiSo.Common;
using ChiSo.Text;

namespace ChiSo.Reporting.Consolidation;

/// <summary>One of the plan's task groups (the appendix headings, one per dimension), as a narrative's paragraph names it.</summary>
internal sealed record NarrativeHeading(string Code, string Title);

/// <summary>
/// The checks of a narrative a coordinator saves: each part NFC, trimmed line by line and within the stored limit; each
/// dimension's paragraph named by a heading the plan has (or one saved before), once. Problems name the field.
/// </summary>
internal static class NarrativeInputCheck
{
    /// <summary>A part of the text, each line NFC and trimmed, empty lines dropped; too long is named by its field.</summary>
    internal static string Text(List<Problem> problems, string field, string? value, string vi, string en)
    {
        var text = VietnameseText.NormalizeMultiline(value);
        if (text.Length > PeriodNarrative.TextMaxLength)
        {
            problems.Add(Problem.Invalid(field,
                $"{vi} dài {text.Length.ToString("N0", VietnameseFormat.Culture)} ký tự, quá giới hạn {PeriodNarrative.TextMaxLength.ToString("N0", VietnameseFormat.Culture)} ký tự.",
                $"{en} is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long, over the limit of {PeriodNarrative.TextMaxLength.ToString("N0", CultureInfo.InvariantCulture)}."));
        }

        return text;
    }

    /// <summary>The posted paragraphs by dimension: each code must be one of the plan's headings (or a saved one), once.</summary>
    internal static List<(string Code, string Text)> Results(List<Problem> problems, IReadOnlyList<NarrativeSectionInput> input, List<NarrativeHeading> groups,
        PeriodNarrative? narrative)
    {
        var results = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var code = (input[i].Code ?? "").Trim();
            var field = string.Create(CultureInfo.InvariantCulture, $"results[{i}]");
            if (!groups.Any(g => g.Code == code) && code.Length > 0 && narrative?.Results.Any(r => r.Code == code) != true)
            {
                problems.Add(Problem.Invalid(field + ".code", $"Kế hoạch không có nhóm nhiệm vụ (lĩnh vực) mã '{code}'.", $"The plan has no task group (dimension) '{code}'."));
                continue;
            }

            if (!seen.Add(code))
            {
                problems.Add(Problem.Invalid(field + ".code", $"Nhóm '{code}' được gửi hai lần.", $"Group '{code}' is sent twice."));
                continue;
            }

            var title = TitleOf(code, groups);
            results.Add((code, Text(problems, field + ".text", input[i].Text, $"Kết quả của “{title}”", $"The results of “{title}”")));
        }

        return results;
    }

    internal static string TitleOf(string code, List<NarrativeHeading> groups) => groups.FirstOrDefault(g => g.Code == code)?.Title ?? "Nhiệm vụ khác";

    internal static int OrderOf(string code, List<NarrativeHeading> groups, PeriodNarrative narrative) =>
        groups.FindIndex(g => g.Code == code) is var i and >= 0 ? i : groups.Count + narrative.Results.Count;
}
