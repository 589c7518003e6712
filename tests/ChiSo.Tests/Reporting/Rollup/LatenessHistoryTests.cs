using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Rollup;
using ChiSo.Tests.Infrastructure;

namespace ChiSo.Tests.Reporting.Rollup;

/// <summary>
/// The units' lateness across the periods is one grouped SQL query; here it is held to the rules (<see cref="ObligationFacts"/>
/// through the roll-up of each period) on both databases, on the day a due date passes and on the due date itself.
/// </summary>
public sealed class LatenessHistoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_EveryUnitAndPeriod_AgreesWithTheRules(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        // 20 July (quarter I and 6 months due), 1 July (the 6 months' due date itself: nothing of it late yet), 2 July (the day after).
        foreach (var now in new[] { DashboardWorld.TwentiethOfJuly, new DateTimeOffset(2026, 7, 1, 16, 59, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 1, 17, 0, 0, TimeSpan.Zero) })
        {
            var clock = world.ClockAt(now);
            var history = (await new LatenessHistory(db, clock).ReadAsync(PlanRights.Everything, world.PlanId)).Value!;
            Assert.Equal(["2026-Q1", "2026-6M", "2026-9M", "2026-Y"], history.Periods.Select(p => p.Key));
            var cells = 0;
            foreach (var period in history.Periods)
            {
                var rollup = (await new RollupQueries(db, clock).ReadAsync(PlanRights.Everything, world.PlanId, period.Key)).Value!;
                foreach (var unit in rollup.Units)
                {
                    Assert.Equal(new Lateness(unit.Reports.Expected, unit.Reports.Late), history.Of(unit.UnitId, period.Id));
                    cells++;
                }

                Assert.Equal(rollup.AsOf > rollup.UnitDue, period.IsDueBy(history.AsOf));
            }

            Assert.Equal(cells, history.Cells.Count);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_ByHand_LateEveryTimeAndMissingCount(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var history = (await new LatenessHistory(db, world.ClockAt(DashboardWorld.TwentiethOfJuly)).ReadAsync(PlanRights.Everything, world.PlanId)).Value!;
        var units = db.Units.Where(u => u.Code == "SNV" || u.Code == "STP").ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);
        var (q1, six, nine) = (history.Periods[0].Id, history.Periods[1].Id, history.Periods[2].Id);

        // Sở Nội vụ: quarter I, 1.2 as partner submitted late and 2.1 approved late; 6 months, both missing (2.1, a quarter I
        // task, is asked about in every report after it); 9 months and the year not due.
        Assert.Equal(new Lateness(2, 2), history.Of(units["SNV"], q1));
        Assert.Equal(new Lateness(2, 2), history.Of(units["SNV"], six));
        Assert.Equal(new Lateness(2, 0), history.Of(units["SNV"], nine));
        Assert.Equal(new Lateness(8, 4), history.Total(units["SNV"]));
        // Sở Tư pháp: 1.2 (accepted on time) and 3.1 (missing) in quarter I; 1.2 returned (on time) and 3.1 accepted in the 6 months.
        Assert.Equal(new Lateness(2, 1), history.Of(units["STP"], q1));
        Assert.Equal(new Lateness(2, 0), history.Of(units["STP"], six));
        Assert.True(history.Periods[1].IsDueBy(history.AsOf));
        Assert.False(history.Periods[2].IsDueBy(history.AsOf));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ReadAsync_WhoAsks_AsTheRollup(DatabaseProvider provider)
    {
        await using var world = await DashboardWorld.CreateAsync(provider);
        await using var db = world.Database.CreateContext();
        var history = new LatenessHistory(db, world.ClockAt(DashboardWorld.TwentiethOfJuly));

        Assert.True((await history.ReadAsync(new PlanRights(false, true, [], [], []), world.PlanId)).Succeeded);
        Assert.True((await history.ReadAsync(new PlanRights(false, false, [], [], [world.ProvinceId]), world.PlanId)).IsForbidden);
        Assert.True((await history.ReadAsync(PlanRights.Nothing, world.PlanId)).IsNotFound);
        Assert.True((await history.ReadAsync(PlanRights.Everything, world.PlanId + 1000)).IsNotFound);
    }
}
