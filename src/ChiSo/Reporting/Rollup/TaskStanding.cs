using ChiSo.Reporting.Reports;

namespace ChiSo.Reporting.Rollup;

/// <summary>
/// A task's status in a period, from the reports of the units that answer for it: its leads — or, when it has none, its
/// executing units. The task is done when every one of them has reported it done (late if any of them finished late);
/// until then it is ongoing (ongoing and periodic tasks) or not done, within or past its deadline on <c>today</c>. A
/// task led by "UBND các xã" is done when the last commune is, not when the first one says so.
/// </summary>
public static class TaskStanding
{
    public static ReportTaskStatus StatusOf(IReadOnlyList<ObligationFacts> leads, IReadOnlyList<ObligationFacts> executing, DateOnly? deadline, bool ongoing,
        DateOnly today) =>
        StatusOf([.. leads.Select(f => f.Judgement)], [.. executing.Select(f => f.Judgement)], deadline, ongoing, today);

    /// <summary>The same from judgements: one per obligation or one per group of obligations judged alike — "all done" reads the same either way.</summary>
    public static ReportTaskStatus StatusOf(IReadOnlyList<Judgement> leads, IReadOnlyList<Judgement> executing, DateOnly? deadline, bool ongoing, DateOnly today)
    {
        var answering = leads.Count > 0 ? leads : executing;
        if (answering.Count > 0 && answering.All(j => j.Done))
        {
            return answering.All(j => j.DoneAs == ReportTaskStatus.DoneOnTime) ? ReportTaskStatus.DoneOnTime : ReportTaskStatus.DoneLate;
        }

        return TaskStatusRule.Derive(deadline, null, today, ongoing);
    }
}
