using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Rollup;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Reporting;

/// <summary>
/// The demo read on 1 December 2026, shared by a test class: the seeding plays every report scene up to then, so the
/// demo plan has reports in every state and the quarter I, 6-month and 9-month due dates have passed (the year's has not).
/// </summary>
public sealed class DecemberDemoFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public ChiSoWebFactory App { get; private set; } = null!;

    public int PlanId { get; private set; }

    public async Task InitializeAsync()
    {
        App = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(new FixedClock(FirstOfDecember));
        });
        using (App.CreateClient())
        {
        }

        using var scope = App.Services.CreateScope();
        PlanId = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
    }

    /// <summary>The roll-up as the service computes it, to hold the page's numbers to.</summary>
    public async Task<PeriodRollup> RollupAsync(string period)
    {
        using var scope = App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<RollupQueries>().ReadAsync(PlanRights.Everything, PlanId, period)).Value!;
    }

    public async Task<PlanLateness> HistoryAsync()
    {
        using var scope = App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<LatenessHistory>().ReadAsync(PlanRights.Everything, PlanId)).Value!;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
