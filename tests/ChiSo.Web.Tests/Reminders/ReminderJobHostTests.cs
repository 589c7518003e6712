using ChiSo.Accounts;
using ChiSo.Data;
using ChiSo.Reporting.Reminders;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Reporting.Reminders;
using ChiSo.Units;
using ChiSo.Web.Tests.Infrastructure;
using ChiSo.Web.Tests.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.Web.Tests.Reminders;

/// <summary>
/// The background job as deployed: two app instances against one database, each running the job every second,
/// mailing through the SMTP sink. Each person gets one e-mail and one digest, however the instances' runs interleave.
/// </summary>
public sealed class ReminderJobHostTests
{
    /// <summary>Thursday 2 April 2026, 08:00 in Viet Nam: the day after quarter I's due date, a reminder day.</summary>
    private static readonly DateTimeOffset Now = new(2026, 4, 2, 1, 0, 0, TimeSpan.Zero);

    [SmtpTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BackgroundJob_TwoInstancesOnOneDatabase_EachPersonMailedOnce(DatabaseProvider provider)
    {
        var domain = SmtpSink.NewDomain();
        var (host, port, _) = SmtpSink.Settings;
        // The instance that prepares the data runs no job, so nothing is decided before the plan exists.
        await using var setup = await ChiSoWebFactory.CreateAsync(provider, extra: new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" }, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(new FixedClock(Now));
        });
        using (setup.CreateClient())
        {
        }

        using (var import = setup.Services.CreateScope())
        {
            Assert.True((await import.ServiceProvider.GetRequiredService<OrganisationImport>().ImportCommunesAsync("68", new("test"))).Succeeded);
        }

        var province = await PlanScenario.ProvinceAsync(setup, "68");
        var plan = await DraftAsync(setup, province);
        await PlanScenario.IssueAsync(setup, plan, "31", new DateOnly(2026, 1, 20));
        var communes = await CommunesAsync(setup, province, 3);
        await PlanScenario.UserAsync(setup, "xa1", Roles.Member, (communes[0], UnitRoles.FocalPoint, null));
        await PlanScenario.UserAsync(setup, "xa2", Roles.Member, (communes[1], UnitRoles.FocalPoint, null), (communes[2], UnitRoles.FocalPoint, null));
        await PlanScenario.UserAsync(setup, "xa3", Roles.Member, (communes[2], UnitRoles.FocalPoint, null));
        await SetEmailsAsync(setup, domain, "xa1", "xa2", "xa3");

        var mail = new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "true", ["Reminders:Interval"] = "00:00:01", ["Mail:Smtp:Host"] = host, ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None", ["Mail:Smtp:From"] = "ChiSo <chiso@lamdong.test>", ["ChiSo:PublicUrl"] = "https://chiso.test",
        };
        await using var first = setup.SecondInstance(mail);
        await using var second = setup.SecondInstance(mail);
        using (first.CreateClient())
        using (second.CreateClient())
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (SmtpSink.Messages(domain).Count < 3 && waited.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(250);
            }

            // A few more ticks of both instances: nothing more may come.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var mails = SmtpSink.Messages(domain);
        Assert.Equal([$"xa1@{domain}", $"xa2@{domain}", $"xa3@{domain}"], mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal).ToList());
        Assert.All(mails, m => Assert.Contains("https://chiso.test/my/reports/", m.TextBody, StringComparison.Ordinal));
        using var scope = setup.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        var digests = await db.Set<ReminderDigest>().Include(d => d.Notifications).AsNoTracking().ToListAsync();
        Assert.Equal(3, digests.Count);
        Assert.All(digests, d => Assert.NotNull(d.SentAt));
        // Two tasks a commune: xa2 (two communes) gets four items in one digest; xa3 shares a commune with xa2.
        Assert.Equal([2, 4, 2], digests.OrderBy(d => d.Email, StringComparer.Ordinal).Select(d => d.Notifications.Count).ToList());
        Assert.Equal(1, await db.Set<ReminderDay>().CountAsync());
    }

    /// <summary>Two ongoing tasks ("Thường xuyên", so they report every quarter) on all communes.</summary>
    private static async Task<int> DraftAsync(ChiSoWebFactory app, int provinceId)
    {
        using var scope = app.Services.CreateScope();
        var header = new ChiSo.Plans.Authoring.PlanHeaderInput
        {
            Symbol = "KH-UBND", IssuingBody = "Ủy ban nhân dân tỉnh Lâm Đồng", Place = "Lâm Đồng", Title = "Nâng cao Chỉ số PAPI năm 2026", FromYear = 2026, ToYear = 2026,
            Frameworks = ["papi"], SignerName = "Nguyễn Văn An",
        };
        var tasks = Enumerable.Range(1, 2).Select(i => new ChiSo.Plans.Authoring.TaskInput
        {
            Code = $"1.{i}", GroupCode = "1", Content = $"Nhiệm vụ {i} của các xã", TimeframeText = "Thường xuyên", Leads = [AssigneeKey.ForBuiltIn(UnitGroups.AllCommunes).ToString()],
        }).ToList();
        var created = await scope.ServiceProvider.GetRequiredService<ChiSo.Plans.Authoring.PlanService>().CreateAsync(provinceId, header,
            [new ChiSo.Plans.Authoring.TaskGroupInput("1", "Tham gia của người dân")], tasks, new("test"));
        Assert.True(created.Succeeded, string.Join("; ", created.Problems));
        return created.Value;
    }

    private static async Task<List<int>> CommunesAsync(ChiSoWebFactory app, int provinceId, int count)
    {
        using var scope = app.Services.CreateScope();
        var units = await scope.ServiceProvider.GetRequiredService<UnitDirectory>().InProvinceAsync(provinceId);
        return units.Where(u => u.Kind == UnitKind.Commune).OrderBy(u => u.Code, StringComparer.Ordinal).Take(count).Select(u => u.Id).ToList();
    }

    private static async Task SetEmailsAsync(ChiSoWebFactory app, string domain, params string[] users)
    {
        using var scope = app.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<ChiSoUser>>();
        var inbox = scope.ServiceProvider.GetRequiredService<NotificationInbox>();
        foreach (var name in users)
        {
            var user = (await manager.FindByNameAsync(name))!;
            Assert.True((await inbox.SetEmailAsync(user.Id, $"{name}@{domain}", new("test"))).Succeeded);
        }
    }
}
