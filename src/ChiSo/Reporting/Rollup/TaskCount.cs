namespace ChiSo.Reporting.Rollup;

/// <summary>The Government Office's counts of tasks (<see cref="StatusCounts"/>), and the tasks at risk.</summary>
public enum TaskCount
{
    /// <summary>Every task of the period, ongoing ones included.</summary>
    All,
    Total,
    Done,
    DoneOnTime,
    DoneLate,
    NotDone,
    NotDoneWithin,
    NotDoneOverdue,
    Ongoing,
    AtRisk,
}

/// <summary>The count a <see cref="TaskCount"/> reads from the Government Office's counts (the tasks at risk are the roll-up's, not a count's).</summary>
public static class TaskCounts
{
    public static int Of(this StatusCounts counts, TaskCount count) => count switch
    {
        TaskCount.All => counts.Total + counts.Ongoing,
        TaskCount.Total => counts.Total,
        TaskCount.Done => counts.Done,
        TaskCount.DoneOnTime => counts.DoneOnTime,
        TaskCount.DoneLate => counts.DoneLate,
        TaskCount.NotDone => counts.NotDone,
        TaskCount.NotDoneWithin => counts.NotDoneWithin,
        TaskCount.NotDoneOverdue => counts.NotDoneOverdue,
        TaskCount.Ongoing => counts.Ongoing,
        _ => throw new ArgumentOutOfRangeException(nameof(count), count, "The tasks at risk are counted by the roll-up (PeriodRollup.AtRisk)."),
    };
}
