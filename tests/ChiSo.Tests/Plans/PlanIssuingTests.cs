using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>
/// Issuing as an office does it — a number once per body and year, a warning for a date after today or a missing
/// signer — and issuing, closing and deleting only after the user confirmed what the check showed them.
/// The test clock's today is 15 March 2026.
/// </summary>
public sealed class PlanIssuingTests
{
    private static async Task<int> DraftAsync(TestDatabase database, ChiSoDbContext db, int provinceId, PlanHeaderInput? header = null) =>
        (await PlanFixtures.Service(db, database).CreateAsync(provinceId, header ?? PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;

    private static Task<int> RevisionAsync(ChiSoDbContext db, int planId) => db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Revision).SingleAsync();

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_NumberTheSameBodyUsedThatYear_IsRefusedNamingTheOtherPlan(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var first = await DraftAsync(database, db, provinceId, PlanFixtures.Header() with { Title = "Kế hoạch cải thiện PAPI năm 2026" });
        Assert.True((await PlanFixtures.IssueAsync(database, db, first, "22", new DateOnly(2026, 2, 1))).Succeeded);

        var second = await DraftAsync(database, db, provinceId, PlanFixtures.Header() with { IssuingBody = "UBND tỉnh Lâm Đồng", Symbol = "QĐ-UBND" });
        var issuing = database.Service<PlanIssuing>(db);
        // "022/QĐ-UBND" is the same register entry as "22/KH-UBND": one sequence per body and year.
        var refused = await issuing.CheckIssueAsync(second, await RevisionAsync(db, second), "022", new DateOnly(2026, 3, 1));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((ProblemCodes.Duplicate, "number"), (problem.Code, problem.Field));
        Assert.Equal("Số 022 năm 2026 của UBND tỉnh Lâm Đồng đã dùng cho kế hoạch 22/KH-UBND “Kế hoạch cải thiện PAPI năm 2026” (ngày 01 tháng 02 năm 2026).",
            problem.MessageVi);
        Assert.Contains("already used by plan 22/KH-UBND", problem.MessageEn, StringComparison.Ordinal);
        Assert.False((await PlanFixtures.IssueAsync(database, db, second, "22", new DateOnly(2026, 3, 1))).Succeeded);
        Assert.Equal(PlanStatus.Draft, (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == second)).Status);

        // Another number, the same number of another body, or of another year are free.
        Assert.True((await issuing.CheckIssueAsync(second, await RevisionAsync(db, second), "23", new DateOnly(2026, 3, 1))).Succeeded);
        var otherBody = await DraftAsync(database, db, provinceId, PlanFixtures.Header() with { IssuingBody = "Sở Nội vụ tỉnh Lâm Đồng" });
        Assert.True((await issuing.CheckIssueAsync(otherBody, await RevisionAsync(db, otherBody), "22", new DateOnly(2026, 3, 1))).Succeeded);
        var nextYear = await DraftAsync(database, db, provinceId, PlanFixtures.Header() with { ToYear = 2027 });
        Assert.True((await issuing.CheckIssueAsync(nextYear, await RevisionAsync(db, nextYear), "22", new DateOnly(2027, 1, 5))).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_WithoutTheCheckConfirmed_ChangesNothing_AndFutureDateAndNoSignerAreWarnings(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var planId = await DraftAsync(database, db, provinceId, PlanFixtures.Header() with { SignerName = null });
        var issuing = database.Service<PlanIssuing>(db);
        var revision = await RevisionAsync(db, planId);
        var future = new DateOnly(2026, 4, 20);

        var check = (await issuing.CheckIssueAsync(planId, revision, "30", future)).Value!;
        Assert.Equal(["issuedOn", "signerName"], check.Warnings.Select(w => w.Field));
        Assert.All(check.Warnings, w => Assert.True(w.IsWarning));
        Assert.Contains("ngày 20 tháng 04 năm 2026", check.Warnings[0].MessageVi, StringComparison.Ordinal);
        Assert.Contains("ngày 15 tháng 03 năm 2026", check.Warnings[0].MessageVi, StringComparison.Ordinal);
        Assert.Contains(check.Effects, e => e.Vi.Contains("30/KH-UBND", StringComparison.Ordinal) && e.En.Contains("20 April 2026", StringComparison.Ordinal));

        foreach (var key in new[] { null, "", "true", check.Key[..^1] + "0" })
        {
            var unconfirmed = await issuing.IssueAsync(planId, revision, "30", future, key, PlanFixtures.Coordinator);
            Assert.Equal(ProblemCodes.ConfirmationRequired, Assert.Single(unconfirmed.Problems).Code);
            Assert.Equal(2, unconfirmed.Warnings.Count);
        }

        // A key for another number (or date) is not a confirmation of this one.
        Assert.False((await issuing.IssueAsync(planId, revision, "31", future, check.Key, PlanFixtures.Coordinator)).Succeeded);
        Assert.False((await issuing.IssueAsync(planId, revision, "30", future.AddDays(-1), check.Key, PlanFixtures.Coordinator)).Succeeded);
        await using (var read = database.CreateContext())
        {
            var plan = await read.Plans.SingleAsync(p => p.Id == planId);
            Assert.Equal((PlanStatus.Draft, null, revision), (plan.Status, plan.Number, plan.Revision));
            Assert.False(await read.AuditEntries.AnyAsync(a => a.Action == "plan.issue"));
        }

        var issued = await issuing.IssueAsync(planId, revision, "30", future, check.Key, PlanFixtures.Coordinator);
        Assert.True(issued.Succeeded, string.Join("; ", issued.Problems));
        Assert.Equal(2, issued.Warnings.Count);
        await using (var read = database.CreateContext())
        {
            var plan = await read.Plans.SingleAsync(p => p.Id == planId);
            Assert.Equal((PlanStatus.Issued, "30", future), (plan.Status, plan.Number, plan.IssuedOn));
            Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "plan.issue"));
        }

        // The signer named and a date of today: nothing to warn about.
        var clean = await DraftAsync(database, db, provinceId);
        Assert.Empty((await issuing.CheckIssueAsync(clean, await RevisionAsync(db, clean), "31", new DateOnly(2026, 3, 15))).Value!.Warnings);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_TasksChangedAfterTheCheck_NeedsANewConfirmation(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var planId = await DraftAsync(database, db, provinceId);
        var issuing = database.Service<PlanIssuing>(db);
        var revision = await RevisionAsync(db, planId);
        var issuedOn = new DateOnly(2026, 3, 2);
        var check = (await issuing.CheckIssueAsync(planId, revision, "60", issuedOn)).Value!;

        // A co-editor adds a task (task edits leave the plan's revision alone) while the issuer reads the confirmation.
        var added = await PlanFixtures.Service(db, database).SaveTaskAsync(planId, null, null, new TaskInput
        {
            Code = "2.9", GroupCode = "2", Content = "Nhiệm vụ thêm sau khi người ban hành đã xem", Leads = ["Sở Tư pháp"],
        }, PlanFixtures.Coordinator);
        Assert.True(added.Succeeded, string.Join("; ", added.Problems));
        Assert.Equal(revision, await RevisionAsync(db, planId));

        var stale = await issuing.IssueAsync(planId, revision, "60", issuedOn, check.Key, PlanFixtures.Coordinator);
        Assert.Equal(ProblemCodes.ConfirmationRequired, Assert.Single(stale.Problems).Code);
        Assert.Equal(PlanStatus.Draft, (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId)).Status);

        var shown = (await issuing.CheckIssueAsync(planId, revision, "60", issuedOn)).Value!;
        Assert.Contains(shown.Effects, e => e.Vi.Contains($"{PlanFixtures.Tasks.Count + 1} nhiệm vụ", StringComparison.Ordinal));
        Assert.True((await issuing.IssueAsync(planId, revision, "60", issuedOn, shown.Key, PlanFixtures.Coordinator)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_NumberTheSameCityUsedUnderAnotherSpelling_IsRefused(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var first = await DraftAsync(database, db, provinceId, PlanFixtures.Header() with { IssuingBody = "Ủy ban nhân dân thành phố Đà Lạt" });
        Assert.True((await PlanFixtures.IssueAsync(database, db, first, "12", new DateOnly(2026, 2, 1))).Succeeded);

        // Offices write the same body "UBND TP. Đà Lạt", "UBND Thành phố Đà Lạt" or in full.
        foreach (var body in new[] { "UBND TP. Đà Lạt", "UBND TP Đà Lạt", "UBND Thành phố Đà Lạt" })
        {
            var second = await DraftAsync(database, db, provinceId, PlanFixtures.Header() with { IssuingBody = body });
            var refused = await database.Service<PlanIssuing>(db).CheckIssueAsync(second, await RevisionAsync(db, second), "12", new DateOnly(2026, 3, 1));
            Assert.Equal(ProblemCodes.Duplicate, Assert.Single(refused.Problems).Code);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Close_NeedsItsConfirmation_AndWarnsWhileThePeriodRuns(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var planId = await DraftAsync(database, db, provinceId);
        Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "40", new DateOnly(2026, 2, 2))).Succeeded);
        var issuing = database.Service<PlanIssuing>(db);
        var revision = await RevisionAsync(db, planId);

        var check = (await issuing.CheckCloseAsync(planId, revision)).Value!;
        Assert.Contains("đến hết năm 2026 chưa kết thúc", Assert.Single(check.Warnings).MessageVi, StringComparison.Ordinal);
        Assert.Equal(ProblemCodes.ConfirmationRequired, (await issuing.CloseAsync(planId, revision, null, PlanFixtures.Coordinator)).Problems.Single().Code);
        Assert.True((await issuing.CloseAsync(planId, revision - 1, check.Key, PlanFixtures.Coordinator)).IsConflict);
        Assert.Equal(PlanStatus.Issued, (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId)).Status);

        Assert.True((await issuing.CloseAsync(planId, revision, check.Key, PlanFixtures.Coordinator)).Succeeded);
        Assert.Equal(PlanStatus.Closed, (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId)).Status);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "plan.close"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeletePlan_OnlyADraft_AfterItsConfirmation_WithEverythingItHeldInTheAudit(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        int draft, issued;
        await using (var db = database.CreateContext())
        {
            draft = await DraftAsync(database, db, provinceId, PlanFixtures.Header() with { Title = "Dự thảo sẽ bị xóa" });
            issued = await DraftAsync(database, db, provinceId);
            Assert.True((await PlanFixtures.IssueAsync(database, db, issued, "50", new DateOnly(2026, 2, 3))).Succeeded);
            db.Users.Add(new ChiSoUser { Id = "limited", UserName = "limited" });
            db.UnitMemberships.Add(new UnitMembership { UserId = "limited", UnitId = provinceId, Role = UnitRoles.Coordinator, PlanId = draft, CreatedBy = "test" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var service = PlanFixtures.Service(db, database);
            var revision = await RevisionAsync(db, draft);
            var check = (await service.CheckDeletePlanAsync(draft, revision)).Value!;
            Assert.Contains(check.Effects, e => e.Vi.Contains("“Dự thảo sẽ bị xóa” bị xóa cùng 2 nhóm và 3 nhiệm vụ", StringComparison.Ordinal));
            Assert.Contains(check.Effects, e => e.Vi.StartsWith("1 quyền điều phối", StringComparison.Ordinal));
            Assert.Equal(ProblemCodes.ConfirmationRequired, (await service.DeletePlanAsync(draft, revision, null, PlanFixtures.Coordinator)).Problems.Single().Code);
            Assert.True(await db.Plans.AnyAsync(p => p.Id == draft));

            // Issued, amended and closed plans are on record: closed, never deleted — whatever key is sent.
            var issuedRevision = await RevisionAsync(db, issued);
            var refused = await service.CheckDeletePlanAsync(issued, issuedRevision);
            Assert.Equal("status", Assert.Single(refused.Problems).Field);
            Assert.False((await service.DeletePlanAsync(issued, issuedRevision, check.Key, PlanFixtures.Coordinator)).Succeeded);

            Assert.True((await service.DeletePlanAsync(draft, revision, check.Key, PlanFixtures.Coordinator)).Succeeded);
        }

        await using (var read = database.CreateContext())
        {
            Assert.False(await read.Plans.AnyAsync(p => p.Id == draft));
            Assert.False(await read.PlanTasks.AnyAsync(t => t.PlanId == draft));
            Assert.False(await read.UnitMemberships.AnyAsync(m => m.PlanId == draft));
            Assert.True(await read.Plans.AnyAsync(p => p.Id == issued));
            var entry = await read.AuditEntries.SingleAsync(a => a.Action == "plan.delete");
            Assert.Equal(draft.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
            Assert.Contains("Dự thảo sẽ bị xóa", entry.OldValues, StringComparison.Ordinal);
            Assert.Contains("Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn", entry.OldValues, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeleteTask_AfterItsConfirmation_AndOfAnIssuedPlanOpensAnAmendment(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var planId = await DraftAsync(database, db, provinceId);
        Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "60", new DateOnly(2026, 2, 4))).Succeeded);
        var service = PlanFixtures.Service(db, database);
        var task = await db.PlanTasks.AsNoTracking().SingleAsync(t => t.PlanId == planId && t.Code == "2.2");

        var check = (await service.CheckDeleteTaskAsync(planId, task.Id, task.Revision)).Value!;
        Assert.Contains("mở bản sửa đổi", Assert.Single(check.Warnings).MessageVi, StringComparison.Ordinal);
        Assert.Contains(check.Effects, e => e.Vi.StartsWith("Nhiệm vụ 2.2 “Kiểm tra việc công khai ngân sách cấp xã” bị xóa", StringComparison.Ordinal));
        Assert.False((await service.DeleteTaskAsync(planId, task.Id, task.Revision, "", PlanFixtures.Coordinator)).Succeeded);
        Assert.True(await db.PlanTasks.AnyAsync(t => t.Id == task.Id));

        Assert.True((await service.DeleteTaskAsync(planId, task.Id, task.Revision, check.Key, PlanFixtures.Coordinator)).Succeeded);
        await using var read = database.CreateContext();
        Assert.False(await read.PlanTasks.AnyAsync(t => t.Id == task.Id));
        Assert.Equal(PlanStatus.Amending, (await read.Plans.SingleAsync(p => p.Id == planId)).Status);
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "task.delete"));
    }
}
