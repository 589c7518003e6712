using ChiSo.Common;
using ChiSo.Text;

namespace ChiSo.Plans.Authoring;

/// <summary>Checks a plan's header and tasks before anything is written, naming each field in both languages.</summary>
internal static class PlanValidator
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static List<Problem> Header(PlanHeaderInput h)
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

    public static List<Problem> Task(TaskInput t, string field)
    {
        var errors = new List<Problem>();
        var code = VietnameseText.Normalize(t.Code).Trim();
        if (code.Length == 0)
        {
            errors.Add(Problem.Required($"{field}.code", "Nhiệm vụ thiếu số thứ tự (mã).", "The task has no code."));
        }
        else if (code.Length > 16)
        {
            errors.Add(Problem.Invalid($"{field}.code", $"Mã nhiệm vụ '{code}' dài quá 16 ký tự.", $"Task code '{code}' is longer than 16 characters."));
        }

        var label = code.Length == 0 ? "" : $" {code}";
        if (string.IsNullOrWhiteSpace(t.Content))
        {
            errors.Add(Problem.Required($"{field}.content", $"Nhiệm vụ{label}: thiếu nội dung.", $"Task{label}: the content is missing."));
        }

        if (!t.Leads.Any(l => !string.IsNullOrWhiteSpace(l)))
        {
            errors.Add(Problem.Required($"{field}.leads", $"Nhiệm vụ{label}: chưa có đơn vị chủ trì.", $"Task{label}: no lead unit."));
        }

        if (!string.IsNullOrWhiteSpace(t.TargetValue) && !Targets.TargetValueParser.TryParse(t.TargetValue, out _))
        {
            errors.Add(Problem.Invalid($"{field}.targetValue", $"Nhiệm vụ{label}: giá trị chỉ tiêu '{t.TargetValue}' không phải là số.",
                $"Task{label}: target value '{t.TargetValue}' is not a number."));
        }

        if (!string.IsNullOrWhiteSpace(t.TargetValue) && t.TargetComparator is null)
        {
            errors.Add(Problem.Invalid($"{field}.targetComparator", $"Nhiệm vụ{label}: chỉ tiêu có giá trị nhưng thiếu phép so sánh (≥, ≤, =).",
                $"Task{label}: the target has a value but no comparator (≥, ≤, =)."));
        }

        return errors;
    }
}
