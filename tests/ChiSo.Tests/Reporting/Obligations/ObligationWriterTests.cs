using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Obligations;

/// <summary>
/// Issuing writes one obligation per (period, unit, task) for every unit that owes it at the end of the period; the
/// fixture plan (PlanFixtures) has 1.1 ongoing (Sở Tư pháp and "UBND cấp xã"), 2.1 in quarter II (every commune) and 2.2
/// in quarter III (Thanh tra tỉnh leads, Sở Nội vụ partners, "Các sở, ban, ngành" execute).
/// </summary>
public sealed class ObligationWriterTests
{
    private static async Task<(List<(string Period, string Task, string Unit, AssignmentRole Role, DateOnly Due, ObligationState State)> Rows, int Communes, int Departments)>
        ReadAsync(ChiSoDbContext db, int planId, int provinceId, DateOnly on)
    {
        var rows = await (from o in db.Set<Obligation>()
                          join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                          join u in db.Units on o.UnitId equals u.Id
                          where o.PlanId == planId
                          select new { p.Key, o.TaskCode, u.Code, o.Role, o.DueDate, o.State }).ToListAsync();
        var units = await db.Units.InProvince(provinceId).ToListAsync();
        return (rows.Select(r => (r.Key, r.TaskCode, r.Code, r.Role, r.DueDate, r.State)).ToList(),
            units.Count(u => u.Kind == UnitKind.Commune && u.IsValidOn(on)), units.Count(u => u.Kind == UnitKind.Department && u.IsValidOn(on)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_WritesEachOwedReport_ByTimeframeRoleAndGroupAtThePeriodsDate(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            // A commune merged away at the end of May 2026: it owes quarter I, not the 6-month report.
            var province = await db.Units.SingleAsync(u => u.Id == provinceId);
            db.Units.Add(new Unit { Code = "99001", Kind = UnitKind.Commune, Name = "Xã Thử Nghiệm", FullName = "Xã Thử Nghiệm", ParentId = provinceId,
                ValidFrom = new DateOnly(2025, 7, 1), ValidTo = new DateOnly(2026, 5, 31) });
            await db.SaveChangesAsync();
            var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);

            var (rows, communes, departments) = await ReadAsync(db, planId, provinceId, new DateOnly(2026, 6, 30));
            Assert.True(communes > 50 && departments >= 4, $"{communes} communes, {departments} departments");
            Assert.All(rows, r => Assert.Equal(ObligationState.Open, r.State));
            Assert.Equal(rows.Count, rows.Distinct().Count());

            // 1.1 ongoing: every period, Sở Tư pháp and every commune of the period's end; the loose partner owes nothing.
            Assert.Equal(communes + 1 + 1, rows.Count(r => r.Task == "1.1" && r.Period == "2026-Q1"));
            Assert.Equal(communes + 1, rows.Count(r => r.Task == "1.1" && r.Period == "2026-6M"));
            Assert.Contains(rows, r => r is { Task: "1.1", Period: "2026-Q1", Unit: "99001" });
            Assert.DoesNotContain(rows, r => r is { Period: "2026-6M", Unit: "99001" });
            Assert.Equal(new DateOnly(2026, 4, 1), rows.First(r => r.Period == "2026-Q1").Due);

            // 2.1 is due in quarter II: nothing in quarter I; every commune from the 6-month report on.
            Assert.DoesNotContain(rows, r => r is { Task: "2.1", Period: "2026-Q1" });
            Assert.Equal(communes, rows.Count(r => r.Task == "2.1" && r.Period == "2026-6M"));

            // 2.2: one row per department, in its strongest role.
            var nine = rows.Where(r => r is { Task: "2.2", Period: "2026-9M" }).ToDictionary(r => r.Unit, r => r.Role);
            Assert.Equal(departments, nine.Count);
            Assert.Equal(AssignmentRole.Lead, nine["TTT"]);
            Assert.Equal(AssignmentRole.Partner, nine["SNV"]);
            Assert.Equal(AssignmentRole.Executing, nine["VP"]);
        }
    }

    /// <summary>
    /// Issuing writes its obligations in bulk, beside EF (ObligationRowsWriter): a row it wrote must be stored exactly as EF
    /// stores the same values — compared as the database's own text with a copy EF saves (without a task, so the unique
    /// index lets it in) — and read back the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_StoresEachObligationExactlyAsEfWould(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);

            var bulk = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId && o.Role == AssignmentRole.Lead).OrderBy(o => o.Id).FirstAsync();
            Assert.Equal(database.Clock.GetUtcNow(), bulk.CreatedAt);
            var copy = new Obligation
            {
                PlanId = bulk.PlanId, PeriodId = bulk.PeriodId, TaskId = null, TaskCode = bulk.TaskCode, UnitId = bulk.UnitId, Role = bulk.Role,
                DueDate = bulk.DueDate, State = bulk.State, CreatedAt = bulk.CreatedAt,
            };
            db.Add(copy);
            await db.SaveChangesAsync();

            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT CAST("DueDate" AS TEXT), CAST("CreatedAt" AS TEXT), "Role", "State", "TaskCode", "ClosedAt" IS NULL
                FROM obligations WHERE "Id" IN ({bulk.Id}, {copy.Id}) ORDER BY "Id"
                """;
            var stored = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }
            }

            Assert.Equal(2, stored.Count);
            Assert.Equal(stored[1], stored[0]);
            var read = await db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Id == copy.Id);
            Assert.Equal((bulk.DueDate, bulk.CreatedAt, bulk.Role, bulk.State), (read.DueDate, read.CreatedAt, read.Role, read.State));
            Assert.Equal(new DateOnly(2026, 4, 1), (await db.Set<Obligation>().AsNoTracking()
                .Where(o => o.PlanId == planId && o.TaskCode == "1.1").Join(db.Set<PlanReportingPeriod>().Where(p => p.Key == "2026-Q1"), o => o.PeriodId, p => p.Id, (o, _) => o.DueDate)
                .FirstAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task IssueAmendment_ClosesWhatIsNoLongerOwed_AddsWhatIs_DeletesNothing(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using (database)
        {
            await using var db = database.CreateContext();
            var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);
            var before = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId).ToListAsync();

            Assert.True((await database.Service<ChiSo.Plans.Issuing.PlanIssuing>(db).OpenAmendmentAsync(planId, "Bỏ nhiệm vụ 2.2, thêm 3.1", PlanFixtures.Coordinator)).Succeeded);
            db.ChangeTracker.Clear();
            var task = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.PlanId == planId && t.Code == "2.2");
            var service = PlanFixtures.Service(db, database);
            var check = await service.CheckDeleteTaskAsync(planId, task.Id, task.Revision);
            Assert.True((await service.DeleteTaskAsync(planId, task.Id, task.Revision, check.Value!.Key, PlanFixtures.Coordinator)).Succeeded);
            Assert.True((await service.SaveTaskAsync(planId, null, null, new TaskInput
            {
                Code = "3.1", GroupCode = "2", Content = "Tổng hợp kết quả công khai", Leads = ["Văn phòng Ủy ban nhân dân tỉnh"], TimeframeText = "Quý IV/2026",
            }, PlanFixtures.Coordinator)).Succeeded);
            Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);

            var after = await db.Set<Obligation>().AsNoTracking().Where(o => o.PlanId == planId).ToListAsync();
            Assert.All(before, b => Assert.Contains(after, a => a.Id == b.Id));
            var dropped = after.Where(o => o.TaskCode == "2.2").ToList();
            Assert.NotEmpty(dropped);
            Assert.All(dropped, o => Assert.Equal((ObligationState.Closed, (int?)null), (o.State, o.TaskId)));
            Assert.All(dropped, o => Assert.NotNull(o.ClosedAt));
            var added = Assert.Single(after, o => o.TaskCode == "3.1");
            Assert.Equal(ObligationState.Open, added.State);
            Assert.Equal(before.Count(o => o.TaskCode != "2.2"), after.Count(o => o.TaskCode is not "2.2" and not "3.1" && o.State == ObligationState.Open));
        }
    }
}
