using System.Globalization;
using System.Text;
using ChiSo.Reporting.Reports;
using ChiSo.Text;

namespace ChiSo.Publication;

/// <summary>
/// A plan's public progress as open data: one row per period and task, every figure straight from the roll-up, invariant
/// numbers, UTF-8 with a byte-order mark (so Excel reads the diacritics) as ChiSo's other exports, formula-looking text
/// defused (<see cref="Csv.WriteRecord"/>). Only what the public page shows: no report text but what was marked public.
/// </summary>
public static class PublicPlanCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "plan_id", "plan_number", "period", "period_name", "data_from", "data_to", "unit_due", "task_code", "task", "dimension_code", "dimension",
        "lead_units", "target", "timeframe", "status", "status_text", "units_expected", "units_reported", "units_accepted", "units_done",
        "executing_expected", "executing_reported", "executing_done", "target_met", "target_value", "target_required", "public_results", "public_files",
    ];

    public static byte[] WriteBytes(PublicPlan plan, IReadOnlyList<PublicProgress> progress, Func<int, string> fileUrl) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(plan, progress, fileUrl))];

    public static string Write(PublicPlan plan, IReadOnlyList<PublicProgress> progress, Func<int, string> fileUrl)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Csv.WriteRecord(text, Header);
        foreach (var period in progress)
        {
            foreach (var task in period.Rollup.Tasks)
            {
                if (plan.Task(task.TaskId) is not { } shown)
                {
                    continue; // not in the plan as issued
                }

                var group = plan.Groups.FirstOrDefault(g => g.Code == shown.GroupCode);
                var executing = task.Executing;
                Csv.WriteRecord(text,
                [
                    Number(plan.Id), plan.Number, period.Period.Id, period.Period.NameVi, Date(period.Period.DataFrom), Date(period.Period.DataTo),
                    Date(period.Period.UnitDue), shown.Code, shown.Content, shown.GroupCode, group?.Title, string.Join("; ", shown.LeadUnits), shown.Target,
                    shown.Timeframe, TaskStatusWords.Key(task.Status), TaskStatusWords.Vi(task.Status), Number(task.Units.Expected),
                    Number(task.Units.Reported), Number(task.Units.Accepted), Number(task.Units.Done), Number(executing?.Expected), Number(executing?.Reported),
                    Number(executing?.Done), task.Target?.Met is { } met ? (met ? "true" : "false") : "", Number(task.Target?.Value), Number(task.Target?.Required),
                    string.Join("\n", period.Results[task.TaskId].Select(r => $"{r.UnitName}: {r.Text}")),
                    string.Join(" ", period.Files[task.TaskId].Select(f => fileUrl(f.AttachmentId))),
                ]);
            }
        }

        return text.ToString();
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
