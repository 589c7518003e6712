using System.Globalization;
using System.Text.RegularExpressions;
using ChiSo.Text;

namespace ChiSo.Plans.Targets;

/// <summary>
/// Suggests a measurable form for a plan target written in words ("Ít nhất 30% số xã được kiểm tra").
/// A suggestion only: the drafter confirms it. No comparator word means "at least", because targets
/// such as "100% xã …" and "Đạt 95,5%" are floors to reach, not exact values.
/// </summary>
public static partial class TargetParser
{
    public static bool TryParse(string? text, out MeasurableTarget? target)
    {
        target = null;
        var normalized = VietnameseText.Normalize(text);
        foreach (Match number in NumberPattern().Matches(normalized))
        {
            if (TargetValueParser.ToInvariant(number.Value) is not { } invariant
                || !decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var before = Words(normalized[..number.Index]);
            var after = normalized[(number.Index + number.Length)..];
            var percent = PercentPattern().Match(after);
            var afterWords = Words(percent.Success ? after[percent.Length..] : after);
            // "Năm 2026 đạt 100% xã": a bare year is the when, not the target.
            if (!percent.Success && IsYear(number.Value) && MemberNounAt(afterWords) is null
                && Match(afterWords, 0, TargetVocabulary.Units) is null)
            {
                continue;
            }

            target = Build(before, value, percent.Success, afterWords);
            return true;
        }

        return false;
    }

    private static MeasurableTarget Build(List<string> before, decimal value, bool percent, List<string> after)
    {
        var comparator = TakeComparator(before);
        var unit = percent ? "%" : "";
        var basis = TargetBasis.None;
        var memberAt = MemberNounAt(after);
        if (memberAt is { } m && (percent || m.Start == 0))
        {
            basis = percent ? TargetBasis.ShareOfMembers : TargetBasis.CountOfMembers;
            unit = percent ? unit : string.Join(' ', after.Skip(m.Start).Take(m.Length)).TrimEnd(',', ';', '.', ':');
        }
        else if (!percent && Match(after, 0, TargetVocabulary.Units) is { } length)
        {
            unit = string.Join(' ', after.Take(length)).TrimEnd(',', ';', '.', ':');
            after = after.Skip(length).ToList();
        }

        var metric = string.Join(' ', before.Concat(after)).Trim(' ', ',', ';', ':', '.', '-', '–', '—');
        return new MeasurableTarget(metric, comparator, value, unit, basis);
    }

    private static TargetComparator TakeComparator(List<string> before)
    {
        if (before.Count > 0 && SymbolComparator(before[^1]) is { } symbol)
        {
            before.RemoveAt(before.Count - 1);
            DropLead(before);
            return symbol;
        }

        foreach (var (words, comparator) in TargetVocabulary.Comparators)
        {
            if (EndsWith(before, words))
            {
                before.RemoveRange(before.Count - words.Length, words.Length);
                DropLead(before);
                return comparator;
            }
        }

        DropLead(before);
        return TargetComparator.AtLeast;
    }

    private static TargetComparator? SymbolComparator(string token) => token switch
    {
        "≥" or ">=" or ">" => TargetComparator.AtLeast,
        "≤" or "<=" or "<" => TargetComparator.AtMost,
        "=" => TargetComparator.Equal,
        _ => null,
    };

    private static void DropLead(List<string> before)
    {
        foreach (var lead in TargetVocabulary.Lead)
        {
            var words = lead.Split(' ');
            if (EndsWith(before, words))
            {
                before.RemoveRange(before.Count - words.Length, words.Length);
                return;
            }
        }
    }

    /// <summary>Where a member noun starts right after the number, allowing "số", "các", "UBND cấp" first.</summary>
    private static (int Start, int Length)? MemberNounAt(List<string> after)
    {
        if (Match(after, 0, TargetVocabulary.Members) is { } direct && !IsPrefixOfMember(after))
        {
            return (0, direct);
        }

        foreach (var prefix in TargetVocabulary.MemberPrefixes)
        {
            if (Match(after, 0, [prefix]) is { } skip && Match(after, skip, TargetVocabulary.Members) is { } noun)
            {
                return (skip, noun);
            }
        }

        return null;
    }

    // "số xã" is a count of communes, not of departments (Sở), though "so" folds the same.
    private static bool IsPrefixOfMember(List<string> after) =>
        Match(after, 0, [["so"]]) is not null && Match(after, 1, TargetVocabulary.Members) is not null;

    private static int? Match(List<string> words, int start, string[][] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (start + phrase.Length <= words.Count
                && phrase.Select((w, i) => VietnameseText.Fold(words[start + i]) == w).All(x => x))
            {
                return phrase.Length;
            }
        }

        return null;
    }

    private static bool EndsWith(List<string> words, string[] phrase) =>
        words.Count >= phrase.Length
        && phrase.Select((w, i) => VietnameseText.Fold(words[words.Count - phrase.Length + i]) == w).All(x => x);

    // Split "≥30" style symbols off so they are tokens of their own.
    private static List<string> Words(string text) =>
        SymbolPattern().Replace(text, " $0 ").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static bool IsYear(string number) =>
        number.Length == 4 && (number.StartsWith("19", StringComparison.Ordinal) || number.StartsWith("20", StringComparison.Ordinal));

    // Not part of a date or document number ("30/6/2026", "90/2013/NĐ-CP").
    [GeneratedRegex(@"(?<![0-9.,/])([0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?|[0-9]+([.,][0-9]+)?)(?![0-9/]|[.,][0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\s*%", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"≥|≤|>=|<=|(?<![<>])[<>=](?!=)", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();
}
