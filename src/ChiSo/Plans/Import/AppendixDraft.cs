using ChiSo.Common;

namespace ChiSo.Plans.Import;

/// <summary>
/// What the appendix says, before anyone saves it: groups (sections such as "1. Tham gia của người dân ở
/// cấp cơ sở") holding tasks, and the problems the user should see before confirming.
/// </summary>
public sealed record AppendixDraft(IReadOnlyList<AppendixGroup> Groups, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => !p.IsWarning);

    public IEnumerable<AppendixTask> AllTasks => Groups.SelectMany(g => g.Tasks);
}

/// <param name="Code">From the file ("1", "II") or, when the file has none, the group's position.</param>
/// <param name="Title">As written (possibly with "I." or "Chỉ số nội dung"), unless the caller asked to strip.</param>
/// <param name="Node">The section title when it stood in the Node column (shape "Chỉ số nội dung").</param>
/// <param name="SourceRow">0 for the implicit group of tasks that come before any section row.</param>
public sealed record AppendixGroup(string Code, string Title, string? Node, int SourceRow, IReadOnlyList<AppendixTask> Tasks, bool CodeGenerated = false)
{
    /// <summary>The title without a leading numbering or "Chỉ số nội dung"/"Chỉ số:"/"Nội dung:" label.</summary>
    public string TitleWithoutPrefix => TitlePrefix.Strip(Title);
}

/// <param name="Code">From the file, or generated ("1.1", "1.2"; an extra task under a coded row "1.1" gets "1.1.2").</param>
/// <param name="Node">The sub-dimension the task belongs to, when the file has a Node column.</param>
public sealed record AppendixTask(
    string Code,
    string Content,
    string? Node,
    string? Target,
    IReadOnlyList<string> Leads,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Executing,
    string? Time,
    string? Output,
    int SourceRow,
    bool CodeGenerated = false);
