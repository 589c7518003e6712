using System.Globalization;
using System.Reflection;
using ChiSo.Common;
using ChiSo.Text;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// Checks a plan's header and tasks before anything is written, naming each field in both languages. Text lengths
/// come from <see cref="PlanLimits"/> (the EF model), never from numbers written here.
/// </summary>
internal static class PlanValidator
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The header's texts, checked against the <see cref="Plan"/> column of the same name (a new field is checked as soon as it is mapped).</summary>
    private static readonly PropertyInfo[] HeaderTexts = typeof(PlanHeaderInput).GetProperties().Where(p => p.PropertyType == typeof(string)).ToArray();

    public static List<Problem> Header(PlanHeaderInput h, PlanLimits limits)
    {
        var errors = new List<Problem>();
        if (string.IsNullOrWhiteSpace(h.Title))
        {
            errors.Add(Problem.Required("title", "Thiếu trích yếu (tên kế hoạch).", "The plan's title is missing."));
        }

        if (string.IsNullOrWhiteSpace(h.IssuingBody))
        {
            errors.Add(Problem.Required("issuingBody", "Thiếu cơ quan ban hành.", "The issuing body is missing."));
        }

        if (string.IsNullOrWhiteSpace(h.Place))
        {
            errors.Add(Problem.Required("place", "Thiếu địa danh.", "The place is missing."));
        }

        if (string.IsNullOrWhiteSpace(h.Symbol))
        {
            errors.Add(Problem.Required("symbol", "Thiếu ký hiệu văn bản (ví dụ KH-UBND).", "The document symbol (e.g. KH-UBND) is missing."));
        }

        foreach (var property in HeaderTexts)
        {
            if (TooLong(Key(property.Name), property.GetValue(h) as string, limits.MaxLength<Plan>(property.Name)) is { } tooLong)
            {
                errors.Add(tooLong);
            }
        }

        var frameworks = string.Join(',', h.Frameworks.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal));
        if (TooLong("frameworks", frameworks, limits.MaxLength<Plan>(nameof(Plan.Frameworks))) is { } tooMany)
        {
            errors.Add(tooMany);
        }

        if (h.FromYear is < MinYear or > MaxYear || h.ToYear is < MinYear or > MaxYear)
        {
            errors.Add(Problem.Invalid("period", $"Kỳ kế hoạch phải trong khoảng {MinYear}–{MaxYear}.", $"The plan period must lie within {MinYear}–{MaxYear}."));
        }
        else if (h.ToYear < h.FromYear)
        {
            errors.Add(Problem.Invalid("period", "Năm kết thúc trước năm bắt đầu.", "The period ends before it starts."));
        }
        else if (h.ToYear - h.FromYear > 10)
        {
            errors.Add(Problem.Invalid("period", "Kỳ kế hoạch dài quá 10 năm.", "The plan period is longer than 10 years."));
        }

        if (h.IssuedOn is { } date && (date.Year < h.FromYear - 1 || date.Year > h.ToYear))
        {
            errors.Add(Problem.Invalid("issuedOn", "Ngày ban hành không khớp kỳ kế hoạch.", "The issue date does not fit the plan period."));
        }

        return errors;
    }

    public static List<Problem> Task(TaskInput t, string field, PlanLimits limits)
    {
        var errors = new List<Problem>();
        var code = VietnameseText.Normalize(t.Code).Trim();
        var label = code.Length == 0 ? "" : $" {code}";
        if (code.Length == 0)
        {
            errors.Add(Problem.Required($"{field}.code", "Nhiệm vụ thiếu số thứ tự (mã).", "The task has no code."));
        }

        if (string.IsNullOrWhiteSpace(t.Content))
        {
            errors.Add(Problem.Required($"{field}.content", $"Nhiệm vụ{label}: thiếu nội dung.", $"Task{label}: the content is missing."));
        }

        if (!t.Leads.Any(l => !string.IsNullOrWhiteSpace(l)))
        {
            errors.Add(Problem.Required($"{field}.leads", $"Nhiệm vụ{label}: chưa có đơn vị chủ trì.", $"Task{label}: no lead unit."));
        }

        (string Key, string? Value, int? Limit)[] texts =
        [
            ("code", t.Code, limits.MaxLength<PlanTask>(nameof(PlanTask.Code))),
            ("groupCode", t.GroupCode, limits.MaxLength<PlanTaskGroup>(nameof(PlanTaskGroup.Code))),
            ("groupTitle", t.GroupTitle, limits.MaxLength<PlanTaskGroup>(nameof(PlanTaskGroup.Title))),
            ("content", t.Content, limits.MaxLength<PlanTask>(nameof(PlanTask.Content))),
            ("targetText", t.TargetText, limits.MaxLength<PlanTask>(nameof(PlanTask.TargetText))),
            ("targetMetric", t.TargetMetric, limits.MaxLength<PlanTask>(nameof(PlanTask.TargetMetric))),
            ("targetUnit", t.TargetUnit, limits.MaxLength<PlanTask>(nameof(PlanTask.TargetUnit))),
            ("timeframeText", t.TimeframeText, limits.MaxLength<PlanTask>(nameof(PlanTask.TimeframeText))),
            ("expectedOutput", t.ExpectedOutput, limits.MaxLength<PlanTask>(nameof(PlanTask.ExpectedOutput))),
        ];
        var assignee = limits.MaxLength<TaskAssignment>(nameof(TaskAssignment.Text));
        var (frameworkId, nodeCode) = (limits.MaxLength<TaskNodeLink>(nameof(TaskNodeLink.FrameworkId)), limits.MaxLength<TaskNodeLink>(nameof(TaskNodeLink.NodeCode)));
        var checks = texts
            .Concat(t.Leads.Select(n => ("leads", (string?)n, assignee)))
            .Concat(t.Partners.Select(n => ("partners", (string?)n, assignee)))
            .Concat(t.Executing.Select(n => ("executings", (string?)n, assignee)))
            .Concat(t.Nodes.SelectMany(n => new[] { ("nodes", (string?)n.FrameworkId, frameworkId), ("nodes", n.NodeCode, nodeCode) }));
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value, limit) in checks)
        {
            // One message per field: a list of twenty over-long names is one problem to fix.
            if (!reported.Contains(key) && TooLong(key, value, limit, $"{field}.{key}", code.Length == 0 ? null : code) is { } tooLong)
            {
                errors.Add(tooLong);
                reported.Add(key);
            }
        }

        if (!string.IsNullOrWhiteSpace(t.TargetValue))
        {
            var max = limits.MaxMagnitude<PlanTask>(nameof(PlanTask.TargetValue));
            if (!Targets.TargetValueParser.TryParse(t.TargetValue, out var value))
            {
                errors.Add(Problem.Invalid($"{field}.targetValue", $"Nhiệm vụ{label}: giá trị chỉ tiêu '{t.TargetValue}' không phải là số.",
                    $"Task{label}: target value '{t.TargetValue}' is not a number."));
            }
            else if (max is { } m && Math.Abs(value) >= m)
            {
                var shown = m.ToString("N0", VietnameseFormat.Culture);
                errors.Add(Problem.Invalid($"{field}.targetValue", $"Nhiệm vụ{label}: giá trị chỉ tiêu '{t.TargetValue}' quá lớn (phải nhỏ hơn {shown}).",
                    $"Task{label}: target value '{t.TargetValue}' is too large (it must be below {m.ToString("N0", CultureInfo.InvariantCulture)})."));
            }
        }

        if (!string.IsNullOrWhiteSpace(t.TargetValue) && t.TargetComparator is null)
        {
            errors.Add(Problem.Invalid($"{field}.targetComparator", $"Nhiệm vụ{label}: chỉ tiêu có giá trị nhưng thiếu phép so sánh (≥, ≤, =).",
                $"Task{label}: the target has a value but no comparator (≥, ≤, =)."));
        }

        return errors;
    }

    /// <summary>A heading of the appendix: its code and title within their columns.</summary>
    public static List<Problem> Group(TaskGroupInput g, string field, PlanLimits limits)
    {
        var errors = new List<Problem>();
        if (TooLong("groupCode", g.Code, limits.MaxLength<PlanTaskGroup>(nameof(PlanTaskGroup.Code)), $"{field}.groupCode") is { } code)
        {
            errors.Add(code);
        }

        if (TooLong("groupTitle", g.Title, limits.MaxLength<PlanTaskGroup>(nameof(PlanTaskGroup.Title)), $"{field}.groupTitle") is { } title)
        {
            errors.Add(title);
        }

        return errors;
    }

    /// <summary>
    /// "Trích yếu dài quá 500 ký tự (hiện có 612)." when the text, as it will be stored (NFC, whitespace tidied),
    /// exceeds <paramref name="limit"/>; for a task, prefixed with its code.
    /// </summary>
    public static Problem? TooLong(string key, string? value, int? limit, string? field = null, string? taskCode = null)
    {
        if (limit is not { } max || string.IsNullOrEmpty(value))
        {
            return null;
        }

        var length = VietnameseText.NormalizeMultiline(value).Length;
        if (length <= max)
        {
            return null;
        }

        var (vi, en) = PlanFieldNames.Of(key);
        var (atVi, atEn) = taskCode is null ? ("", "") : ($"Nhiệm vụ {taskCode}: ", $"Task {taskCode}: ");
        if (taskCode is not null)
        {
            (vi, en) = (Lower(vi), Lower(en));
        }

        return Problem.Invalid(field ?? key, $"{atVi}{vi} dài quá {max} ký tự (hiện có {length}).",
            $"{atEn}{en} is longer than {max} characters ({length}).");
    }

    private static string Key(string property) => string.Concat(char.ToLowerInvariant(property[0]).ToString(), property[1..]);

    private static string Lower(string label) => label.Length == 0 ? label : string.Concat(char.ToLowerInvariant(label[0]).ToString(), label[1..]);
}
