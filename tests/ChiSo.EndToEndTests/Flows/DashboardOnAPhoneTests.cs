using System.Globalization;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.EndToEndTests.Infrastructure;
using ChiSo.Plans;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// The demo on a 390-px phone, after a deadline (the demo read on 1 December 2026, when the 9-month reports
/// are two months overdue): the coordinator opens the dashboard from the plan page, clicks a "missing" number, sees the
/// list behind it — as long as the number — and opens a report from it; no page scrolls sideways.
/// </summary>
public sealed class DashboardOnAPhoneTests(DashboardOnAPhoneTests.DecemberApp app) : IClassFixture<DashboardOnAPhoneTests.DecemberApp>
{
    /// <summary>The demo on 1 December 2026: the seeding plays every report scene up to then.</summary>
    public sealed class DecemberApp() : BrowserApp(DatabaseProvider.Sqlite, services =>
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero)));
    });

    [BrowserFact]
    public async Task Coordinator_AfterADeadline_OpensTheDashboard_ClicksMissing_SeesTheList_OpensAReport()
    {
        int plan;
        using (var scope = app.App.Services.CreateScope())
        {
            plan = await scope.ServiceProvider.GetRequiredService<ChiSoDbContext>().Plans.Where(p => p.Status == PlanStatus.Issued).Select(p => p.Id).FirstAsync();
        }

        await using var phone = await app.OpenAsync(nameof(Coordinator_AfterADeadline_OpensTheDashboard_ClicksMissing_SeesTheList_OpensAReport), 390, 844);
        await phone.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);
        await phone.Page.GotoAsync("/plans/" + plan.ToString(CultureInfo.InvariantCulture));
        await phone.Page.Locator("#dashboard-link").ClickAsync();
        await phone.Page.WaitForURLAsync("**/dashboard");
        await phone.WaitForChartsAsync(1);
        await phone.StepAsync("dashboard");
        // The latest period whose due date has passed: the 9 months (due 1 October).
        Assert.Contains("9 tháng/2026", await phone.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await phone.FitsWidthAsync(), $"the dashboard scrolls sideways: {await phone.WideElementsAsync()}");

        // The period's missing reports, from the summary: the list is as long as the number (in pages of 500).
        var summary = phone.Page.Locator("[data-number='reports.missing'] a");
        var missing = int.Parse(await summary.GetAttributeAsync("data-count") ?? "", CultureInfo.InvariantCulture);
        Assert.True(missing > 0);
        Assert.Equal(missing.ToString(CultureInfo.InvariantCulture), (await summary.InnerTextAsync()).Trim());
        await summary.ClickAsync();
        await phone.Page.WaitForURLAsync(new Regex("/list\\?standing=missing$"));
        Assert.Equal(missing.ToString(CultureInfo.InvariantCulture), await phone.Page.Locator("#list-count strong").GetAttributeAsync("data-count"));
        Assert.Equal(Math.Min(missing, ChiSo.Reporting.Rollup.RollupList.PageSize), await phone.Page.Locator("#obligation-list tbody tr").CountAsync());
        Assert.True(await phone.FitsWidthAsync(), $"the list scrolls sideways: {await phone.WideElementsAsync()}");

        // Back on the dashboard, Sở Nội vụ's missing reports in the unit table.
        await phone.Page.Locator("#back-to-dashboard").ClickAsync();
        await phone.Page.WaitForURLAsync("**/dashboard/2026-9M");
        var snv = phone.Page.Locator("#unit-table tr[data-unit='SNV'] a[data-field='missing']");
        await snv.ScrollIntoViewIfNeededAsync();
        var snvMissing = int.Parse(await snv.GetAttributeAsync("data-count") ?? "", CultureInfo.InvariantCulture);
        Assert.True(snvMissing > 0);
        await snv.ClickAsync();
        await phone.Page.WaitForURLAsync(new Regex("/list\\?standing=missing&unit=SNV$"));
        await phone.StepAsync("missing-list");
        Assert.Equal(snvMissing, await phone.Page.Locator("#obligation-list tbody tr").CountAsync());
        Assert.All(await phone.Page.Locator("#obligation-list tbody tr td:nth-child(5)").AllInnerTextsAsync(),
            state => Assert.StartsWith("chưa gửi, quá hạn", state.Trim(), StringComparison.Ordinal));
        Assert.True(await phone.FitsWidthAsync(), $"the list scrolls sideways: {await phone.WideElementsAsync()}");

        // A report from the list: its own page, where the coordinator's actions are the report's to decide.
        var first = phone.Page.Locator("#obligation-list a.report-link").First;
        var task = (await phone.Page.Locator("#obligation-list tbody tr td:first-child span.fw-semibold").First.InnerTextAsync()).Trim();
        // Missing with a draft never sent (the demo's 9 months) or with nothing at all: the report page says which.
        var draft = (await phone.Page.Locator("#obligation-list tbody tr td:nth-child(5)").First.InnerTextAsync()).Contains("nháp", StringComparison.Ordinal);
        await first.ClickAsync();
        await phone.Page.WaitForURLAsync("**/my/reports/**");
        await phone.StepAsync("report");
        Assert.Contains(task, await phone.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(draft ? "nháp" : "chưa báo cáo", (await phone.Page.Locator("#report-state").InnerTextAsync()).Trim());
        Assert.True(await phone.FitsWidthAsync(), $"the report page scrolls sideways: {await phone.WideElementsAsync()}");
        Assert.Empty(phone.Errors);
    }

    [BrowserTheory]
    [InlineData("dashboard", "/dashboard/2026-9M")]
    [InlineData("list", "/dashboard/2026-9M/list?standing=missing&unit=SNV")]
    [InlineData("tasks", "/dashboard/2026-9M/list?tasks=all")]
    public async Task DashboardPages_OnAPhone_HaveNoWcagAaViolations(string name, string path)
    {
        await using var phone = await app.OpenAsync($"{nameof(DashboardPages_OnAPhone_HaveNoWcagAaViolations)}-{name}", 390, 844);
        await phone.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);
        await phone.Page.GotoAsync("/plans/1" + path);
        await phone.Page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe", "axe.min.js")));
        var result = await phone.Page.EvaluateAsync<System.Text.Json.JsonElement>(
            """
            async () => {
              const r = await axe.run({ exclude: [['.chiso-chart']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary) }));
            }
            """);
        var violations = result.EnumerateArray().Select(v => v.ToString()).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(await phone.FitsWidthAsync(), $"{path} scrolls sideways: {await phone.WideElementsAsync()}");
        Assert.Empty(phone.Errors);
    }
}
