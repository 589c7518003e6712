using System.Globalization;
using ChiSo.Plans;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;
using ChiSo.Text;

namespace ChiSo.Reporting.Consolidation;

/// <summary>
/// One row of the appendix of task results, as printed: code, content, lead units, the task's status in the Government
/// Office's words, the units done of those carrying it out ("57/71"), the target met or not with its count, remarks.
/// </summary>
public sealed record TaskResultRow(string Code, string Content, string Lead, string Status, string Units, string Target, string Remarks);

/// <summary>The rows of one dimension (a heading of the plan's appendix).</summary>
public sealed record TaskResultGroup(string Code, string Title, IReadOnlyList<TaskResultRow> Tasks);

/// <summary>The appendix rows from the roll-up: the DOCX and the XLSX print the same words.</summary>
public static class TaskResults
{
    public static IReadOnlyList<TaskResultGroup> From(PeriodRollup rollup)
    {
        var byCode = rollup.Tasks.ToDictionary(t => t.Code, StringComparer.Ordinal);
        return rollup.Dimensions.Select(d => new TaskResultGroup(d.Code, d.Title, [.. d.TaskCodes.Select(c => Row(byCode[c]))])).ToList();
    }

    public static TaskResultRow Row(TaskRollup task)
    {
        var units = task.Executing ?? task.Units;
        return new TaskResultRow(task.Code, task.Content, string.Join(", ", task.LeadUnits), TaskStatusWords.Vi(task.Status),
            string.Create(CultureInfo.InvariantCulture, $"{units.Done}/{units.Expected}"), TargetVi(task.Target), Remarks(task));
    }

    /// <summary>
    /// "Đạt: 22/71 đơn vị (30,99%), yêu cầu 22 (30%)", "Chưa đạt: 5/71 đơn vị (7,04%), yêu cầu 22 (30%)", "Đạt: 12 / yêu cầu 10"; "Chưa có số
    /// liệu" when nothing was reported to judge by; empty for a task without a measurable target.
    /// </summary>
    public static string TargetVi(TargetResult? target)
    {
        if (target is null)
        {
            return "";
        }

        var verdict = target.Met switch { true => "Đạt", false => "Chưa đạt", _ => "Chưa có số liệu" };
        var detail = target.Basis switch
        {
            TargetBasis.ShareOfMembers when target.Of > 0 => string.Create(CultureInfo.InvariantCulture,
                $"{target.Count}/{target.Of} đơn vị ({Number(target.Value)}%), yêu cầu {target.RequiredCount} ({Number(target.Required)}%)"),
            TargetBasis.CountOfMembers when target.Of > 0 => string.Create(CultureInfo.InvariantCulture,
                $"{target.Count}/{target.Of} đơn vị, yêu cầu {Number(target.Required)}"),
            _ when target.Value is not null => $"{Number(target.Value)} / yêu cầu {Number(target.Required)}",
            _ => "",
        };
        var behind = target.Behind ? $"; chậm so với tiến độ (cần {Number(target.RequiredNow)})" : "";
        return detail.Length == 0 ? verdict : $"{verdict}: {detail}{behind}";
    }

    /// <summary>The reports still owed or sent late on the task, and whether it is at risk.</summary>
    public static string Remarks(TaskRollup task)
    {
        var u = task.Units;
        var parts = new List<string>();
        if (u.Missing > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{u.Missing} đơn vị chưa gửi báo cáo"));
        }

        if (u.Returned > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{u.Returned} báo cáo trả lại"));
        }

        if (u.LateReported > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{u.LateReported} báo cáo gửi chậm"));
        }

        if (u.Pending > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{u.Pending} báo cáo chưa đến hạn"));
        }

        return string.Join("; ", parts);
    }

    private static string Number(decimal? value) => VietnameseFormat.Number(value);
}
