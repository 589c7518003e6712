using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Plans;

/// <summary>
/// Two people acting on one issued plan at the same moment, each on their own connection, both having read the plan
/// before either saves (on SQLite the second writer waits at BEGIN instead): the plan ends in one clean state —
/// one amendment, one frozen version — and the one who lost is told plainly, never an exception.
/// </summary>
public sealed class ConcurrentAmendmentTests
{
    /// <summary>Runs two actions in parallel on their own contexts, each pausing just before its commit until the other got there (or briefly).</summary>
    private static async Task<Outcome<int>[]> BothAtOnceAsync(TestDatabase database, Func<IServiceProvider, Task<Outcome<int>>> first, Func<IServiceProvider, Task<Outcome<int>>> second)
    {
        var bothStaged = new CountdownEvent(2);
        async Task<Outcome<int>> RunAsync(Func<IServiceProvider, Task<Outcome<int>>> action)
        {
            await using var db = database.CreateContext();
            var services = database.Services(db);
            var staged = false;
            services.GetRequiredService<UnitOfWork>().BeforeCommit = () =>
            {
                if (!staged)
                {
                    staged = true;
                    bothStaged.Signal();
                    bothStaged.Wait(TimeSpan.FromSeconds(2));
                }

                return Task.CompletedTask;
            };
            return await action(services);
        }

        return await Task.WhenAll(Task.Run(() => RunAsync(first)), Task.Run(() => RunAsync(second)));
    }

    private static async Task<(TestDatabase Database, int PlanId)> IssuedPlanAsync(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var db = database.CreateContext();
        var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
        Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "80", new DateOnly(2026, 2, 5))).Succeeded);
        return (database, planId);
    }

    private static async Task AssertOneAmendmentAsync(TestDatabase database, int planId)
    {
        await using var read = database.CreateContext();
        var plan = await read.Plans.SingleAsync(p => p.Id == planId);
        Assert.Equal((PlanStatus.Amending, 1), (plan.Status, plan.Amendment));
        Assert.Equal([0], await read.PlanVersions.Where(v => v.PlanId == planId).Select(v => v.Amendment).ToListAsync());
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "plan.amend"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OpenAmendment_TwoAtOnce_OneAmendmentAndOneVersion_TheSecondToldPlainly(DatabaseProvider provider)
    {
        var (database, planId) = await IssuedPlanAsync(provider);
        await using var _ = database;
        var outcomes = await BothAtOnceAsync(database,
            s => s.GetRequiredService<PlanIssuing>().OpenAmendmentAsync(planId, "Người thứ nhất", PlanFixtures.Coordinator),
            s => s.GetRequiredService<PlanIssuing>().OpenAmendmentAsync(planId, "Người thứ hai", PlanFixtures.Coordinator));

        Assert.Single(outcomes, o => o.Succeeded);
        var lost = Assert.Single(outcomes, o => !o.Succeeded);
        var problem = Assert.Single(lost.Problems);
        Assert.True(problem.Code is ProblemCodes.Conflict or ProblemCodes.Invalid, problem.ToString());
        Assert.Matches("người khác|Người khác", problem.MessageVi);
        await AssertOneAmendmentAsync(database, planId);
    }

    /// <summary>Two editors changing different tasks of an issued plan: the first edit opens the amendment, the second joins it.</summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EditingAnIssuedPlan_TwoEditorsAtOnce_BothEditsSaved_InOneAmendment(DatabaseProvider provider)
    {
        var (database, planId) = await IssuedPlanAsync(provider);
        await using var _ = database;
        List<PlanTask> tasks;
        await using (var db = database.CreateContext())
        {
            tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Code).ToListAsync();
        }

        Task<Outcome<int>> Edit(IServiceProvider services, int index, string content) =>
            services.GetRequiredService<PlanService>().SaveTaskAsync(planId, tasks[index].Id, tasks[index].Revision, PlanFixtures.Tasks[index] with { Content = content }, PlanFixtures.Coordinator);

        var outcomes = await BothAtOnceAsync(database, s => Edit(s, 0, "Sửa của người thứ nhất"), s => Edit(s, 2, "Sửa của người thứ hai"));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, string.Join("; ", o.Problems)));
        await AssertOneAmendmentAsync(database, planId);
        await using var read = database.CreateContext();
        var contents = await read.PlanTasks.Where(t => t.PlanId == planId).Select(t => t.Content).ToListAsync();
        Assert.Contains("Sửa của người thứ nhất", contents);
        Assert.Contains("Sửa của người thứ hai", contents);
        var frozen = PlanSnapshots.Deserialize((await read.PlanVersions.SingleAsync(v => v.PlanId == planId)).Snapshot);
        Assert.DoesNotContain(frozen.Tasks, t => t.Content.StartsWith("Sửa của", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Issue_TwoAtOnce_IssuedOnce_TheSecondToldPlainly(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        int planId;
        PlanConfirmation check;
        int revision;
        await using (var db = database.CreateContext())
        {
            planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
            revision = await db.Plans.Where(p => p.Id == planId).Select(p => p.Revision).SingleAsync();
            check = (await database.Service<PlanIssuing>(db).CheckIssueAsync(planId, revision, "90", new DateOnly(2026, 3, 1))).Value!;
        }

        Task<Outcome<int>> Issue(IServiceProvider services) =>
            services.GetRequiredService<PlanIssuing>().IssueAsync(planId, revision, "90", new DateOnly(2026, 3, 1), check.Key, PlanFixtures.Coordinator);

        var outcomes = await BothAtOnceAsync(database, Issue, Issue);

        Assert.Single(outcomes, o => o.Succeeded);
        var lost = Assert.Single(Assert.Single(outcomes, o => !o.Succeeded).Problems);
        Assert.Equal(ProblemCodes.Conflict, lost.Code);
        Assert.Contains("Người khác vừa lưu", lost.MessageVi, StringComparison.Ordinal);
        await using var read = database.CreateContext();
        var plan = await read.Plans.SingleAsync(p => p.Id == planId);
        Assert.Equal((PlanStatus.Issued, "90"), (plan.Status, plan.Number));
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.Action == "plan.issue"));
    }
}
