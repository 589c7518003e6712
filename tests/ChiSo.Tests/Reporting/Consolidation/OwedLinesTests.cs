using ChiSo.Plans;
using ChiSo.Reporting.Consolidation;
using ChiSo.Units;

namespace ChiSo.Tests.Reporting.Consolidation;

/// <summary>
/// Phụ lục II of the consolidated document words a unit's late and missing reports as lines per (reason, due date) with
/// task codes (ConsolidatedReport.OwedLines). Pure: no database, the same on both providers.
/// </summary>
public sealed class OwedLinesTests
{
    private static OutstandingItem Item(string code, OutstandingKind kind, DateOnly due, DateTimeOffset? submittedAt = null) =>
        new(code, "Nội dung " + code, AssignmentRole.Lead, kind, due, submittedAt);

    /// <summary>
    /// Reasons in the order the list defines them (missing, returned, late), each reason's due dates in date order even when
    /// the items come in task order with dates mixed; task codes keep the list's (task) order within a line.
    /// </summary>
    [Fact]
    public void OwedLines_SeveralReasonsAndDueDates_ALinePerReasonAndDate_InOrder()
    {
        var april = new DateOnly(2026, 4, 1);
        var march = new DateOnly(2026, 3, 20);
        var unit = new OutstandingUnit(1, "STP", "Sở Tư pháp", UnitKind.Department,
        [
            Item("1.1", OutstandingKind.SubmittedLate, april, new DateTimeOffset(2026, 4, 3, 2, 0, 0, TimeSpan.Zero)),
            Item("1.2", OutstandingKind.Missing, april),
            Item("2.1", OutstandingKind.Missing, march),
            Item("2.2", OutstandingKind.Returned, april),
            Item("3.1", OutstandingKind.Missing, april),
        ]);

        Assert.Equal(
        [
            "Chưa gửi (hạn 20/03/2026): 2.1",
            "Chưa gửi (hạn 01/04/2026): 1.2, 3.1",
            "Trả lại, chưa gửi lại (hạn 01/04/2026): 2.2",
            "Gửi chậm (hạn 01/04/2026): 1.1 (gửi 03/04/2026)",
        ], ConsolidatedReport.OwedLines(unit));
    }

    /// <summary>
    /// The submission date is the Viet Nam day (UTC+7): 16:59 UTC is still that day, 17:00 UTC is already the next one,
    /// whatever offset the instant arrives with.
    /// </summary>
    [Fact]
    public void OwedLines_LateSubmissionNearMidnight_DatedInVietNam()
    {
        var due = new DateOnly(2026, 4, 1);
        var unit = new OutstandingUnit(1, "STP", "Sở Tư pháp", UnitKind.Department,
        [
            Item("1.1", OutstandingKind.SubmittedLate, due, new DateTimeOffset(2026, 4, 3, 16, 59, 59, TimeSpan.Zero)),
            Item("1.2", OutstandingKind.SubmittedLate, due, new DateTimeOffset(2026, 4, 3, 17, 0, 0, TimeSpan.Zero)),
            Item("1.3", OutstandingKind.SubmittedLate, due, new DateTimeOffset(2026, 4, 3, 20, 0, 0, TimeSpan.FromHours(-5))),
        ]);

        Assert.Equal(["Gửi chậm (hạn 01/04/2026): 1.1 (gửi 03/04/2026), 1.2 (gửi 04/04/2026), 1.3 (gửi 04/04/2026)"], ConsolidatedReport.OwedLines(unit));
    }

    [Fact]
    public void OwedLines_NoItems_NoLines() =>
        Assert.Empty(ConsolidatedReport.OwedLines(new OutstandingUnit(1, "STP", "Sở Tư pháp", UnitKind.Department, [])));
}
