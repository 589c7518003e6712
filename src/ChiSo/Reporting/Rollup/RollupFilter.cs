using System.Globalization;
using ChiSo.Common;
using ChiSo.Plans;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// Which obligations of a period one number of the roll-up counts, written as the query string of the list behind it
/// (<c>standing=missing&amp;unit=SNV&amp;late=true</c>): the dashboard builds every number's link from one of these and
/// <see cref="RollupList"/> lists what it selects, so a list is exactly as long as the number that led to it. Unset
/// parts select everything. <see cref="Tasks"/> selects tasks instead (the Government Office's counts), with
/// <see cref="Dimension"/> the only part that combines with it.
/// </summary>
public sealed record RollupFilter
{
    /// <summary>Tasks under no heading of the plan ("Nhiệm vụ khác"), as <see cref="Dimension"/>.</summary>
    public const string NoDimension = "-";

    public Standing? Standing { get; init; }

    /// <summary>Late (submitted after the due date, or missing) or not.</summary>
    public bool? Late { get; init; }

    public bool? Accepted { get; init; }

    /// <summary>Reported with the task done.</summary>
    public bool? Done { get; init; }

    /// <summary>A unit's code.</summary>
    public string? Unit { get; init; }

    /// <summary>A task's code.</summary>
    public string? Task { get; init; }

    /// <summary>The code of one of the plan's headings, or <see cref="NoDimension"/>.</summary>
    public string? Dimension { get; init; }

    public UnitLevel? Level { get; init; }

    /// <summary>A district's code: the units under it.</summary>
    public string? Area { get; init; }

    public RoleFilter? Role { get; init; }

    /// <summary>Set: the tasks one of the Government Office's counts (or the tasks at risk) counts, not obligations.</summary>
    public TaskCount? Tasks { get; init; }

    public static RollupFilter All { get; } = new();

    /// <summary>Whether an obligation's own facts match (standing, lateness, acceptance, done, role); where it sits is <see cref="RollupList"/>'s.</summary>
    public bool Matches(ObligationFacts facts) =>
        (Standing is not { } standing || facts.Standing == standing)
        && (Late is not { } late || facts.Late == late)
        && (Accepted is not { } accepted || facts.Accepted == accepted)
        && (Done is not { } done || facts.Done == done)
        && (Role is not { } role || role switch
        {
            RoleFilter.Lead => facts.Row.Role == AssignmentRole.Lead,
            RoleFilter.Partner => facts.Row.Role == AssignmentRole.Partner,
            RoleFilter.Executing => facts.Row.Role == AssignmentRole.Executing,
            _ => facts.Row.Role != AssignmentRole.Partner,
        });

    /// <summary>The tasks of <paramref name="rollup"/> that <see cref="Tasks"/> counts (all of them when unset), under <see cref="Dimension"/>.</summary>
    public IReadOnlyList<TaskRollup> TasksIn(PeriodRollup rollup)
    {
        var tasks = Dimension switch
        {
            null => rollup.Tasks,
            NoDimension => rollup.Tasks.Where(t => t.GroupId is null),
            { } code => rollup.Dimensions.FirstOrDefault(d => d.GroupId is not null && string.Equals(d.Code, code, StringComparison.Ordinal)) is { } d
                ? rollup.Tasks.Where(t => t.GroupId == d.GroupId)
                : [],
        };
        return tasks.Where(t => Counts(t)).ToList();
    }

    private bool Counts(TaskRollup task) => Tasks switch
    {
        null or TaskCount.All => true,
        TaskCount.AtRisk => task.AtRisk,
        TaskCount.Total => task.Status != Reports.ReportTaskStatus.Ongoing,
        TaskCount.Done => task.Status is Reports.ReportTaskStatus.DoneOnTime or Reports.ReportTaskStatus.DoneLate,
        TaskCount.NotDone => task.Status is Reports.ReportTaskStatus.NotDoneWithin or Reports.ReportTaskStatus.NotDoneOverdue,
        TaskCount.DoneOnTime => task.Status == Reports.ReportTaskStatus.DoneOnTime,
        TaskCount.DoneLate => task.Status == Reports.ReportTaskStatus.DoneLate,
        TaskCount.NotDoneWithin => task.Status == Reports.ReportTaskStatus.NotDoneWithin,
        TaskCount.NotDoneOverdue => task.Status == Reports.ReportTaskStatus.NotDoneOverdue,
        _ => task.Status == Reports.ReportTaskStatus.Ongoing,
    };

    /// <summary>The query string, its parts always in the same order (empty for <see cref="All"/>).</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("tasks", Tasks is { } t ? Camel(t.ToString()) : null);
        Add("standing", Standing is { } s ? Camel(s.ToString()) : null);
        Add("late", Bool(Late));
        Add("accepted", Bool(Accepted));
        Add("done", Bool(Done));
        Add("role", Role is { } r ? Camel(r.ToString()) : null);
        Add("task", Task);
        Add("dimension", Dimension);
        Add("unit", Unit);
        Add("level", Level is { } l ? Camel(l.ToString()) : null);
        Add("area", Area);
        return string.Join('&', parts);
    }

    /// <summary>
    /// The filter a query string names (<paramref name="value"/> gives each key's value, null when absent), or what is
    /// wrong with it, each problem naming its key.
    /// </summary>
    public static Outcome<RollupFilter> Parse(Func<string, string?> value)
    {
        var problems = new List<Problem>();
        T? Enum<T>(string key)
            where T : struct, Enum
        {
            if (Text(key) is not { } text)
            {
                return null;
            }

            if (System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !text.All(char.IsAsciiDigit))
            {
                return parsed;
            }

            var allowed = string.Join(", ", System.Enum.GetNames<T>().Select(Camel));
            problems.Add(Problem.Invalid(key, $"'{text}' không phải là giá trị của '{key}' (một trong: {allowed}).", $"'{text}' is not a value of '{key}' (one of: {allowed})."));
            return null;
        }

        bool? Flag(string key)
        {
            switch (Text(key))
            {
                case null: return null;
                case { } t when t.Equals("true", StringComparison.OrdinalIgnoreCase): return true;
                case { } t when t.Equals("false", StringComparison.OrdinalIgnoreCase): return false;
                case { } t:
                    problems.Add(Problem.Invalid(key, $"'{key}' nhận true hoặc false, không phải '{t}'.", $"'{key}' takes true or false, not '{t}'."));
                    return null;
            }
        }

        string? Text(string key) => value(key) is { } raw && raw.Trim() is { Length: > 0 } trimmed ? trimmed : null;

        var filter = new RollupFilter
        {
            Tasks = Enum<TaskCount>("tasks"), Standing = Enum<Standing>("standing"), Late = Flag("late"), Accepted = Flag("accepted"), Done = Flag("done"),
            Role = Enum<RoleFilter>("role"), Task = Text("task"), Dimension = Text("dimension"), Unit = Text("unit"), Level = Enum<UnitLevel>("level"),
            Area = Text("area"),
        };
        if (filter.Tasks is not null && (filter with { Tasks = null, Dimension = null }) != All)
        {
            problems.Add(Problem.Invalid("tasks", "Danh sách nhiệm vụ chỉ lọc thêm được theo lĩnh vực (dimension).",
                "A list of tasks can only be narrowed by dimension."));
        }

        return problems.Count == 0 ? Outcome.Ok(filter) : Outcome<RollupFilter>.Fail(problems);
    }

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static string Camel(string name) => char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
}

/// <summary>Which of a task's units an obligation list takes: one role, or the units carrying it out (lead and executing, partners apart).</summary>
public enum RoleFilter
{
    Lead,
    Partner,
    Executing,
    Carrying,
}
