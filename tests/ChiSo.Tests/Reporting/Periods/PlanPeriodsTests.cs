using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Issuing;
using ChiSo.Reporting.Calendar;
using ChiSo.Reporting.Periods;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Periods;

/// <summary>Issuing writes a plan's periods as records; amendments add what they need and keep what was edited.</summary>
public sealed class PlanPeriodsTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_WritesThePeriodsItsTasksReportIn_WithWindowsAndDueDates(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
            var periods = database.Service<PlanPeriods>(db);

            // A draft: nothing stored, the preview says what issuing will write.
            var preview = (await periods.ReadAsync(PlanRights.Everything, planId)).Value!;
            Assert.False(preview.Stored);
            Assert.Equal(["2026-Q1", "2026-6M", "2026-9M", "2026-Y"], preview.Periods.Select(p => p.Key));
            Assert.Empty(await db.Set<PlanReportingPeriod>().ToListAsync());

            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);

            var stored = (await periods.ReadAsync(PlanRights.Everything, planId)).Value!;
            Assert.True(stored.Stored);
            var q1 = stored.Periods[0];
            Assert.Equal(("2026-Q1", ReportingPeriodKind.Quarter, 1), (q1.Key, q1.Kind, q1.Number));
            Assert.Equal((new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 14)), (q1.DataFrom, q1.DataTo));
            Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 20)), (q1.UnitDue, q1.ConsolidatedDue));
            Assert.Equal(new DateOnly(2027, 1, 4), stored.Periods[3].UnitDue);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "plan.issue");
            Assert.Contains("2026-9M", audit.NewValues, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_AfterAnAdminEnteredADayOff_MovesTheDueDate(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            Assert.True((await database.Service<CalendarService>(db).SetAsync(new DateOnly(2026, 4, 1), CalendarDayKind.DayOff, "Nghỉ bù", null, PlanFixtures.Coordinator)).Succeeded);
            var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);

            var q1 = await db.Set<PlanReportingPeriod>().SingleAsync(p => p.PlanId == planId && p.Key == "2026-Q1");
            Assert.Equal(new DateOnly(2026, 4, 2), q1.UnitDue);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task IssueAmendment_AddsNewPeriods_KeepsEditedOnes(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            var header = PlanFixtures.Header() with { ToYear = 2027 };
            var tasks = PlanFixtures.Tasks.Select(t => t with { TimeframeText = "Quý III/2026" }).ToList();
            var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, header, PlanFixtures.Groups, tasks, PlanFixtures.Coordinator)).Value;
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);
            Assert.Equal(["2026-9M", "2026-Y"], (await database.Service<PlanPeriods>(db).ListAsync(planId)).Select(p => p.Key));

            // The coordinator moved the 9-month due date; then an amendment adds an ongoing task (every period of both years).
            await db.Set<PlanReportingPeriod>().Where(p => p.PlanId == planId && p.Key == "2026-9M")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitDue, new DateOnly(2026, 10, 5)));
            Assert.True((await database.Service<PlanIssuing>(db).OpenAmendmentAsync(planId, "Bổ sung nhiệm vụ", PlanFixtures.Coordinator)).Succeeded);
            db.ChangeTracker.Clear();
            var added = await PlanFixtures.Service(db, database).SaveTaskAsync(planId, null, null, PlanFixtures.Tasks[0] with { Code = "1.2", TimeframeText = "Thường xuyên" }, PlanFixtures.Coordinator);
            Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.MessageEn)));
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);

            var after = await database.Service<PlanPeriods>(db).ListAsync(planId);
            Assert.Equal(["2026-Q1", "2026-6M", "2026-9M", "2026-Y", "2027-Q1", "2027-6M", "2027-9M", "2027-Y"], after.Select(p => p.Key));
            Assert.Equal(new DateOnly(2026, 10, 5), after.Single(p => p.Key == "2026-9M").UnitDue);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Read_PlanTheCallerMayNotRead_IsNotFound(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;

            var read = await database.Service<PlanPeriods>(db).ReadAsync(PlanRights.Nothing, planId);
            Assert.True(read.IsNotFound);
            Assert.True((await database.Service<PlanPeriods>(db).ReadAsync(PlanRights.Everything, planId + 1000)).IsNotFound);
        }
    }
}
