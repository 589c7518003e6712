using System.Net;
using ChiSo.Data;
using ChiSo.Reporting.Calendar;
using ChiSo.Tests.Infrastructure;
using ChiSo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Admin;

/// <summary>/admin/calendar: admins enter each year's lunar holidays and swapped days; nobody else may.</summary>
public sealed class CalendarPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Admin_EntersTetAndRemovesIt_FromTheRouteDate(DatabaseProvider provider)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(provider);
        using var admin = await SignIn.AdminAsync(app);

        var page = await admin.GetStringAsync("/admin/calendar/2026");
        Assert.Contains("ngày 02 tháng 09 năm 2026 — Quốc khánh", page, StringComparison.Ordinal);
        Assert.Contains("ngày 01 tháng 09 năm 2026 — Quốc khánh (ngày liền kề)", page, StringComparison.Ordinal);
        Assert.Contains("id=\"entered-empty\"", page, StringComparison.Ordinal);

        var token = SignIn.Token(page, "calendar-form");
        var saved = await admin.PostAsync("/admin/calendar/2026?handler=Set",
            SignIn.Form(token, ("Date", "2026-02-16"), ("Kind", "Holiday"), ("NameVi", "Tết Nguyên đán"), ("NameEn", "Lunar New Year")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.GetStringAsync("/admin/calendar/2026");
        Assert.Contains("id=\"day-2026-02-16\"", after, StringComparison.Ordinal);
        Assert.Contains("Tết Nguyên đán", after, StringComparison.Ordinal);

        // A weekday cannot be a make-up working day: the problem names the field as labelled, nothing is saved.
        var refused = await admin.PostAsync("/admin/calendar/2026?handler=Set",
            SignIn.Form(SignIn.Token(after, "calendar-form"), ("Date", "2026-02-17"), ("Kind", "WorkingDay"), ("NameVi", "Làm bù")));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Loại ngày", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("thứ Bảy hoặc Chủ nhật", refusedHtml, StringComparison.Ordinal);

        var removed = await admin.PostAsync("/admin/calendar/2026/2026-02-16?handler=Remove", SignIn.Form(SignIn.Token(after, "calendar-form")));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        // The date is the route's: a posted date is ignored, and an unknown or malformed route date is not found.
        var tampered = await admin.PostAsync("/admin/calendar/2026/2026-02-16?handler=Remove", SignIn.Form(SignIn.Token(after, "calendar-form"), ("Date", "2026-02-17")));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/admin/calendar/2026/x?handler=Remove", SignIn.Form(SignIn.Token(after, "calendar-form")))).StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        Assert.Empty(await db.Set<CalendarDay>().ToListAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(CalendarDay)));
    }

    [Theory]
    [InlineData("dieuphoi")]
    [InlineData("daumoi")]
    public async Task NonAdmins_AreDenied_ReadingAndWriting(string user)
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite, demo: true);
        using var client = await SignIn.DemoAsync(app, user);
        var read = await client.GetAsync("/admin/calendar/2026");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.StartsWith("/account/denied", read.Headers.Location!.IsAbsoluteUri ? read.Headers.Location.PathAndQuery : read.Headers.Location.OriginalString, StringComparison.Ordinal);

        var post = await client.PostAsync("/admin/calendar/2026?handler=Set",
            SignIn.Form(await SignIn.TokenAsync(client, "/account/password"), ("Date", "2026-02-16"), ("Kind", "Holiday"), ("NameVi", "Tết")));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Set<CalendarDay>().ToListAsync());
    }
}
