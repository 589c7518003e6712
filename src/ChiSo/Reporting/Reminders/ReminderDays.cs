using System.Globalization;
using ChiSo.Common;
using ChiSo.Reporting.Setup;

namespace ChiSo.Reporting.Reminders;

/// <summary>
/// When a plan's units are reminded, in calendar days around each unit due date: <see cref="Before"/> (0 is the due
/// date itself) and <see cref="After"/> (1 and more). The last "after" day is also the day the unit head and the plan's
/// coordinators are told the report is still missing (<see cref="EscalationDay"/>). Calendar days, not working days:
/// the due date is already a working day, and a reminder read on a Sunday still gives the days left. A plan with no
/// setting saved uses <see cref="Default"/>: 3 days before, 1 and 5 days after.
/// </summary>
public sealed record ReminderDays(IReadOnlyList<int> Before, IReadOnlyList<int> After)
{
    /// <summary>The most days before or after a due date a reminder may come (two months).</summary>
    public const int MaxDays = 60;

    /// <summary>The most reminders on either side: more is nagging, not following up.</summary>
    public const int MaxCount = 5;

    public static ReminderDays Default { get; } = new([3], [1, 5]);

    /// <summary>The day after the due date on which a missing report goes to the unit head and the coordinators; null with no "after" days.</summary>
    public int? EscalationDay => After.Count == 0 ? null : After[^1];

    public string BeforeText => Format(Before);

    public string AfterText => Format(After);

    /// <summary>The plan's days: its saved lists, or the defaults for what was never saved (null columns, no row).</summary>
    public static ReminderDays Of(PlanReportingSettings? settings) => new(
        settings?.ReminderDaysBefore is { } before ? Stored(before) : Default.Before,
        settings?.ReminderDaysAfter is { } after ? Stored(after) : Default.After);

    /// <summary>"3" or "1, 5" or "" (none) as typed on the form; each list checked for its own field.</summary>
    public static Outcome<ReminderDays> Parse(string? before, string? after)
    {
        var problems = new List<Problem>();
        var b = ParseList(before, "before", minimum: 0, problems);
        var a = ParseList(after, "after", minimum: 1, problems);
        return problems.Count > 0 ? Outcome<ReminderDays>.Fail(problems) : Outcome.Ok(new ReminderDays(b, a));
    }

    /// <summary>The same check for lists that come as numbers (the API).</summary>
    public static Outcome<ReminderDays> From(IReadOnlyList<int>? before, IReadOnlyList<int>? after) =>
        Parse(before is null ? null : Format(before), after is null ? null : Format(after));

    public static string Format(IEnumerable<int> days) => string.Join(",", days.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    private static IReadOnlyList<int> Stored(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => int.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture)).Order().ToList();

    private static List<int> ParseList(string? text, string field, int minimum, List<Problem> problems)
    {
        var (whatVi, whatEn) = field == "before" ? ("Nhắc trước hạn", "Reminders before the due date") : ("Nhắc sau hạn", "Reminders after the due date");
        var days = new SortedSet<int>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < minimum || day > MaxDays)
            {
                problems.Add(Problem.Invalid(field, $"{whatVi}: “{part}” không phải số ngày từ {minimum} đến {MaxDays}. Ví dụ: 1,5.",
                    $"{whatEn}: “{part}” is not a number of days from {minimum} to {MaxDays}. For example: 1,5."));
                return [];
            }

            days.Add(day);
        }

        if (days.Count > MaxCount)
        {
            problems.Add(Problem.Invalid(field, $"{whatVi}: nhiều nhất {MaxCount} lần nhắc.", $"{whatEn}: at most {MaxCount} reminders."));
            return [];
        }

        return days.ToList();
    }
}
