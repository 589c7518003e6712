using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Reports;

namespace ChiSo.Reporting.Rollup;

/// <summary>One open obligation of the period with its report, as the roll-up reads it (one row of one query).</summary>
public sealed record ObligationRow(int ObligationId, int TaskId, int UnitId, AssignmentRole Role, DateOnly DueDate,
    ReportState? ReportState, ReportTaskStatus? TaskStatus, decimal? AchievedValue, DateTimeOffset? SubmittedAt, bool? ReportLate);

/// <summary>What the roll-up concludes about one obligation on a given Viet Nam day: the one place these rules live.</summary>
public readonly record struct ObligationFacts(ObligationRow Row, Standing Standing, bool Accepted, bool Late, bool Done)
{
    public static ObligationFacts Of(ObligationRow row, DateOnly today)
    {
        var standing = row.ReportState switch
        {
            ReportState.Submitted or ReportState.Approved or ReportState.Accepted => Standing.Reported,
            ReportState.Returned => Standing.Returned,
            // Never submitted (no report, or a draft): missing from the day after the due date, like a late one.
            _ when row.SubmittedAt is null && today > row.DueDate => Standing.Missing,
            _ => Standing.Pending,
        };
        var late = Obligation.IsLate(row.ReportLate, row.SubmittedAt, ObligationState.Open, row.DueDate, today);
        var done = standing == Standing.Reported && row.TaskStatus is ReportTaskStatus.DoneOnTime or ReportTaskStatus.DoneLate;
        return new ObligationFacts(row, standing, row.ReportState == ReportState.Accepted, late, done);
    }
}
