using ChiSo.Accounts;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reminders;
using ChiSo.Tests.Infrastructure;
using ChiSo.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Reporting.Reminders;

/// <summary>
/// The reporting world (<see cref="ReportingWorld"/>: Sở Tư pháp owes task 1.1 for quarter I, due Wednesday 1 April
/// 2026, like every commune) with the people reminders go to, each with an address at this test's own domain: Sở Tư
/// pháp's focal point and head, Thanh tra tỉnh's focal point, a coordinator of the province (membership), one of this
/// plan only, an account coordinator, and who must get nothing — a coordinator of Hà Nội and a locked account
/// coordinator. Each run is a new instance: its own context and services around the same database.
/// </summary>
internal sealed class ReminderWorld : IAsyncDisposable
{
    public const string Focal = "u-focal", Head = "u-head", Other = "u-other", ProvinceCoordinator = "u-coord", PlanCoordinator = "u-plancoord",
        AccountCoordinator = "u-acct", FarCoordinator = "u-far", Locked = "u-locked";

    public static readonly DateOnly Due = new(2026, 4, 1);

    private ReminderWorld(ReportingWorld world, string domain)
    {
        World = world;
        Domain = domain;
    }

    public ReportingWorld World { get; }

    public string Domain { get; }

    public TestDatabase Database => World.Database;

    public FixedClock Clock => (FixedClock)World.Database.Clock;

    public ValueTask DisposeAsync() => World.DisposeAsync();

    /// <summary>8 o'clock in the morning, Viet Nam time, of <paramref name="day"/>.</summary>
    public static DateTimeOffset Morning(DateOnly day) => VietNamClock.StartOfDay(day).AddHours(8).ToUniversalTime();

    public string Email(string user) => $"{user}@{Domain}";

    public static async Task<ReminderWorld> CreateAsync(DatabaseProvider provider)
    {
        var world = await ReportingWorld.CreateAsync(provider);
        var domain = SmtpSink.NewDomain();
        await using var db = world.Database.CreateContext();
        var hanoi = await db.Units.SingleAsync(u => u.Kind == UnitKind.Province && u.Code == "01" && u.ValidTo == null);
        ReportingWorld.AddMember(db, world.Database, ProvinceCoordinator, world.ProvinceId, UnitRoles.Coordinator);
        ReportingWorld.AddMember(db, world.Database, FarCoordinator, hanoi.Id, UnitRoles.Coordinator);
        ReportingWorld.AddMember(db, world.Database, PlanCoordinator, world.StpId, UnitRoles.Coordinator);
        await db.SaveChangesAsync();
        (await db.UnitMemberships.SingleAsync(m => m.UserId == PlanCoordinator)).PlanId = world.PlanId;
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.Coordinator);
        if (role is null)
        {
            role = new IdentityRole(Roles.Coordinator) { NormalizedName = Roles.Coordinator.ToUpperInvariant() };
            db.Roles.Add(role);
        }

        foreach (var user in new[] { AccountCoordinator, Locked })
        {
            db.Users.Add(new ChiSoUser { Id = user, UserName = user, NormalizedUserName = user.ToUpperInvariant(), SecurityStamp = user, DisplayName = "Cán bộ " + user });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user, RoleId = role.Id });
        }

        await db.SaveChangesAsync();
        foreach (var user in await db.Users.ToListAsync())
        {
            user.Email = $"{user.Id}@{domain}";
            user.LockoutEnd = user.Id == Locked ? DateTimeOffset.MaxValue : null;
        }

        await db.SaveChangesAsync();
        return new ReminderWorld(world, domain);
    }

    /// <summary>Services of one app instance around <paramref name="db"/>: mail through the sink unless <paramref name="mail"/> is false.</summary>
    public IServiceProvider Instance(ChiSoDbContext db, bool mail = true, Action<IServiceCollection>? more = null) =>
        ChiSoCoreServices.Around(db, Clock, s =>
        {
            if (mail)
            {
                SmtpSink.Configure(s);
            }

            more?.Invoke(s);
        });

    /// <summary>One run of the job at <paramref name="now"/> by a new instance.</summary>
    public async Task<ReminderRunResult> RunAsync(DateTimeOffset now, bool mail = true)
    {
        Clock.Now = now.ToUniversalTime();
        await using var db = Database.CreateContext();
        return await Instance(db, mail).GetRequiredService<ReminderRun>().RunOnceAsync(now);
    }

    public async Task<List<Notification>> NotificationsAsync(DateOnly? day = null)
    {
        await using var db = Database.CreateContext();
        return await db.Set<Notification>().AsNoTracking().Where(n => day == null || n.Day == day).OrderBy(n => n.UserId).ThenBy(n => n.ObligationId).ToListAsync();
    }

    public async Task<List<ReminderDigest>> DigestsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.Set<ReminderDigest>().AsNoTracking().Include(d => d.Notifications).OrderBy(d => d.Day).ThenBy(d => d.UserId).ToListAsync();
    }

    /// <summary>The open obligations of quarter I on task 1.1 (Sở Tư pháp and every commune), which escalate to the coordinators.</summary>
    public async Task<List<int>> QuarterOneObligationsAsync()
    {
        await using var db = Database.CreateContext();
        return await (from o in db.Set<Obligation>()
                      join p in db.Set<PlanReportingPeriod>() on o.PeriodId equals p.Id
                      where o.PlanId == World.PlanId && p.Key == "2026-Q1" && o.State == ObligationState.Open
                      select o.Id).OrderBy(i => i).ToListAsync();
    }
}
