using ChiSo.Plans;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;

namespace ChiSo.Tests.Reporting.Rollup;

public sealed class TaskStandingTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    private static ObligationFacts Fact(AssignmentRole role, ReportState? state, ReportTaskStatus? status) =>
        ObligationFacts.Of(new ObligationRow(1, 1, 1, role, new DateOnly(2026, 4, 1), state, status, null,
            state is null or ReportState.Draft ? null : new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero), false), new DateOnly(2026, 4, 10));

    [Fact]
    public void StatusOf_ManyLeads_DoneOnlyWhenTheLastOneIs()
    {
        var done = Fact(AssignmentRole.Lead, ReportState.Submitted, ReportTaskStatus.DoneOnTime);
        var late = Fact(AssignmentRole.Lead, ReportState.Accepted, ReportTaskStatus.DoneLate);
        var silent = Fact(AssignmentRole.Lead, null, null);

        Assert.Equal(ReportTaskStatus.NotDoneOverdue, TaskStanding.StatusOf([done, late, silent], [], Due, false, new DateOnly(2026, 4, 10)));
        Assert.Equal(ReportTaskStatus.NotDoneWithin, TaskStanding.StatusOf([done, silent], [], Due, false, new DateOnly(2026, 3, 31)));
        Assert.Equal(ReportTaskStatus.DoneLate, TaskStanding.StatusOf([done, late], [], Due, false, new DateOnly(2026, 4, 10)));
        Assert.Equal(ReportTaskStatus.DoneOnTime, TaskStanding.StatusOf([done, done], [], Due, false, new DateOnly(2026, 4, 10)));
    }

    [Fact]
    public void StatusOf_LeadAnswers_ExecutingUnitsDoNotDecide()
    {
        var leadNotDone = Fact(AssignmentRole.Lead, ReportState.Submitted, ReportTaskStatus.NotDoneWithin);
        var communeDone = Fact(AssignmentRole.Executing, ReportState.Submitted, ReportTaskStatus.DoneOnTime);

        Assert.Equal(ReportTaskStatus.NotDoneWithin, TaskStanding.StatusOf([leadNotDone], [communeDone], Due, false, new DateOnly(2026, 3, 20)));
        // No lead: the executing units answer.
        Assert.Equal(ReportTaskStatus.DoneOnTime, TaskStanding.StatusOf([], [communeDone, communeDone], Due, false, new DateOnly(2026, 4, 10)));
    }

    [Fact]
    public void StatusOf_ReturnedOrDraftDone_DoesNotCount()
    {
        var returned = Fact(AssignmentRole.Lead, ReportState.Returned, ReportTaskStatus.DoneOnTime);
        var draft = Fact(AssignmentRole.Lead, ReportState.Draft, ReportTaskStatus.DoneOnTime);

        Assert.Equal(ReportTaskStatus.NotDoneOverdue, TaskStanding.StatusOf([returned], [], Due, false, new DateOnly(2026, 4, 10)));
        Assert.Equal(ReportTaskStatus.Ongoing, TaskStanding.StatusOf([draft], [], null, true, new DateOnly(2026, 4, 10)));
    }
}
