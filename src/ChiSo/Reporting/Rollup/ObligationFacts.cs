using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Reports;

namespace ChiSo.Reporting.Rollup;

/// <summary>One open obligation of the period with its report, as the roll-up reads it (one row of one query).</summary>
public sealed record ObligationRow(int ObligationId, int TaskId, int UnitId, AssignmentRole Role, DateOnly DueDate,
    ReportState? ReportState, ReportTaskStatus? TaskStatus, decimal? AchievedValue, DateTimeOffset? SubmittedAt, bool? ReportLate);

/// <summary>
/// What the roll-up concludes about one obligation on a given Viet Nam day — the one place these rules live. They read
/// only the report's state and task status, whether it was ever submitted, its lateness and the due date, so the
/// roll-up asks the database for obligations grouped by exactly those (a few rows per task or unit, not one per
/// obligation) and judges each group once (<see cref="Judge"/>).
/// </summary>
public readonly record struct ObligationFacts(ObligationRow Row, Standing Standing, bool Accepted, bool Late, bool Done)
{
    public static ObligationFacts Of(ObligationRow row, DateOnly today)
    {
        var judged = Judge(row.ReportState, row.TaskStatus, row.SubmittedAt is not null, row.ReportLate, row.DueDate, today);
        return new ObligationFacts(row, judged.Standing, judged.Accepted, judged.Late, judged.Done);
    }

    public static Judgement Judge(ReportState? state, ReportTaskStatus? taskStatus, bool submitted, bool? reportLate, DateOnly dueDate, DateOnly today)
    {
        var standing = state switch
        {
            ReportState.Submitted or ReportState.Approved or ReportState.Accepted => Standing.Reported,
            ReportState.Returned => Standing.Returned,
            // Never submitted (no report, or a draft): missing from the day after the due date, like a late one.
            _ when !submitted && today > dueDate => Standing.Missing,
            _ => Standing.Pending,
        };
        var late = Obligation.IsLate(reportLate, submitted, ObligationState.Open, dueDate, today);
        var done = standing == Standing.Reported && taskStatus is ReportTaskStatus.DoneOnTime or ReportTaskStatus.DoneLate;
        return new Judgement(standing, state == ReportState.Accepted, late, done, done ? taskStatus : null);
    }

    public Judgement Judgement => new(Standing, Accepted, Late, Done, Done ? Row.TaskStatus : null);
}

/// <summary>The roll-up's verdict on one obligation (or on each of a group of obligations alike); <see cref="DoneAs"/> is DoneOnTime or DoneLate when done.</summary>
public readonly record struct Judgement(Standing Standing, bool Accepted, bool Late, bool Done, ReportTaskStatus? DoneAs);
