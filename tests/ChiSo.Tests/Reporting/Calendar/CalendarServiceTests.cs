using ChiSo.Auditing;
using ChiSo.Data;
using ChiSo.Reporting.Calendar;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Reporting.Calendar;

public sealed class CalendarServiceTests
{
    private static readonly Actor Admin = new("admin", "127.0.0.1");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task SetThenRemove_IsAuditedAndChangesTheCalendar(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var calendar = database.Service<CalendarService>(db);
        var hungKings = new DateOnly(2026, 4, 27);

        Assert.True((await calendar.SetAsync(hungKings, CalendarDayKind.Holiday, "  Giỗ Tổ Hùng Vương ", "Hung Kings' Day", Admin)).Succeeded);
        Assert.False((await calendar.CalendarAsync()).IsWorkingDay(hungKings));
        Assert.Equal("Giỗ Tổ Hùng Vương", Assert.Single(await calendar.EnteredAsync(2026)).NameVi);

        // Entering the date again corrects it: one row per date.
        Assert.True((await calendar.SetAsync(hungKings, CalendarDayKind.DayOff, "Nghỉ bù", null, Admin)).Succeeded);
        Assert.Equal(CalendarDayKind.DayOff, Assert.Single(await calendar.EnteredAsync(2026)).Kind);

        Assert.True((await calendar.RemoveAsync(hungKings, Admin)).Succeeded);
        Assert.True((await calendar.CalendarAsync()).IsWorkingDay(hungKings));
        Assert.True((await calendar.RemoveAsync(hungKings, Admin)).IsNotFound);

        var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(CalendarDay)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["calendar.set", "calendar.set", "calendar.remove"], actions);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Set_WorkingDayOnAWeekdayOrNoName_IsRefusedNamingTheField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var calendar = database.Service<CalendarService>(db);

        var weekday = await calendar.SetAsync(new DateOnly(2026, 12, 1), CalendarDayKind.WorkingDay, "Làm bù", null, Admin);
        var unnamed = await calendar.SetAsync(new DateOnly(2026, 12, 5), CalendarDayKind.WorkingDay, " ", null, Admin);

        Assert.Equal("kind", Assert.Single(weekday.Problems).Field);
        Assert.Contains("ngày 01 tháng 12 năm 2026", weekday.Problems[0].MessageVi, StringComparison.Ordinal);
        Assert.Equal("nameVi", Assert.Single(unnamed.Problems).Field);
        Assert.Empty(await db.Set<CalendarDay>().ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(a => a.EntityType == nameof(CalendarDay)).ToListAsync());
    }
}
