using System.Text;
using System.Text.RegularExpressions;
using ChiSo.Data;
using ChiSo.EndToEndTests.Infrastructure;
using ChiSo.Tests.Infrastructure;
using ChiSo.Frameworks;
using ChiSo.Seeding;
using ChiSo.Units;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// Flow 1 of the browser issue, as far as it is built: the coordinator imports results (a bad file first),
/// reads the year table, the province profile with its charts, and the map.
/// </summary>
public sealed partial class CoordinatorFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Runs on its own app per database: it imports a year, which the other tests must not see.</summary>
    [BrowserTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Coordinator_ImportsResultsAndReadsWhereTheProvinceLosesPoints(DatabaseProvider provider)
    {
        var own = BrowserApp.On(provider);
        await own.InitializeAsync();
        try
        {
            await RunAsync(own, $"{nameof(Coordinator_ImportsResultsAndReadsWhereTheProvinceLosesPoints)}-{provider}");
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private static async Task RunAsync(BrowserApp app, string test)
    {
        await using var browser = await app.OpenAsync(test);
        var page = browser.Page;
        await browser.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);
        await browser.StepAsync("overview");

        // A bad file: every error is listed by row and column, nothing is saved.
        await page.GotoAsync("/results/import");
        await page.GetByLabel("Năm").FillAsync("2026");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "sai.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Tỉnh,1.1\nLâm Đồng,9\nAtlantis,1\n"),
        });
        await page.Locator("form:has(#Upload) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByText("Không có dữ liệu nào được lưu").First).ToBeVisibleAsync();
        var errors = page.Locator("table.chiso-error-list tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(2);
        // Row 2, column 1.1: the score is outside the node's range, given with decimal commas.
        await Assertions.Expect(errors.Nth(0).Locator("td")).ToHaveTextAsync([new Regex("^2$"), new Regex("^1\\.1$"), new Regex("Điểm 9 nằm ngoài thang điểm 0,25–2,5")]);
        // Row 3: a province that does not exist.
        await Assertions.Expect(errors.Nth(1).Locator("td")).ToHaveTextAsync([new Regex("^3$"), new Regex("Tỉnh"), new Regex("Không tìm thấy đơn vị 'Atlantis'")]);
        await browser.StepAsync("bad-file");

        // A good file for 2026.
        var framework = FrameworkVersions.ValidFor(BuiltInFrameworks.All, "papi", 2026)!;
        var provinces = ProvinceReference.ToUnits().Where(u => u.IsValidOn(ReorganisationDates.FirstDayOf34Provinces)).ToList();
        await page.GotoAsync("/results/import");
        await page.GetByLabel("Năm").FillAsync("2026");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "papi-2026.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(DemoResultsGenerator.Csv(framework, 2026, provinces)),
        });
        await page.Locator("form:has(#Upload) button[type=submit]").ClickAsync();
        var summary = page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Đã nhập kết quả" });
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("dt:text-is('Phiên bản khung chỉ số') + dd")).ToHaveTextAsync(framework.Id);
        await Assertions.Expect(summary.Locator("dt:text-is('Năm') + dd")).ToHaveTextAsync("2026");
        await Assertions.Expect(summary.Locator("dt:text-is('Số đơn vị') + dd")).ToHaveTextAsync("34");
        await Assertions.Expect(page.Locator("table.chiso-error-list")).ToHaveCountAsync(0);
        await browser.StepAsync("imported");

        // The year table: 34 provinces, Vietnamese names, decimal commas.
        await page.GotoAsync("/results/papi/2026");
        await Assertions.Expect(page.Locator("#year-table tbody tr")).ToHaveCountAsync(34);
        await Assertions.Expect(page.Locator("#year-table")).ToContainTextAsync("Lâm Đồng");
        Assert.Matches(DecimalComma(), await page.Locator("#year-table tbody").InnerTextAsync());
        await browser.StepAsync("year-table");

        // The profile: radar, trend and lost-points charts drawn, the merged province's predecessors listed.
        await page.GotoAsync("/units/68?framework=papi&year=2026");
        await browser.WaitForChartsAsync(3);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tỉnh Lâm Đồng" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#merged-history")).ToContainTextAsync("Đắk Nông");
        Assert.Matches(DecimalComma(), await page.Locator("[data-testid=aggregate]").InnerTextAsync());
        await browser.StepAsync("profile");

        // The map of the 34 provinces.
        await page.GotoAsync("/map?framework=papi&year=2026");
        await browser.WaitForChartsAsync(1);
        await Assertions.Expect(page.Locator("#map-table tbody tr")).ToHaveCountAsync(34);
        await Assertions.Expect(page.Locator("#map-table")).ToContainTextAsync("Lâm Đồng");
        Assert.Matches(DecimalComma(), await page.Locator("#map-table tbody").InnerTextAsync());
        await browser.StepAsync("map");

        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    [BrowserTheory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Pages_PhoneAndLaptop_FitTheScreenWithoutErrors(int width, int height)
    {
        await using var browser = await app.OpenAsync($"{nameof(Pages_PhoneAndLaptop_FitTheScreenWithoutErrors)}-{width}", width, height);
        var page = browser.Page;
        await browser.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);
        foreach (var (name, url) in new[] { ("overview", "/"), ("profile", "/units/68?framework=papi&year=2025"), ("import", "/results/import"), ("frameworks", "/frameworks") })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await browser.StepAsync(name);
            Assert.True(await browser.FitsWidthAsync(), $"{url} scrolls sideways at {width}px");
        }

        Assert.Empty(browser.Errors);
    }

    [GeneratedRegex(@"\d+,\d{2}")]
    private static partial Regex DecimalComma();
}
