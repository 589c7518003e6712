using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Rollup;
using ChiSo.Tests.Infrastructure;

namespace ChiSo.Tests.Reporting.Rollup;

/// <summary>
/// The list behind each number of a period's roll-up is as long as the number: every tally field of the period, the
/// numbers of each task (its units, its executing units, its partners), heading, level, district and kind of unit, and
/// every one of the Government Office's counts; on both databases, read on 20 July 2026 when quarter I and the 6 months
/// are due.
/// </summary>
public sealed class RollupListTests
{
    /// <summary>
    /// Every field of a tally counts what its filter selects, for every kind of report there is (every state, late or
    /// not, due or not, every role and task status): the rule the lists below rest on, without a database.
    /// </summary>
    [Fact]
    public void Behind_EveryField_SelectsWhatTheTallyCounts()
    {
        var due = new DateOnly(2026, 4, 1);
        var rows = new List<ObligationRow>();
        var id = 0;
        foreach (var role in Enum.GetValues<AssignmentRole>())
        {
            foreach (var state in Enum.GetValues<ReportState>().Select(s => (ReportState?)s).Append(null))
            {
                foreach (var (late, status) in new[] { (false, ReportTaskStatus.DoneOnTime), (true, ReportTaskStatus.DoneLate), (false, ReportTaskStatus.NotDoneWithin) })
                {
                    DateTimeOffset? submitted = state is null or ReportState.Draft ? null : ChiSo.Common.VietNamClock.StartOfDay(due);
                    rows.Add(new ObligationRow(++id, 1, id, role, due, state, state is null ? null : status, null, submitted, state is null ? null : late));
                }
            }
        }

        foreach (var today in new[] { due, due.AddDays(1) })
        {
            var facts = rows.Select(r => ObligationFacts.Of(r, today)).ToList();
            foreach (var scope in new[] { RollupFilter.All }.Concat(Enum.GetValues<RoleFilter>().Select(r => new RollupFilter { Role = r })))
            {
                var tally = UnitTally.Of(facts.Where(scope.Matches));
                foreach (var field in Enum.GetValues<TallyField>())
                {
                    Assert.True(tally.Of(field) == facts.Count(scope.Behind(field).Matches), $"{today} {scope.Role} {field}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_EveryKindOfNumberOfTheRollup_ListsThatManyObligations(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var clock = world.ClockAt(DashboardWorld.TwentiethOfJuly);
        var list = new RollupList(db, clock);
        async Task AssertListsAsync(string period, string what, RollupFilter scope, UnitTally tally, IEnumerable<TallyField> fields)
        {
            foreach (var field in fields)
            {
                var listed = await list.ReadAsync(PlanRights.Everything, world.PlanId, period, scope.Behind(field));
                Assert.True(listed.Succeeded, $"{period} {what} {field}: {string.Join("; ", listed.Problems.Select(p => p.MessageEn))}");
                Assert.True(tally.Of(field) == listed.Value!.Total, $"{period} {what} {field}: the roll-up says {tally.Of(field)}, the list has {listed.Value.Total}");
                Assert.Equal(listed.Value.Total, listed.Value.Items.Count);
            }
        }

        // Every field of the whole period, in each period: quarter I and 6 months are due, the 9 months all pending.
        var rollups = new Dictionary<string, PeriodRollup>(StringComparer.Ordinal);
        foreach (var period in new[] { "2026-Q1", "2026-6M", "2026-9M" })
        {
            rollups[period] = (await new RollupQueries(db, clock).ReadAsync(PlanRights.Everything, world.PlanId, period)).Value!;
            await AssertListsAsync(period, "period", RollupFilter.All, rollups[period].Reports, Enum.GetValues<TallyField>());
        }

        Assert.Equal(rollups["2026-9M"].Reports.Expected, rollups["2026-9M"].Reports.Pending);
        // Quarter I holds a report in every state: there, every kind of scope — each task's units, executing units and
        // partners, each heading, level and district, and units of each kind — for the fields that tell scopes apart.
        var q1 = rollups["2026-Q1"];
        var scopes = new List<(string What, RollupFilter Scope, UnitTally Tally)>();
        foreach (var task in q1.Tasks)
        {
            scopes.Add(($"task {task.Code}", new RollupFilter { Task = task.Code, Role = RoleFilter.Carrying }, task.Units));
            scopes.Add(($"task {task.Code} partners", new RollupFilter { Task = task.Code, Role = RoleFilter.Partner }, task.Partners));
            if (task.Executing is { } executing)
            {
                scopes.Add(($"task {task.Code} executing", new RollupFilter { Task = task.Code, Role = RoleFilter.Executing }, executing));
            }
        }

        scopes.AddRange(q1.Dimensions.Select(d => ($"dimension {d.Code}",
            new RollupFilter { Dimension = d.GroupId is null ? RollupFilter.NoDimension : d.Code, Role = RoleFilter.Carrying }, d.Reports)));
        scopes.AddRange(q1.Levels.Select(l => ($"level {l.Level}", new RollupFilter { Level = l.Level }, l.Reports)));
        scopes.AddRange(q1.Areas.Select(a => ($"area {a.Code}", new RollupFilter { Area = a.Code }, a.Reports)));
        var units = q1.Units.Where(u => u.Code is "SNV" or "STP" or "TTT" or "VP")
            .Concat(new[] { q1.Units.First(u => u.Reports.Returned > 0), q1.Units.First(u => u.Reports.LateReported > 0), q1.Units.First(u => u.Reports.Done > 0),
                q1.Units.Last(u => u.Kind == ChiSo.Units.UnitKind.Commune && u.Reports.Missing > 0) });
        scopes.AddRange(units.Select(u => ($"unit {u.Code}", new RollupFilter { Unit = u.Code }, u.Reports)));
        Assert.Contains(scopes, s => s.What.StartsWith("area", StringComparison.Ordinal));
        Assert.Contains(scopes, s => s.Scope.Dimension == RollupFilter.NoDimension);
        foreach (var (what, scope, tally) in scopes)
        {
            await AssertListsAsync("2026-Q1", what, scope, tally,
                [TallyField.Expected, TallyField.Reported, TallyField.Accepted, TallyField.Returned, TallyField.Missing, TallyField.Late, TallyField.Done]);
        }

        // A level's or a district's count of units: the units its list of obligations is owed by.
        foreach (var (count, filter) in q1.Levels.Select(l => (l.Units, new RollupFilter { Level = l.Level })).Concat(q1.Areas.Select(a => (a.Units, new RollupFilter { Area = a.Code }))))
        {
            Assert.Equal(count, (await list.ReadAsync(PlanRights.Everything, world.PlanId, "2026-Q1", filter)).Value!.Units);
        }

        // The Government Office's counts, of the period and of each heading, list that many tasks.
        foreach (var rollup in rollups.Values)
        {
            foreach (var count in Enum.GetValues<TaskCount>())
            {
                var expected = count == TaskCount.AtRisk ? rollup.AtRisk.Count() : rollup.Counts.Of(count);
                Assert.Equal(expected, new RollupFilter { Tasks = count }.TasksIn(rollup).Count);
                foreach (var dimension in rollup.Dimensions.Where(_ => count != TaskCount.AtRisk))
                {
                    var filter = new RollupFilter { Tasks = count, Dimension = dimension.GroupId is null ? RollupFilter.NoDimension : dimension.Code };
                    Assert.Equal(dimension.Counts.Of(count), filter.TasksIn(rollup).Count);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_MissingOfTheQuarter_NamesTheObligationsWithTheirState(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var list = new RollupList(db, world.ClockAt(DashboardWorld.TwentiethOfJuly));

        var snv = (await list.ReadAsync(PlanRights.Everything, world.PlanId, "2026-6M", new RollupFilter { Unit = "SNV" })).Value!;
        // Sở Nội vụ owes 1.2 as partner and 2.1 as lead (a quarter I task, asked about again), and nothing came: missing, late.
        Assert.Equal([("1.2", AssignmentRole.Partner), ("2.1", AssignmentRole.Lead)], snv.Items.Select(i => (i.TaskCode, i.Role)));
        Assert.All(snv.Items, i => Assert.Equal((Standing.Missing, true, (ReportState?)null), (i.Standing, i.Late, i.ReportState)));
        Assert.Equal("Sở Nội vụ", snv.UnitName);

        var returned = (await list.ReadAsync(PlanRights.Everything, world.PlanId, "2026-Q1", RollupFilter.All.Behind(TallyField.Returned))).Value!;
        Assert.Equal(3, returned.Total);
        Assert.All(returned.Items, i => Assert.Equal((Standing.Returned, ReportState.Returned, "1.1"), (i.Standing, i.ReportState!.Value, i.TaskCode)));
        // Listed by task, then by the units' names as Vietnamese readers sort them.
        var missing = (await list.ReadAsync(PlanRights.Everything, world.PlanId, "2026-Q1", new RollupFilter { Standing = Standing.Missing })).Value!;
        Assert.Equal(missing.Items.OrderBy(i => i.TaskCode, NodeCodeComparer.Instance).ThenBy(i => i.UnitName, ChiSo.Text.VietnameseText.Comparer).Select(i => i.ObligationId),
            missing.Items.Select(i => i.ObligationId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_UnknownCodesAndStrangers_AreNamedOrRefused(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var list = new RollupList(db, world.ClockAt(DashboardWorld.TwentiethOfJuly));

        var unknown = await list.ReadAsync(PlanRights.Everything, world.PlanId, "2026-Q1",
            new RollupFilter { Unit = "KHONG-CO", Task = "9.9", Dimension = "7", Area = "H9" });
        Assert.Equal(["unit", "task", "dimension", "area"], unknown.Problems.Select(p => p.Field));
        Assert.All(unknown.Problems, p => Assert.False(string.IsNullOrEmpty(p.MessageVi) || string.IsNullOrEmpty(p.MessageEn)));

        Assert.True((await list.ReadAsync(new PlanRights(false, true, [], [], []), world.PlanId, "2026-Q1", RollupFilter.All)).Succeeded);
        Assert.True((await list.ReadAsync(new PlanRights(false, false, [], [], [world.ProvinceId]), world.PlanId, "2026-Q1", RollupFilter.All)).IsForbidden);
        Assert.True((await list.ReadAsync(PlanRights.Nothing, world.PlanId, "2026-Q1", RollupFilter.All)).IsNotFound);
        // A coordinator of another province does not learn that this plan exists.
        Assert.True((await list.ReadAsync(new PlanRights(false, false, [world.ProvinceId + 1], [], []), world.PlanId, "2026-Q1", RollupFilter.All)).IsNotFound);
        Assert.True((await list.ReadAsync(PlanRights.Everything, world.PlanId, "2031-Q1", RollupFilter.All)).IsNotFound);
    }
}
