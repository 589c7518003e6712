namespace ChiSo.Plans.Import;

/// <summary>Mutable groups and tasks while rows are read; continuation rows append to the last task.</summary>
internal sealed class GroupBuilder(string code, string title, string? node, int sourceRow)
{
    public string Code { get; } = code;

    public string Title { get; } = title;

    public string? Node { get; } = node;

    public int SourceRow { get; } = sourceRow;

    public List<TaskBuilder> Tasks { get; } = [];
}

internal sealed class TaskBuilder(string code, int sourceRow)
{
    public string Code { get; } = code;

    public int SourceRow { get; } = sourceRow;

    public Dictionary<AppendixField, string> Text { get; } = [];

    public string Get(AppendixField field) => Text.TryGetValue(field, out var text) ? text : "";

    public string? GetOrNull(AppendixField field) => Text.TryGetValue(field, out var text) && text.Length > 0 ? text : null;

    public void Append(AppendixField field, string more)
    {
        if (more.Length > 0)
        {
            Text[field] = CellText.Append(Get(field), more);
        }
    }
}
