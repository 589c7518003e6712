using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting;

/// <summary>
/// The reporting tests' world: the fixture plan issued on 20 January 2026 (the test clock reads 15 March 2026), Sở Tư
/// pháp's focal point and head, Thanh tra tỉnh's focal point (another unit), a coordinator and a leader, and Sở Tư
/// pháp's obligations on task 1.1 (ongoing) for quarter I (due 1 April 2026) and the 6 months.
/// </summary>
internal sealed record ReportingWorld(TestDatabase Database, int ProvinceId, int PlanId, int StpId, int Q1, int SixMonths) : IAsyncDisposable
{
    public PlanRights Member => new(false, false, [], [], [ProvinceId]);

    public ReportCaller FocalPoint => new("u-focal", Member);

    public ReportCaller Head => new("u-head", Member);

    public ReportCaller OtherUnit => new("u-other", Member);

    public ReportCaller CoordinatorCaller => new("u-coord", PlanRights.Everything);

    public ReportCaller Leader => new("u-leader", new PlanRights(false, true, [], [], []));

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public static async Task<ReportingWorld> CreateAsync(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var db = database.CreateContext();
        var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
        Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "12", new DateOnly(2026, 1, 20))).Succeeded);
        var stp = await db.Units.SingleAsync(u => u.Code == "STP");
        var ttt = await db.Units.SingleAsync(u => u.Code == "TTT");
        foreach (var (user, unit, role) in new[] { ("u-focal", stp.Id, UnitRoles.FocalPoint), ("u-head", stp.Id, UnitRoles.UnitHead), ("u-other", ttt.Id, UnitRoles.FocalPoint) })
        {
            AddMember(db, database, user, unit, role);
        }

        await db.SaveChangesAsync();
        int ObligationOf(string period) => (from o in db.Set<Obligation>()
                                            join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                                            where o.PlanId == planId && o.UnitId == stp.Id && o.TaskCode == "1.1" && p.Key == period
                                            select o.Id).Single();
        return new ReportingWorld(database, provinceId, planId, stp.Id, ObligationOf("2026-Q1"), ObligationOf("2026-6M"));
    }

    /// <summary>Stages an account and its membership of <paramref name="unitId"/> (the caller saves).</summary>
    public static void AddMember(ChiSoDbContext db, TestDatabase database, string user, int unitId, string role)
    {
        db.Users.Add(new ChiSoUser { Id = user, UserName = user, NormalizedUserName = user.ToUpperInvariant(), SecurityStamp = user });
        db.UnitMemberships.Add(new UnitMembership { UserId = user, UnitId = unitId, Role = role, CreatedAt = database.Clock.GetUtcNow(), CreatedBy = "test" });
    }
}
