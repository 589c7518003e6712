using System.Globalization;
using ChiSo.Plans;
using ChiSo.Plans.Documents;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// Drafts a period's narrative for the coordinator to edit, from the roll-up and the accepted reports only
/// (<see cref="AcceptedTexts"/>): an opening naming the plan and the period; the general result in the Government
/// Office's sentence of counts and the reports received; one paragraph per dimension — its counts, then what each unit
/// reported on each task, the unit named; the difficulties and the proposals the units raised. The same words from
/// several units are written once with every unit named (71 communes often write the same line).
/// </summary>
public static class NarrativeDrafter
{
    /// <summary>Units named on one line before the rest are counted ("và 12 đơn vị khác").</summary>
    public const int NamesPerLine = 10;

    public static NarrativeText Draft(PeriodRollup rollup, PlanHeading plan, IReadOnlyList<AcceptedText> accepted)
    {
        var period = PeriodWords.Vi(rollup.Period);
        var order = rollup.Tasks.Select((t, i) => (t.TaskId, i)).ToDictionary(x => x.TaskId, x => x.i);
        var codeOf = rollup.Tasks.ToDictionary(t => t.TaskId, t => t.Code);
        var texts = accepted.Where(a => order.ContainsKey(a.TaskId))
            .OrderBy(a => order[a.TaskId]).ThenBy(a => RoleOrder(a.Role)).ThenBy(a => a.UnitName, VietnameseText.Comparer).ToList();

        var opening = $"Thực hiện {plan.Reference} về {PlanBoilerplate.InSentence(plan.Title)}, {plan.IssuingBody.Trim()} báo cáo kết quả thực hiện {period} như sau:";
        var results = rollup.Dimensions.Select(d =>
        {
            var lines = new List<string> { Capitalised(CountsSentence(d.Counts)) + "." };
            var tasks = d.TaskCodes.ToHashSet(StringComparer.Ordinal);
            // Per task, the same result from several units once, the units named.
            foreach (var task in texts.Where(t => tasks.Contains(codeOf[t.TaskId])).GroupBy(t => t.TaskId))
            {
                lines.AddRange(Merged(task.Select(t => (t.UnitName, codeOf[t.TaskId], t.Result))));
            }

            return new NarrativeSection(d.Code, d.Title, Capped(lines));
        }).ToList();

        return new NarrativeText(opening, Summary(rollup, period), results,
            Capped(Merged(texts.Select(t => (t.UnitName, codeOf[t.TaskId], t.Difficulties)))),
            Capped(Merged(texts.Select(t => (t.UnitName, codeOf[t.TaskId], t.Proposals)))));
    }

    /// <summary>The general result: the tasks counted, then the reports received, accepted, returned and missing.</summary>
    public static string Summary(PeriodRollup rollup, string period)
    {
        var r = rollup.Reports;
        return string.Create(CultureInfo.InvariantCulture, $"Trong {period}, {CountsSentence(rollup.Counts)}.\n")
            + string.Create(CultureInfo.InvariantCulture,
                $"Các cơ quan, đơn vị đã gửi {r.Reported}/{r.Expected} báo cáo (đúng hạn {r.OnTime}, chậm {r.LateReported}); đã tiếp nhận {r.Accepted} báo cáo; {r.Returned} báo cáo được trả lại để bổ sung; {r.Missing} báo cáo chưa gửi.");
    }

    /// <summary>
    /// The counts as a clause: "có 3 nhiệm vụ đến hạn, đã hoàn thành 1 (33,34%; …)" (the Government Office's sentence), or
    /// when nothing fell due "chưa có nhiệm vụ đến hạn; 4 nhiệm vụ thường xuyên đang thực hiện" rather than a row of zeros.
    /// </summary>
    public static string CountsSentence(StatusCounts counts) => counts switch
    {
        { Total: > 0 } => "có " + counts.SentenceVi(),
        { Ongoing: > 0 } => string.Create(CultureInfo.InvariantCulture, $"chưa có nhiệm vụ đến hạn; {counts.Ongoing} nhiệm vụ thường xuyên đang thực hiện"),
        _ => "chưa có nhiệm vụ đến hạn",
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], VietnameseFormat.Culture) + text[1..];

    /// <summary>
    /// "- Sở Tư pháp, Thanh tra tỉnh (nhiệm vụ 1.2): text" — one line per distinct text (its words as written, on one
    /// line), in the order first written, with every unit and task that wrote it.
    /// </summary>
    private static IEnumerable<string> Merged(IEnumerable<(string Unit, string Task, string? Text)> items)
    {
        var groups = new List<(string Text, List<string> Units, List<string> Tasks)>();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (unit, task, raw) in items)
        {
            var text = VietnameseText.Normalize(raw);
            if (text.Length == 0)
            {
                continue;
            }

            if (!byText.TryGetValue(text, out var index))
            {
                index = groups.Count;
                byText[text] = index;
                groups.Add((text, [], []));
            }

            var group = groups[index];
            if (!group.Units.Contains(unit, StringComparer.Ordinal))
            {
                group.Units.Add(unit);
            }

            if (!group.Tasks.Contains(task, StringComparer.Ordinal))
            {
                group.Tasks.Add(task);
            }
        }

        return groups.Select(g => $"- {Names(g.Units)} (nhiệm vụ {string.Join(", ", g.Tasks)}): {g.Text}");
    }

    private static string Names(List<string> units) => units.Count <= NamesPerLine
        ? string.Join(", ", units)
        : string.Join(", ", units.Take(NamesPerLine)) + string.Create(CultureInfo.InvariantCulture, $" và {units.Count - NamesPerLine} đơn vị khác");

    /// <summary>The lines joined, stopping short of the stored limit with a line saying how many were left out.</summary>
    private static string Capped(IEnumerable<string> lines)
    {
        var kept = new List<string>();
        var length = 0;
        var all = lines.ToList();
        const int room = 200;
        foreach (var line in all)
        {
            if (length + line.Length + 1 > PeriodNarrative.TextMaxLength - room)
            {
                kept.Add(string.Create(CultureInfo.InvariantCulture, $"(… và {all.Count - kept.Count} nội dung khác: xem báo cáo của các đơn vị.)"));
                break;
            }

            kept.Add(line);
            length += line.Length + 1;
        }

        return string.Join('\n', kept);
    }

    // The lead speaks for the task first, then the units carrying it out, then the partners.
    private static int RoleOrder(AssignmentRole role) => role switch
    {
        AssignmentRole.Lead => 0,
        AssignmentRole.Executing => 1,
        _ => 2,
    };
}
