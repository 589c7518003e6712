using System.Text.RegularExpressions;
using ChiSo.Common;
using ChiSo.Plans.Authoring;
using ChiSo.Text;

namespace ChiSo.Plans.Import;

/// <summary>A registry entry offered for a name from the file: its key (<c>unit:12</c>, <c>builtin:all-communes</c>), label and kind.</summary>
public sealed record NameCandidate(string Key, string Name, string Kind);

/// <summary>
/// A name from the file that the registry does not know (or knows twice, or cannot use at the plan's date), with how
/// often and where it appears and the closest entries to pick from. Nothing is picked for the user.
/// </summary>
/// <param name="Ambiguous">The name matches several units (listed first among <paramref name="Candidates"/>).</param>
/// <param name="Reason">Why a recognised name cannot be used ("UBND cấp huyện" after 1 July 2025); null otherwise.</param>
public sealed record UnknownUnitName(string Name, bool UsedAsLead, IReadOnlyList<int> Rows, IReadOnlyList<NameCandidate> Candidates,
    bool Ambiguous = false, string? Reason = null, string? ReasonEn = null);

/// <summary>Matching the appendix's unit names to the registry at the plan's date, and saying where (row, column) a name is still unmatched.</summary>
internal static partial class AppendixNames
{
    /// <summary>Every name of the draft that does not resolve and is not matched by the user, leads first.</summary>
    public static IReadOnlyList<UnknownUnitName> Unknown(AppendixDraft draft, AssigneeResolver resolver, IReadOnlyDictionary<string, string>? matches) =>
        draft.AllTasks
            .SelectMany(t => t.Leads.Select(n => (Name: n, Lead: true, t.SourceRow))
                .Concat(t.Partners.Concat(t.Executing).Select(n => (Name: n, Lead: false, t.SourceRow))))
            .Where(x => !(matches?.ContainsKey(x.Name) ?? false))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .Select(g => (g, Resolved: resolver.Resolve(g.Key)))
            .Where(x => !x.Resolved.IsResolved)
            .Select(x => new UnknownUnitName(x.g.Key, x.g.Any(y => y.Lead), x.g.Select(y => y.SourceRow).Distinct().Order().ToList(),
                (x.Resolved.Suggestions ?? []).Select(c => new NameCandidate(c.Key.ToString(), c.Label, c.Kind.ToString().ToLowerInvariant())).ToList(),
                x.Resolved.IsAmbiguous, x.Resolved.Refusal?.MessageVi, x.Resolved.Refusal?.MessageEn))
            .OrderByDescending(u => u.UsedAsLead).ThenBy(u => u.Name, VietnameseText.Comparer)
            .ToList();

    /// <summary>
    /// One problem per row where a lead is still unmatched (or matched to "" — a lead must be a registry entry), at the
    /// lead column, so the user finds it in the file.
    /// </summary>
    public static IEnumerable<Problem> UnmatchedLeads(AppendixPreview preview, IReadOnlyDictionary<string, string> matches)
    {
        var column = ColumnOf(preview, AppendixField.Lead);
        foreach (var name in preview.UnknownNames.Where(u => u.UsedAsLead))
        {
            var (vi, en, code) = name.Reason is not null
                ? (name.Reason, name.ReasonEn ?? name.Reason, ProblemCodes.Invalid)
                : name.Ambiguous
                    ? ($"đơn vị chủ trì '{name.Name}' chưa được đối chiếu: trùng tên nhiều đơn vị, hãy chọn một.",
                        $"lead '{name.Name}' has not been matched: several units have this name, choose one.", ProblemCodes.Ambiguous)
                    : ($"đơn vị chủ trì '{name.Name}' chưa được đối chiếu với danh mục đơn vị.", $"lead '{name.Name}' has not been matched to the unit registry.", ProblemCodes.Unmatched);
            foreach (var row in name.Rows)
            {
                yield return Problem.AtRow(row, column, vi, en, code);
            }
        }

        foreach (var (name, _) in matches.Where(m => m.Value.Length == 0))
        {
            foreach (var task in preview.Draft?.AllTasks.Where(t => t.Leads.Contains(name)) ?? [])
            {
                yield return Problem.AtRow(task.SourceRow, column, $"Đơn vị chủ trì '{name}' phải được đối chiếu với một đơn vị, không giữ nguyên chữ.",
                    $"Lead '{name}' must be matched to a unit, not kept as text.", ProblemCodes.Required);
            }
        }
    }

    /// <summary>
    /// The saving step names a task's problems by field (<c>tasks[3].leads</c>); in an import they belong to the task's row
    /// and column of the file.
    /// </summary>
    public static IReadOnlyList<Problem> AtRows(IReadOnlyList<Problem> problems, AppendixPreview preview, IReadOnlyList<AppendixTask> tasks) =>
        problems.Select(p =>
        {
            if (p.Row is not null || p.Field is null || TaskField().Match(p.Field) is not { Success: true } m)
            {
                return p;
            }

            var index = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index >= tasks.Count)
            {
                return p;
            }

            var field = m.Groups[2].Value switch
            {
                "leads" or "lead" => AppendixField.Lead,
                "partners" or "partner" => AppendixField.Partners,
                "executings" or "executing" => AppendixField.Executing,
                "timeframe" or "timeframeText" => AppendixField.Time,
                "content" => AppendixField.Content,
                "code" or "groupCode" => AppendixField.Code,
                var other when other.StartsWith("target", StringComparison.Ordinal) => AppendixField.Target,
                _ => AppendixField.Ignore,
            };
            return p with { Row = tasks[index].SourceRow, Column = field == AppendixField.Ignore ? null : ColumnOf(preview, field), Field = null };
        }).ToList();

    [GeneratedRegex(@"^tasks\[(\d+)\](?:\.([A-Za-z]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex TaskField();

    /// <summary>"D (Đơn vị chủ trì)": the column's letter and its header, as the parser's messages name columns.</summary>
    private static string? ColumnOf(AppendixPreview preview, AppendixField field)
    {
        if (preview.Mapping?.ColumnOf(field) is not { } c)
        {
            return null;
        }

        var letter = CellText.ColumnLetter(c);
        var title = c < preview.Header.Count ? preview.Header[c].Replace('\n', ' ').Trim() : "";
        return title.Length > 0 ? $"{letter} ({title})" : letter;
    }
}
