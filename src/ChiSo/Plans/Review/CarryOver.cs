using ChiSo.Frameworks;
using ChiSo.Plans.Authoring;
using ChiSo.Text;

namespace ChiSo.Plans.Review;

/// <summary>A task of last year's plan that did not work, ready for this year's draft, with the note that says so.</summary>
public sealed record CarriedTask(TaskInput Input, string? GroupTitle, string Note);

/// <summary>
/// What next year's draft takes over from a plan's year in review: its tasks that did not work
/// (<see cref="TaskReview.DidNotWork"/>), each flagged with where it came from and why ("Chuyển tiếp từ Kế hoạch
/// 115/KH-UBND: chưa hoàn thành"). Nothing is decided for the coordinator: the draft shows the tasks and the notes, and
/// the coordinator keeps, edits or deletes them.
/// </summary>
public sealed record CarryOver(string? FromPlan, IReadOnlyList<CarriedTask> Tasks)
{
    public static CarryOver None { get; } = new(null, []);

    /// <summary>The note a carried task bears (at most <see cref="NoteLength"/> characters, the column's width).</summary>
    public const int NoteLength = 500;

    public static string Note(string planName, TaskReview task)
    {
        var why = task.NotDone ? "chưa hoàn thành"
            : "đã hoàn thành nhưng " + string.Join("; ", task.FellNodes.Select(n =>
                $"{IndexFamilies.Label(n.Family)} {n.Code} vẫn kém cả nước {ChangeWords.Score(-n.Relative!.Value)} điểm"));
        var note = $"Chuyển tiếp từ Kế hoạch {planName}: {why}";
        return note.Length <= NoteLength ? note : note[..(NoteLength - 1)] + "…";
    }

    /// <summary>
    /// This year's drafted groups and tasks with the carried ones added: a carried task the draft already has (the same
    /// content, as when the library proposes the same task for a node still weak) flags that task instead of repeating
    /// it; the others join their old group (added after the draft's when the draft has no such group) under the next free code.
    /// </summary>
    public (List<TaskGroupInput> Groups, List<TaskInput> Tasks) Apply(IReadOnlyList<TaskGroupInput> groups, IReadOnlyList<TaskInput> tasks)
    {
        var allGroups = groups.ToList();
        var allTasks = tasks.ToList();
        foreach (var carried in Tasks)
        {
            var content = Key(carried.Input.Content);
            var same = allTasks.FindIndex(t => t.CarriedOver is null && Key(t.Content) == content);
            if (same >= 0)
            {
                allTasks[same] = allTasks[same] with { CarriedOver = carried.Note };
                continue;
            }

            var group = carried.Input.GroupCode;
            if (group is not null && !allGroups.Any(g => string.Equals(g.Code, group, StringComparison.Ordinal)))
            {
                allGroups.Add(new TaskGroupInput(group, carried.GroupTitle ?? group));
            }

            allTasks.Add(carried.Input with { Code = NextCode(allTasks, group), CarriedOver = carried.Note });
        }

        return (allGroups, allTasks);
    }

    /// <summary>"2.4" after "2.1"–"2.3" in group 2; "4" after ungrouped "1"–"3".</summary>
    private static string NextCode(IEnumerable<TaskInput> tasks, string? group)
    {
        var prefix = group is null ? "" : group + ".";
        var used = tasks.Select(t => t.Code)
            .Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return prefix + (used + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Key(string? content) => VietnameseText.Normalize(content).Trim().ToUpperInvariant();
}
