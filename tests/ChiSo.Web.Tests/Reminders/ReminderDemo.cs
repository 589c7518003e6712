using ChiSo.Data;
using ChiSo.Reporting.Reminders;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Reminders;

/// <summary>The demo seeded on 1 December 2026, when its plan's first three quarters have passed: its notifications were played at seed time.</summary>
public sealed class ReminderDemoFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public ChiSoWebFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(new FixedClock(Now));
        });
        using (App.CreateClient())
        {
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<List<Notification>> NotificationsOfAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == id).ToListAsync();
    }
}
