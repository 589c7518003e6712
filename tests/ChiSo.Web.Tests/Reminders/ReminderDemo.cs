using ChiSo.Data;
using ChiSo.Reporting.Reminders;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Reminders;

/// <summary>
/// What the reminder tests read of the demo seeded on 1 December 2026 (<see cref="Reporting.DemoInDecember"/>), when its
/// plan's first three quarters have passed and its notifications were played at seed time.
/// </summary>
internal static class ReminderDemo
{
    public static async Task<List<Notification>> NotificationsOfAsync(this ChiSoWebFactory app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == id).ToListAsync();
    }
}
